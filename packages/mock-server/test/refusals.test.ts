import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import {
  consentChecked,
  EVERY_OPERATION,
  clientFor,
  FULL_CLIENT,
  hasMalformableInput,
  malformedRequest,
  matchesRefusal,
  OTHER_ROLE_OPERATIONS,
  PROVIDED_OPERATIONS,
  refusalOf,
  SERVED_REGISTRIES,
  send,
  tokenSource,
  validRequest,
  withdrawConsent,
  VALID_BODIES,
  type OperationCase,
  type RequestContext,
} from './support/edu-v-requests';

/**
 * One table of refusal × operation, over every operation of every API the mock serves, the way a
 * supplier meets them: real bron, real tokens from the mock's authorization server, real consent.
 */
let server: MockServer;
let openData: MockServer;
let anonymous: MockServer;
let tokens: ReturnType<typeof tokenSource>;
let openDataTokens: ReturnType<typeof tokenSource>;

/** The school where FULL_CLIENT's activation is switched off for every API. */
let withoutConsent: string;
let withConsent: string;

beforeAll(async () => {
  [server, openData, anonymous] = await Promise.all([
    startMockServer({ port: 0, seed: 5 }),
    startMockServer({ port: 0, seed: 5, openDataApis: ['education-api'] }),
    // No client identity: any bearer token passes, but consent is still checked.
    startMockServer({ port: 0, seed: 5, auth: 'any-bearer', consent: 'registry' }),
  ]);
  withConsent = server.world.schools[0]!.orgMasterId;
  withoutConsent = server.world.schools[2]!.orgMasterId;
  await Promise.all([server, openData].map((target) => withdrawConsent(target, withoutConsent)));
  tokens = tokenSource(server);
  openDataTokens = tokenSource(openData);
});
afterAll(() => Promise.all([server, openData, anonymous].map((target) => target.close())));

const context = (orgMasterId: string): RequestContext => ({ world: server.world, orgMasterId });
const provided = PROVIDED_OPERATIONS.map((item) => [item.name, item] as const);
const consentOperations = PROVIDED_OPERATIONS.filter(consentChecked).map((item) => [item.name, item] as const);

describe('the table covers every operation', () => {
  it('has a valid body for every operation that takes one', () => {
    const missing = EVERY_OPERATION.filter(({ operation }) => operation.body && !VALID_BODIES[operation.operationId]).map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('includes the POST searches of every API and the Results push among the consent-checked operations', () => {
    const searches = consentOperations.map(([name]) => name).filter((name) => name.includes(' POST '));
    // In any order: the catalogue lists the APIs in the order of specs/.
    expect([...searches].sort()).toEqual(
      [
        'students-api POST /students',
        'employees-api POST /employees',
        'association-api POST /enrollments/school/student',
        'association-api POST /assignments/school/employee',
        'results-api POST /results',
        'delivery-api POST /deliveryorders/school/user',
        'entitlement-api POST /entitlements/school/user',
        'usage-api POST /usage/school/user',
      ].sort(),
    );
  });
});

describe.each(provided)('%s', (_name, item: OperationCase) => {
  const { registry, operation } = item;
  const request = () => validRequest(item, context(withConsent));

  it('refuses a request without a token: 401 / 0099', async () => {
    expect(refusalOf(await send(server.url, request()))).toEqual(
      matchesRefusal({ httpStatus: 401, eduvStatus: 99, message: /no bearer access token/ }, registry.version),
    );
  });

  it('refuses a token without the operation scope: 401 / 0021', async () => {
    const answer = await send(server.url, request(), await tokens.withoutScopeOf(operation, registry));
    expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 401, eduvStatus: 21, message: /^scope required: / }, registry.version));
  });

  it.runIf(hasMalformableInput(item))('refuses a malformed input: 400 / 0011 naming the field', async () => {
    const { request: broken, field } = malformedRequest(item, request());
    const answer = await send(server.url, broken, await tokens.full(registry));
    expect(refusalOf(answer)).toEqual(
      matchesRefusal({ httpStatus: 400, eduvStatus: 11, message: new RegExp(`^Schema incorrect: .*"${field}"`) }, registry.version),
    );
  });

  it('lets the valid request through with a token holding every scope', async () => {
    const answer = await send(server.url, request(), await tokens.full(registry));
    expect([401, 403, 500]).not.toContain(answer.status);
    expect(answer.headers.get('api-version')).toBe(registry.version);
  });
});

describe.each(consentOperations)('%s (consent required)', (_name, item: OperationCase) => {
  const { registry } = item;

  it('refuses a school without activation for the client: 403 / 0022 naming school and client', async () => {
    const answer = await send(server.url, validRequest(item, context(withoutConsent)), await tokens.full(registry));
    const message = new RegExp(`^consent required: school ${withoutConsent} has not activated ${registry.api} for client ${clientFor(registry)}$`);
    expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 403, eduvStatus: 22, message }, registry.version));
  });

  it('serves it without activation only when the API is open data', async () => {
    const answer = await send(openData.url, validRequest(item, context(withoutConsent)), await openDataTokens.full(registry));
    if (registry.api === 'education-api') expect(answer.status).not.toBe(403);
    else expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 403, eduvStatus: 22, message: /has not activated/ }, registry.version));
  });

  it('refuses a caller without a client identity: 403 / 0022', async () => {
    const answer = await send(anonymous.url, validRequest(item, context(withConsent)), 'anything');
    expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 403, eduvStatus: 22, message: /the caller is not identified/ }, registry.version));
  });
});

describe('open data', () => {
  it('serves Education from a school without activation while other APIs stay refused', async () => {
    const path = `/education-api/v1/studyofferings/school?orgMasterId=${withoutConsent}`;
    const headers = { authorization: `Bearer ${await openDataTokens.full()}` };
    const education = await fetch(`${openData.url}${path}`, { headers });
    expect(education.status).toBe(200);
    expect(((await education.json()) as unknown[]).length).toBeGreaterThan(0);
    expect((await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${await tokens.full()}` } })).status).toBe(403);
  });
});

describe.each(EVERY_OPERATION.filter(({ operation }) => OTHER_ROLE_OPERATIONS.has(operation.operationId)).map((item) => [item.name, item] as const))(
  '%s (the other role provides it)',
  (_name, item) => {
    it('answers 405 naming the providing role, with or without a token', async () => {
      for (const token of [undefined, await tokens.full()]) {
        const answer = await send(server.url, validRequest(item, context(withConsent)), token);
        expect(refusalOf(answer)).toEqual(matchesRefusal({ httpStatus: 405, eduvStatus: 99, message: /is provider of this endpoint/ }, item.registry.version));
      }
    });
  },
);

describe('tokens the mock never issued, on one operation of every API', () => {
  const claims = () => ({
    iss: server.url,
    sub: FULL_CLIENT,
    client_id: FULL_CLIENT,
    scope: 'eduv.student.basic eduv.employee.basic eduv.education eduv.association consent',
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  const unsigned = (header: object, payload: object) =>
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  const badAuthorizations: [string, () => Promise<string>, RegExp][] = [
    ['Basic credentials', async () => 'Basic ZGVtbzpkZW1v', /not of the form "Bearer <token>"/],
    ['Bearer without a token', async () => 'Bearer', /not of the form/],
    ['two tokens', async () => `Bearer ${await tokens.full()} ${await tokens.full()}`, /not of the form/],
    ['not a JWT', async () => 'Bearer abc.def', /not a well-formed signed JWT/],
    ['alg none', async () => `Bearer ${unsigned({ alg: 'none', typ: 'at+jwt' }, claims())}`, /algorithm|well-formed/],
    [
      'HS256 with a guessed secret',
      async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)))}`,
      /algorithm is not accepted/,
    ],
    [
      'an RS256 key the mock does not have',
      async () =>
        `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'someone-else' }).sign((await generateKeyPair('RS256')).privateKey)}`,
      /no key of the authorization server matches its kid/,
    ],
    [
      'the mock kid on a foreign signature',
      async () => {
        const kid = server.authorizationServer.jwks.keys[0]!.kid!;
        return `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign((await generateKeyPair('RS256')).privateKey)}`;
      },
      /signature does not verify/,
    ],
    ['a token of another mock', async () => `Bearer ${await openDataTokens.full()}`, /no key of the authorization server matches its kid/],
  ];
  const firstOperations = SERVED_REGISTRIES.map((registry) => PROVIDED_OPERATIONS.find((item) => item.registry === registry)!);

  it.each(badAuthorizations)('%s: 401 / 0099 with the reason, on every API', async (_name, authorization, message) => {
    const value = await authorization();
    for (const item of firstOperations) {
      const answer = await send(server.url, validRequest(item, context(withConsent)), undefined, { authorization: value });
      expect(refusalOf(answer), item.name).toEqual(matchesRefusal({ httpStatus: 401, eduvStatus: 99, message }, item.registry.version));
    }
  });
});
