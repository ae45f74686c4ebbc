import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import {
  consentChecked,
  expectedUnknownSchool,
  hasMalformableInput,
  malformedRequest,
  matchesRefusal,
  PROVIDED_OPERATIONS,
  refusalOf,
  schoolChecked,
  send,
  SERVED_REGISTRIES,
  tokenSource,
  UNKNOWN_SCHOOL,
  validRequest,
  withdrawConsent,
  type OperationCase,
  type Refusal,
} from './support/edu-v-requests';

/**
 * Decision 004 (conventions §15): route → token → scope → input → school → consent → business. A
 * request with two or three faults at once gets the refusal of the check that comes first.
 */
const CHECK_ORDER = ['token', 'scope', 'input', 'school', 'consent'] as const;
type Fault = (typeof CHECK_ORDER)[number];

/** Faults that cannot be combined: no token has no scope, an unknown school no activation. */
const EXCLUSIVE: readonly [Fault, Fault][] = [
  ['token', 'scope'],
  ['school', 'consent'],
];

let server: MockServer;
let tokens: ReturnType<typeof tokenSource>;
let withConsent: string;
let withoutConsent: string;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 6 });
  withConsent = server.world.schools[0]!.orgMasterId;
  withoutConsent = server.world.schools[1]!.orgMasterId;
  await withdrawConsent(server, withoutConsent);
  tokens = tokenSource(server);
});
afterAll(() => server.close());

function refusalFor(fault: Fault, { registry, operation }: OperationCase): Refusal {
  switch (fault) {
    case 'token':
      return { httpStatus: 401, eduvStatus: 99, message: /no bearer access token/ };
    case 'scope':
      return { httpStatus: 401, eduvStatus: 21, message: /^scope required/ };
    case 'input':
      return { httpStatus: 400, eduvStatus: 11, message: /^Schema incorrect/ };
    case 'school':
      return expectedUnknownSchool(registry, operation);
    case 'consent':
      return { httpStatus: 403, eduvStatus: 22, message: /^consent required/ };
  }
}

function applicableFaults(item: OperationCase): Fault[] {
  return CHECK_ORDER.filter((fault) =>
    fault === 'school' ? schoolChecked(item) : fault === 'consent' ? consentChecked(item) : fault === 'input' ? hasMalformableInput(item) : true,
  );
}

function combinations(faults: readonly Fault[]): Fault[][] {
  const out: Fault[][] = [];
  const walk = (start: number, chosen: Fault[]) => {
    if (chosen.length >= 2) out.push(chosen);
    if (chosen.length === 3) return;
    for (let index = start; index < faults.length; index += 1) walk(index + 1, [...chosen, faults[index]!]);
  };
  walk(0, []);
  return out.filter((combination) => !EXCLUSIVE.some(([a, b]) => combination.includes(a) && combination.includes(b)));
}

const cases = PROVIDED_OPERATIONS.flatMap((item) =>
  combinations(applicableFaults(item)).map((faults) => [`${item.name}: ${faults.join(' + ')}`, item, faults] as const),
);

async function faultyRequest(item: OperationCase, faults: readonly Fault[]) {
  const school = faults.includes('school') ? UNKNOWN_SCHOOL : faults.includes('consent') ? withoutConsent : withConsent;
  let request = validRequest(item, { world: server.world, orgMasterId: school });
  if (faults.includes('input')) request = malformedRequest(item, request).request;
  const token = faults.includes('token')
    ? undefined
    : faults.includes('scope')
      ? await tokens.withoutScopeOf(item.operation, item.registry)
      : await tokens.full(item.registry);
  return { request, token };
}

describe('check order with several faults at once', () => {
  it('covers every operation with at least one pair of faults, and the three-fault cases', () => {
    const names = new Set(cases.map(([, item]) => item.name));
    // Token and scope exclude each other: an operation without input, school or consent (GET /courses) has no pair.
    const pairable = PROVIDED_OPERATIONS.filter((item) => applicableFaults(item).length > 2);
    expect([...names]).toEqual(pairable.map(({ name }) => name));
    expect(cases.some(([, , faults]) => faults.join() === 'scope,input,consent')).toBe(true);
  });

  it.each(cases)('%s', async (_name, item, faults) => {
    const { request, token } = await faultyRequest(item, faults);
    const first = CHECK_ORDER.find((fault) => faults.includes(fault))!;
    expect(refusalOf(await send(server.url, request, token))).toEqual(matchesRefusal(refusalFor(first, item), item.registry.version));
  });
});

describe.each(SERVED_REGISTRIES.map((registry) => [registry.api, registry] as const))('%s: the route comes before everything', (_api, registry) => {
  const operation = Object.values(registry.operations)[0]!;

  it('an unknown path without a token, with a malformed query, is 404', async () => {
    const answer = await send(server.url, { method: 'GET', path: `${registry.basePath}/no-such-endpoint`, query: { orgIdType: '%bad%' } });
    expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 404, eduvStatus: 99, message: /^no endpoint / }, registry.version));
  });

  it('a wrong method without a token, with a malformed query, is 405 with Allow', async () => {
    const methods = new Set(
      Object.values(registry.operations)
        .filter((other) => other.path === operation.path)
        .map((other) => other.method),
    );
    const answer = await send(server.url, {
      method: 'DELETE',
      path: `${registry.basePath}${operation.path.replace(/\{[^}]+\}/g, 'x')}`,
      query: { orgIdType: '%bad%' },
    });
    expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 405, eduvStatus: 99, message: /not allowed|is provider/ }, registry.version));
    expect(answer.headers.get('allow')?.split(', ').sort()).toEqual([...methods].sort());
  });
});
