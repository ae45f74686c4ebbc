import { consentApi } from '@eduvkit/consent';
import type { ApiRegistry } from '@eduvkit/core';
import { createTestData, qualify, type QualificationReport, type QualifyOptions } from '../../src/index';
import { consentTestData } from './consent-test-data';
import { pushClients, pushTestData } from './push-test-data';
import { CONSENTED_CLIENT, UNCONSENTED_CLIENT, type MockTarget } from './mock-target';

/** Runs an API's bron suite as a supplier would, against the mock or a wrapper around it. */
export async function runSuite(target: MockTarget, registry: ApiRegistry, extra: Partial<QualifyOptions> = {}): Promise<QualificationReport> {
  const student = target.server.world.students.get(target.school)!.find((record) => record.student.userMasterIdentifier)!.student.userMasterIdentifier!;
  const testData = createTestData(
    registry === consentApi
      ? await consentTestData(target.baseUrl(consentApi), await target.token(CONSENTED_CLIENT, ['consent']), target.school)
      : pushTestData(target.school, { userMasterIdentifier: student }),
  );
  const clients = pushClients(registry, target.callingClient(registry), UNCONSENTED_CLIENT);
  return qualify({
    testData,
    api: registry,
    role: 'bron',
    baseUrl: target.baseUrl(registry),
    school: target.school,
    authorizationServer: { issuer: target.server.url },
    client: target.credentials(clients.client),
    unconsentedClient: target.credentials(clients.unconsented),
    ...extra,
  });
}

export const failedIds = (report: QualificationReport): string[] => report.cases.filter((result) => result.status === 'failed').map((result) => result.id);

export const describeProblems = (report: QualificationReport): string =>
  report.cases
    .filter((result) => result.status !== 'passed')
    .map((result) => `${result.status} ${result.id}: ${result.reason}`)
    .join('\n');
