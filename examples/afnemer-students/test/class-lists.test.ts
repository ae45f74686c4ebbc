import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { studentNames } from '../src/class-lists';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1, auth: 'any-bearer', consent: 'all' });
});
afterAll(() => server.close());

it('lists the names of every student of a seeded school', async () => {
  const school = server.world.schools[0]!;
  const result = await studentNames({ orgMasterId: school.orgMasterId }, { baseUrl: `${server.url}/students-api/v1`, token: 'demo-token' });
  expect(result.apiVersion).toBe('1.1.0');
  expect(result.names).toHaveLength(server.world.students.get(school.orgMasterId)!.length);
  expect(result.names.every((name) => name.split(' ').length >= 2)).toBe(true);
});

it('treats an unknown school as empty instead of failing', async () => {
  expect(await studentNames({ orgMasterId: '999Z999' }, { baseUrl: `${server.url}/students-api/v1`, token: 'demo-token' })).toEqual({ names: [] });
});
