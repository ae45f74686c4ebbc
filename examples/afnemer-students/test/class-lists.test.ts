import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exchangeActivated, lookUpStudents, studentNames } from '../src/class-lists';
import { supplierTokenProvider } from '../src/supplier-credentials';

let server: MockServer;
let tokenProvider: ReturnType<typeof supplierTokenProvider>;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  const demo = server.clients.find((client) => client.clientId === 'demo-bestelomgeving')!;
  tokenProvider = supplierTokenProvider(server.url, demo.privateKeyFile!, demo.jwks.keys[0]!.kid!);
});
afterAll(async () => {
  await tokenProvider.close();
  await server.close();
});

it('lists the names of every student of a seeded school, with a private_key_jwt token', async () => {
  const school = server.world.schools[0]!;
  const result = await studentNames({ orgMasterId: school.orgMasterId }, { baseUrl: `${server.url}/students-api/v1`, tokenProvider });
  expect(result.apiVersion).toBe('1.1.0');
  expect(result.names).toHaveLength(server.world.students.get(school.orgMasterId)!.length);
  expect(result.names.every((name) => name.split(' ').length >= 2)).toBe(true);
});

it('treats an unknown school as empty instead of failing', async () => {
  expect(await studentNames({ orgMasterId: '999Z999' }, { baseUrl: `${server.url}/students-api/v1`, tokenProvider })).toEqual({ names: [], eckIds: [] });
});

it('looks students up one by one by ECK iD', async () => {
  const school = { orgMasterId: server.world.schools[0]!.orgMasterId };
  const options = { baseUrl: `${server.url}/students-api/v1`, tokenProvider };
  const { eckIds } = await studentNames(school, options);
  expect(await lookUpStudents(school, eckIds.slice(0, 2), options)).toHaveLength(2);
});

it('reports a school that has not activated the exchange instead of failing', async () => {
  const school = server.world.schools[1]!.orgMasterId;
  server.consent.deactivate({ clientId: 'demo-bestelomgeving', orgMasterId: school, api: 'students-api' });
  const options = { baseUrl: `${server.url}/students-api/v1`, tokenProvider };
  expect(await exchangeActivated({ orgMasterId: school }, options)).toBe(false);
  expect(await exchangeActivated({ orgMasterId: server.world.schools[0]!.orgMasterId }, options)).toBe(true);
});
