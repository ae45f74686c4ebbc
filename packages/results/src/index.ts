export * from './generated/models';
export * from './generated/schemas';
export { resultsApi } from './generated/registry';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
export * from './ontvanger/data-source';
export * from './ontvanger/create-results-ontvanger';
export * from './ontvanger/in-memory-store';
