export { API_NAMES, apiName, findRegistry, QUALIFIABLE_REGISTRIES } from './apis';
export type { AuthorizationServer, ClientCredentials } from './auth/client-credentials';
export { businessCode, eduvkitCode, kvtBaseCode, missingBodyFieldCode } from './case-id';
export { ConformanceConfigError } from './config-error';
export { createTestData, loadTestData, type TestData } from './data/test-data';
export { normaliseRole, type QualifyRole } from './roles';
export { listCases, qualify, type QualifyOptions } from './run';
export * from './report/index';
