import { associationApi } from '@eduvkit/association';
import type { ApiRegistry, BusinessCode, OperationDefinition } from '@eduvkit/core';
import { educationApi } from '@eduvkit/education';
import { employeesApi } from '@eduvkit/employees';
import { studentsApi } from '@eduvkit/students';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

let server: MockServer;
let token: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 5 });
  // The demo ordering environment calls every administration API and is active at every school.
  token = await demoToken(`${server.url}/oauth2/token`, 'demo-bestelomgeving');
});
afterAll(() => server.close());

const UNKNOWN_SCHOOL = '999Z999';
// Well-formed for every id the specs type (GUIDs, and schoolPeriodId's "year-year or uuid").
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_PERSON = { userIds: [{ userId: UNKNOWN_ID, userIdType: 'ASI' }] };

/**
 * A request that is right in everything but the code's trigger, which names something the bron
 * does not know: what a conformance kit sends for each entry of `businessCodes`.
 */
function requestFor(registry: ApiRegistry, operation: OperationDefinition, code: BusinessCode): Request {
  const school = server.world.schools.find((candidate) => (server.world.students.get(candidate.orgMasterId)?.length ?? 0) > 0)!;
  const people: Record<string, unknown> = {
    student: { userMasterIdentifier: server.world.students.get(school.orgMasterId)![0]!.student.userMasterIdentifier },
    employee: { userIds: server.world.employees.get(school.orgMasterId)![0]!.employee.userIds },
  };
  const triggered = (place: BusinessCode['trigger']['in'], name: string) => code.trigger.in === place && code.trigger.name === name;
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (triggered('path', name) ? UNKNOWN_ID : 'any-id'));
  const url = new URL(`${server.url}${registry.basePath}${path}`);
  if (operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'orgMasterId')) {
    url.searchParams.set('orgMasterId', code.trigger.in === 'school' ? UNKNOWN_SCHOOL : school.orgMasterId);
  }
  if (code.trigger.in === 'query') url.searchParams.set(code.trigger.name, UNKNOWN_ID);
  const init: RequestInit = { method: operation.method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
  if (operation.body) {
    const body = Object.fromEntries(
      operation.requiredBodyFields.map((field) =>
        field === 'school'
          ? [field, { organisationMasterIdentifier: code.trigger.in === 'school' ? UNKNOWN_SCHOOL : school.orgMasterId }]
          : [field, triggered('body', field) ? UNKNOWN_PERSON : people[field]],
      ),
    );
    init.body = JSON.stringify(body);
  }
  return new Request(url, init);
}

const REGISTRIES = [studentsApi, employeesApi, educationApi, associationApi] as const;

describe.each(REGISTRIES.map((registry) => [registry.title, registry] as const))('%s business codes at the mock', (_title, registry: ApiRegistry) => {
  const cases = Object.values(registry.operations).flatMap((operation) =>
    operation.businessCodes.map((code) => [`${operation.operationId} ${code.status} (${code.trigger.in} ${code.trigger.name})`, operation, code] as const),
  );

  it('lists 2001 School unknown for every operation with a school selection', () => {
    const withSchool = Object.values(registry.operations).filter(
      (operation) => operation.parameters.some((parameter) => parameter.name === 'orgMasterId') || operation.requiredBodyFields.includes('school'),
    );
    expect(withSchool.length).toBeGreaterThan(0);
    for (const operation of withSchool)
      expect(
        operation.businessCodes.map((code) => code.status),
        operation.operationId,
      ).toContain(2001);
  });

  it.each(cases)('%s: an unknown value of the trigger gets exactly that code and HTTP status', async (_name, operation, code) => {
    const response = await fetch(requestFor(registry, operation, code));
    const body = (await response.json()) as { status: number; statusMessage: string };
    expect({ http: response.status, status: body.status }).toEqual({ http: code.httpStatus, status: code.status });
    expect(body.statusMessage.startsWith(code.message)).toBe(true);
  });
});
