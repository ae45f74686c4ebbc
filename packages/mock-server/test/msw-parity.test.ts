import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { activationcodeHandlers } from '@eduvkit/activationcode/msw';
import { associationHandlers } from '@eduvkit/association/msw';
import { catalogueHandlers } from '@eduvkit/catalogue/msw';
import { consentHandlers } from '@eduvkit/consent/msw';
import { courseHandlers } from '@eduvkit/course/msw';
import { deliveryHandlers } from '@eduvkit/delivery/msw';
import { educationHandlers } from '@eduvkit/education/msw';
import { employeesHandlers } from '@eduvkit/employees/msw';
import { entitlementHandlers } from '@eduvkit/entitlement/msw';
import { notificationsHandlers } from '@eduvkit/notifications/msw';
import { orderHandlers } from '@eduvkit/order/msw';
import { progressHandlers } from '@eduvkit/progress/msw';
import { resultsHandlers } from '@eduvkit/results/msw';
import { studentsHandlers } from '@eduvkit/students/msw';
import { usageHandlers } from '@eduvkit/usage/msw';
import { requireBearerToken } from '@eduvkit/core/server';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_REGISTRIES, CHAIN_REGISTRIES, startMockServer, type ApiName, type MockServer } from '../src/index';
import { VALID_BODIES } from './support/edu-v-requests';

/**
 * The same requests to the MSW handlers (at their default base URLs) and to the running mock
 * (`any-bearer`, every exchange activated) get the same status and body: for every operation of
 * every API in the catalogue, a request that should succeed, one without a token and one for an
 * unknown school (where the operation selects one). The chain's receive endpoints answer 202 and
 * the mock then plays the counterpart asynchronously (decision 027): only that first answer is
 * compared. The MSW handlers serve the chain's reads over the seeded chain and do not play the
 * counterpart, so the chain's reads are compared with a second mock of the same seed that is sent
 * nothing (`reader`): the seeded chain, as the first one held it before the requests.
 */
const SEED = 1;
const MSW_ORIGIN = 'https://bron.eduvkit.test';
const TOKEN = 'parity-client';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

// The mock's `any-bearer` authentication, on every MSW handler too.
const bron = { authenticate: requireBearerToken };
/** Every API's MSW handlers by its name: keyed by the catalogue's names, so an API added there without handlers here does not compile (and the first test fails). */
const MSW_HANDLERS: Readonly<Record<ApiName, readonly HttpHandler[]>> = {
  'activationcode-api': activationcodeHandlers({ seed: SEED, bron }),
  'association-api': associationHandlers({ seed: SEED, bron }),
  'catalogue-api': catalogueHandlers({ seed: SEED, bron }),
  'consent-api': consentHandlers({ seed: SEED, bron }),
  'course-api': courseHandlers({ seed: SEED, bron }),
  'delivery-api': deliveryHandlers({ seed: SEED, bron }),
  'education-api': educationHandlers({ seed: SEED, bron }),
  'employees-api': employeesHandlers({ seed: SEED, bron }),
  'entitlement-api': entitlementHandlers({ seed: SEED, bron }),
  'notifications-api': notificationsHandlers({ bron }),
  'order-api': orderHandlers({ seed: SEED, bron }),
  'progress-api': progressHandlers({ seed: SEED, bron }),
  'results-api': resultsHandlers({ seed: SEED, bron }),
  'students-api': studentsHandlers({ seed: SEED, bron }),
  'usage-api': usageHandlers({ seed: SEED, bron }),
};
const msw = setupServer(...Object.values(MSW_HANDLERS).flat());
let mock: MockServer;
let reader: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, seed: SEED, auth: 'any-bearer', consent: 'all' });
  reader = await startMockServer({ port: 0, seed: SEED, auth: 'any-bearer', consent: 'all' });
  msw.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  msw.close();
  await Promise.all([mock.close(), reader.close()]);
});

interface Probe {
  readonly query?: Record<string, string>;
  readonly path?: Record<string, string>;
  readonly body?: unknown;
  readonly token?: boolean;
  /** False when the samples lacked an id or a person the request needs, so it cannot succeed. */
  readonly complete?: boolean;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

async function send(origin: string, registry: ApiRegistry, operation: OperationDefinition, probe: Probe): Promise<Answer> {
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(probe.path?.[name] ?? 'x'));
  const search = new URLSearchParams(probe.query ?? {}).toString();
  const response = await fetch(`${origin}${registry.basePath}${path}${search ? `?${search}` : ''}`, {
    method: operation.method,
    headers: {
      ...(probe.token === false ? {} : { Authorization: `Bearer ${TOKEN}` }),
      ...(probe.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a successful answer of the API offers to build further requests from: its first items. */
async function samplesOf(origin: string, registry: ApiRegistry, orgMasterId: string): Promise<Record<string, unknown>[]> {
  const samples: Record<string, unknown>[] = [];
  for (const operation of Object.values(registry.operations)) {
    if (operation.method !== 'GET' || operation.path.includes('{')) continue;
    const answer = await send(origin, registry, operation, { query: { orgMasterId } });
    if (answer.status === 200 && Array.isArray(answer.body) && isRecord(answer.body[0])) samples.push({ path: operation.path, ...answer.body[0] });
  }
  return samples;
}

/** A reference to a person in the samples: the object under `field`, or a sample that is itself a person. */
function personReference(samples: Record<string, unknown>[], field: string): unknown {
  const nested = samples.find((sample) => isRecord(sample[field]))?.[field];
  if (nested) return nested;
  const person = samples.find((sample) => 'userIds' in sample || 'userMasterIdentifier' in sample);
  if (!person) return undefined;
  return typeof person.userMasterIdentifier === 'string' ? { userMasterIdentifier: person.userMasterIdentifier } : { userIds: person.userIds };
}

const CHAIN_APIS: ReadonlySet<string> = new Set(CHAIN_REGISTRIES.map((registry) => registry.api));

/**
 * The ids the chain's paths address, from the mock's seeded reads of a school across the chain's
 * APIs: the segment before the parameter names the sample's field (`/usage/contracts/{id}` takes a
 * `contractId`, `/entitlements/deliveryorder/{id}` a `deliveryOrderId`).
 */
function chainPath(operation: OperationDefinition, chainSamples: Record<string, unknown>[]): Record<string, string> | undefined {
  const path: Record<string, string> = {};
  for (const [, segment, name] of operation.path.matchAll(/\/([^/{}]+)\/\{([^{}]+)\}/g)) {
    const field = `${segment!.replace(/s$/, '')}id`;
    const value = chainSamples
      .map((sample) => Object.entries(sample).find(([key]) => key.toLowerCase() === field)?.[1])
      .find((found) => typeof found === 'string');
    if (typeof value !== 'string') return undefined;
    path[name!] = value;
  }
  return path;
}

/** A chain request that should succeed: the table's valid body (VALID_BODIES), the school in the query where it goes, seeded ids in the path. */
function chainProbe(operation: OperationDefinition, orgMasterId: string, chainSamples: Record<string, unknown>[]): Probe {
  const accepts = operation.parameters.some((parameter) => parameter.name === 'orgMasterId' && parameter.in === 'query');
  const makeBody = VALID_BODIES[operation.operationId];
  if (operation.body && !makeBody) throw new Error(`add a valid body for ${operation.operationId} to VALID_BODIES`);
  const path = chainPath(operation, chainSamples);
  return {
    query: accepts ? { orgMasterId } : undefined,
    path: path ?? {},
    body: makeBody?.({ world: mock.world, orgMasterId }),
    complete: path !== undefined,
  };
}

/** The request that should succeed, built from the registry and the samples. */
function positiveProbe(operation: OperationDefinition, orgMasterId: string, samples: Record<string, unknown>[]): Probe {
  const accepts = (name: string) => operation.parameters.some((parameter) => parameter.name === name && parameter.in === 'query');
  const query = accepts('orgMasterId') ? { orgMasterId } : undefined;
  const path: Record<string, string> = {};
  let complete = true;
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const list = samples.find((sample) => `${String(sample.path)}/{${parameter.name}}` === operation.path);
    // `/subjectofferings/school/{id}` is addressed by the subjectOfferingId of `/subjectofferings/school`.
    const resource = operation.path.split('/')[1]!.replace(/s$/, '');
    const idKey = list && Object.keys(list).find((key) => key.toLowerCase() === `${resource}id`);
    path[parameter.name] = idKey ? String(list[idKey]) : 'students-api';
    complete &&= idKey !== undefined || parameter.name === 'api';
  }
  // A push API offers no lists to sample a person from: its body is the table's valid one.
  const pushBody = samples.length === 0 ? VALID_BODIES[operation.operationId] : undefined;
  const body = pushBody
    ? pushBody({ world: mock.world, orgMasterId })
    : operation.schoolSelection === 'body'
      ? Object.fromEntries(
          operation.requiredBodyFields.map((field) => [
            field,
            field === 'school' ? { organisationMasterIdentifier: orgMasterId } : personReference(samples, field),
          ]),
        )
      : operation.bodyRequired
        ? {}
        : undefined;
  if (body && Object.values(body).includes(undefined)) complete = false;
  return { query, path, body, complete };
}

/** Whether the positive probe must succeed at the mock (else only MSW and the mock agreeing is checked). */
const mustSucceed = (registry: ApiRegistry, operation: OperationDefinition): boolean =>
  CHAIN_APIS.has(registry.api) ? operation.exchange?.message !== 'confirmation' : registry.consentRequired;

/** The path MSW registers an operation's handler at (`{id}` → `:id`). */
const mswPath = (registry: ApiRegistry, operation: OperationDefinition) => `${MSW_ORIGIN}${registry.basePath}${operation.path.replace(/\{([^{}]+)\}/g, ':$1')}`;

it('every API of the catalogue has an MSW handler here for each of its operations', () => {
  expect(Object.keys(MSW_HANDLERS).sort()).toEqual(API_REGISTRIES.map((registry) => registry.api).sort());
  for (const registry of API_REGISTRIES) {
    const registered = (MSW_HANDLERS[registry.api] ?? []).map((handler) => `${String(handler.info.method)} ${String(handler.info.path)}`);
    const expected = Object.values(registry.operations).map((operation) => `${operation.method} ${mswPath(registry, operation)}`);
    expect(registered.sort(), registry.api).toEqual(expected.sort());
  }
});

describe.each(API_REGISTRIES.map((registry) => [registry.api, registry as ApiRegistry] as const))('%s: MSW answers like the mock', (_, registry) => {
  it.each(Object.values(registry.operations).map((operation) => [operation.operationId, operation] as const))('%s', async (_id, operation) => {
    const chain = CHAIN_APIS.has(registry.api);
    const mockOrigin = chain && operation.method === 'GET' ? reader.url : mock.url;
    const schools = mock.world.schools;
    let succeeded = 0;
    for (const school of [schools[0]!, schools.find((candidate) => candidate.sector === 'vo')!]) {
      const positive = chain
        ? chainProbe(
            operation,
            school.orgMasterId,
            (await Promise.all(CHAIN_REGISTRIES.map((chained) => samplesOf(reader.url, chained, school.orgMasterId)))).flat(),
          )
        : positiveProbe(operation, school.orgMasterId, await samplesOf(mock.url, registry, school.orgMasterId));
      const unknownSchool =
        operation.schoolSelection === 'query'
          ? { ...positive, query: { ...positive.query, orgMasterId: '999Z999' } }
          : operation.schoolSelection === 'body'
            ? { ...positive, body: { ...(positive.body as object), school: { organisationMasterIdentifier: '999Z999' } } }
            : undefined;
      // A chain object addressed by an id nobody holds: the same refusal (decision 020's codes) on both sides.
      const unknownId =
        chain && operation.path.includes('{')
          ? { ...positive, path: Object.fromEntries(Object.keys(positive.path ?? {}).map((name) => [name, UNKNOWN_ID])) }
          : undefined;
      const probes = [positive, { ...positive, token: false }, ...(unknownSchool ? [unknownSchool] : []), ...(unknownId ? [unknownId] : [])];
      for (const probe of probes) {
        const [fromMsw, fromMock] = await Promise.all([send(MSW_ORIGIN, registry, operation, probe), send(mockOrigin, registry, operation, probe)]);
        const label = `${operation.method} ${operation.path} ${JSON.stringify(probe)}`;
        expect(fromMsw, label).toEqual(fromMock);
      }
      // The data APIs answer an anonymous caller; Consent and Notifications need a client id, which any-bearer lacks.
      // Of the chain, every request and read the mock serves; a confirmation of nothing the mock sent cannot succeed.
      if (mustSucceed(registry, operation) && positive.complete) {
        const answer = await send(mockOrigin, registry, operation, positive);
        expect(answer.status, `${JSON.stringify(positive)} ${JSON.stringify(answer.body)}`).toBe(operation.successStatus);
        succeeded += 1;
      }
    }
    if (mustSucceed(registry, operation)) expect(succeeded, 'a request that succeeds at some school').toBeGreaterThan(0);
  });
});
