import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EduvApiError, staticToken } from '@eduvkit/core';
import { createRandom } from '@eduvkit/core/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageClient } from '../src';
import { initialActivation } from '../src/fixtures/index';

const requests: { method: string; url: string; body: string }[] = [];

// A stand-in Aanspraakmanager / Licentieregistratie: 202 for PUTs, totals for the school query, and a
// 400 StatusResponse for a contract it does not know.
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += String(chunk)));
  request.on('end', () => {
    requests.push({ method: request.method!, url: request.url!, body });
    response.setHeader('API-Version', '1.0.0');
    if (request.method === 'PUT') return void response.writeHead(202).end();
    response.setHeader('content-type', 'application/json');
    if (request.url!.startsWith('/usage-api/v1/usage/contracts/')) {
      return void response.writeHead(400).end(JSON.stringify({ status: 11, statusMessage: 'Schema incorrect: id' }));
    }
    response.end(JSON.stringify([{ deliveryOrderId: 'do-1', totalLicensed: 0, entitlements: [] }]));
  });
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/usage-api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createUsageClient over HTTP', () => {
  const client = () => createUsageClient({ baseUrl, tokenProvider: staticToken('t'), validation: 'strict' });

  it('PUTs an InitialActivation to /usage/activation and reports the 202', async () => {
    const random = createRandom(1);
    const activation = initialActivation(random, { entitlement: { entitlementId: 'e-1', productId: '9789000000005', entitlementType: 'customer-student' } });
    const answer = await client().reportInitialActivation(activation);
    expect(answer.httpStatus).toBe(202);
    expect(requests.at(-1)).toMatchObject({ method: 'PUT', url: '/usage-api/v1/usage/activation' });
    expect(JSON.parse(requests.at(-1)!.body)).toEqual(activation);
  });

  it("reads a school's totals with the school selection in the query", async () => {
    const { data } = await client().listForSchool({ orgMasterId: '104A158' });
    expect(data).toEqual([{ deliveryOrderId: 'do-1', totalLicensed: 0, entitlements: [] }]);
    expect(requests.at(-1)!.url).toBe('/usage-api/v1/usage/school?orgMasterId=104A158');
  });

  it('turns a StatusResponse into an EduvApiError with the Edu-V status', async () => {
    const failure = await client()
      .listForContract('c-unknown')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EduvApiError);
    expect(failure).toMatchObject({ httpStatus: 400, eduvStatus: 11 });
  });
});
