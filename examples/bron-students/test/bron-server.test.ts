import { staticToken } from '@eduvkit/core';
import { createStudentsClient } from '@eduvkit/students';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NodeServer } from '@eduvkit/core/server/node';
import { serveBron } from '../src/bron-server';

let server: NodeServer;
let baseUrl: string;
beforeAll(async () => {
  server = await serveBron();
  baseUrl = `${server.url}/students-api/v1`;
});
afterAll(() => server.close());

const client = () => createStudentsClient({ baseUrl, tokenProvider: staticToken('t'), validation: 'strict', retry: false });

it('serves spec-valid students that an eduvkit client accepts in strict mode', async () => {
  const { data, apiVersion } = await client().listForSchool({ orgMasterId: '123A456' });
  expect(apiVersion).toBe('1.1.0');
  expect(data.map((student) => student.familyName)).toEqual(['Bakker', 'Meer']);
  expect(data[1]).toMatchObject({ familyNamePrefix: 'van der', preferredFirstName: 'Sem' });
});

it('finds a student by a secondary id and refuses unknown schools with 2001', async () => {
  const { data } = await client().find({ orgId: '23CD', orgIdType: 'OIE_CODE' }, { userIds: [{ userId: '2001@1.school.example.nl', userIdType: 'NEPPI' }] });
  expect(data.givenName).toBe('Yara');
  await expect(client().listForSchool({ orgMasterId: '000X000' })).rejects.toMatchObject({ httpStatus: 400, eduvStatusCode: '2001' });
});

it('gets the protocol checks for free: no token → 401, bad input → 400 naming the field', async () => {
  expect((await fetch(`${baseUrl}/students/school?orgMasterId=123A456`)).status).toBe(401);
  const response = await fetch(`${baseUrl}/students/school?orgId=12AB`, { headers: { authorization: 'Bearer t' } });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });
});
