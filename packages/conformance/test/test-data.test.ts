import { associationApi } from '@eduvkit/association';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConformanceConfigError, createTestData } from '../src/index';
import { startDefectProxy } from './support/defect-proxy';
import { startMockTarget, type MockTarget } from './support/mock-target';
import { runSuite } from './support/run-suite';

let target: MockTarget;
beforeAll(async () => {
  target = await startMockTarget();
}, 60_000);
afterAll(() => target.close());

const caseOf = (report: Awaited<ReturnType<typeof runSuite>>, id: string) => report.cases.find((result) => result.id === id)!;

describe('test data', () => {
  it('takes ids and query values keyed like the testlab variables, flat or nested', async () => {
    const groups = target.server.world.association.get(target.school)!.groups;
    const chosen = groups[groups.length - 1]!.groupId;
    const report = await runSuite(target, associationApi, {
      only: ['KVTGETGROUPSSCHOOLID', 'KVTGETGROUPSSCHOOL'],
      testData: createTestData({ [`path.KVTGETGROUPSSCHOOLID.id`]: chosen, query: { KVTGETGROUPSSCHOOL: { groupType: 'class' } } }),
    });
    expect(caseOf(report, 'KVTGETGROUPSSCHOOLID').request!.url).toContain(`/groups/school/${chosen}?`);
    expect(caseOf(report, 'KVTGETGROUPSSCHOOL').request!.url).toContain('groupType=class');
    expect(report.summary).toEqual({ passed: 2, failed: 0, skipped: 0 });
  });

  it('skips, never passes, a case whose data cannot be found, and says which key to give', async () => {
    const emptyGroups = await startDefectProxy(target.server.url, async (request, forward) => {
      const response = await forward(request);
      return new URL(request.url).pathname.endsWith('/groups/school') && response.status === 200
        ? new Response('[]', { status: 200, headers: response.headers })
        : response;
    });
    try {
      const report = await runSuite(target, associationApi, {
        baseUrl: `${emptyGroups.url}${associationApi.basePath}`,
        only: ['KVTGETGROUPSSCHOOLID', 'EDUVKIT-NOTOKEN-KVTGETGROUPSSCHOOLID'],
      });
      for (const result of report.cases) {
        expect(result.status).toBe('skipped');
        expect(result.reason).toContain('give path.KVTGETGROUPSSCHOOLID.id in --test-data');
      }
    } finally {
      await emptyGroups.close();
    }
  });

  it('refuses keys that are not path., query. or body.', () => {
    expect(() => createTestData({ 'header.KVTGETGROUPSSCHOOL.x': 'y' })).toThrow(ConformanceConfigError);
  });
});
