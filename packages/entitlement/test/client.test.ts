import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticToken } from '@eduvkit/core';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntitlementClient } from '../src';
import { createEntitlement, entitlementRequest, fakeProductId } from '../src/fixtures/index';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

const seen: Seen[] = [];
const random = createRandom(9);
const school = createSchools({ seed: 9, po: 1, vo: 0 })[0]!;
const stored = createEntitlement(random, { productId: fakeProductId(random), school, entitlementType: 'school-student' });

async function read(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

// A stand-in counterpart: answers 202 to PUTs and the stored entitlement to GETs, and records every request.
async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  seen.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body: await read(request) });
  response.setHeader('API-Version', '0.9.1');
  if (request.method === 'PUT') {
    response.writeHead(202).end();
    return;
  }
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(request.url!.startsWith('/entitlement-api/v0/entitlements/school') ? [stored] : stored));
}
// A request the stand-in cannot read drops the connection, so the test fails there.
const server = createServer((request, response) => void answer(request, response).catch((error: Error) => response.destroy(error)));
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/entitlement-api/v0`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createEntitlementClient over HTTP', () => {
  it('PUTs an entitlement request to /entitlements and reports the 202', async () => {
    const client = createEntitlementClient({ baseUrl, tokenProvider: staticToken('t-1'), validation: 'strict' });
    const request = entitlementRequest(random, { productId: fakeProductId(random), school });
    const answer = await client.sendEntitlement(request);
    expect(answer.httpStatus).toBe(202);
    expect(answer.apiVersion).toBe('0.9.1');
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', url: '/entitlement-api/v0/entitlements', authorization: 'Bearer t-1' });
    expect(JSON.parse(last.body)).toEqual(request);
  });

  it("reads a school's entitlements with the school selection and filters in the query", async () => {
    const client = createEntitlementClient({ baseUrl, tokenProvider: staticToken('t-2'), validation: 'strict' });
    const { data } = await client.listForSchool({ orgId: '09QQ', orgIdType: 'OIE_CODE' }, { entitlementStatus: 'entitled' });
    expect(data).toEqual([stored]);
    const url = new URL(seen.at(-1)!.url, 'http://x');
    expect(url.pathname).toBe('/entitlement-api/v0/entitlements/school');
    expect(Object.fromEntries(url.searchParams)).toEqual({ orgId: '09QQ', orgIdType: 'OIE_CODE', entitlementStatus: 'entitled' });
  });

  it('sends a user search as POST with school and user in the body and status in the query', async () => {
    const client = createEntitlementClient({ baseUrl, tokenProvider: staticToken('t-3'), validation: 'strict' });
    const user = { userMasterIdentifier: 'https://ketenid.nl/201703/abc' };
    await client.listForUser({ organisationMasterIdentifier: school.orgMasterId }, user, { status: 'licensed' });
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/entitlement-api/v0/entitlements/school/user?status=licensed');
    expect(JSON.parse(last.body)).toEqual({ school: { organisationMasterIdentifier: school.orgMasterId }, user });
  });
});
