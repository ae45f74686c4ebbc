import { EduvApiError, staticToken } from '@eduvkit/core';
import { createInMemoryStudentsSource } from '@eduvkit/students';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInMemoryProgressSource, createInMemoryProgressStore, createProgressClient } from '../src/index';
import { createProgressMessages, createStudentsWorld } from '../src/fixtures/index';
import { DEFAULT_PROGRESS_BASE_URL, progressHandlers, progressOverride } from '../src/msw/index';

// A Gebruiksomgeving's test: its code reports to "the dashboard", MSW answers like the mock server.
const world = createStudentsWorld({ seed: 4 });
const store = createInMemoryProgressStore();
const source = createInMemoryProgressSource(world.schools, createInMemoryStudentsSource(world.schools, world.students), store);
const server = setupServer(...progressHandlers({ source }));
const school = world.schools[0]!;
const students = world.students.get(school.orgMasterId)!.slice(0, 8);
const messages = createProgressMessages({ seed: 4, school, students, courseId: 'rekenen-groep-5', assignableUnitIds: ['blok-1', 'blok-2', 'blok-3'] });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  store.clear();
});
afterAll(() => server.close());

const client = createProgressClient({ baseUrl: DEFAULT_PROGRESS_BASE_URL, tokenProvider: staticToken('test-token'), validation: 'strict' });
const put = (body: unknown) =>
  fetch(`${DEFAULT_PROGRESS_BASE_URL}/progress`, {
    method: 'PUT',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Progress MSW handlers', () => {
  it('take in the progress of a class: 202 without a body, kept per message id', async () => {
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) {
      const { httpStatus, apiVersion, data } = await client.send(message);
      expect({ httpStatus, apiVersion, data }).toEqual({ httpStatus: 202, apiVersion: '0.0.4', data: undefined });
    }
    expect(store.list({ orgMasterId: school.orgMasterId }).map((record) => record.progress)).toEqual(messages);
  });

  it('replace an earlier message with the same id when the status changes', async () => {
    const first = messages[0]!;
    await client.send({ ...first, status: 'started' });
    await client.send({ ...first, status: 'completed' });
    expect(store.list().map((record) => record.progress.status)).toEqual(['completed']);
  });

  it('read the SEM 1.3.0 spellings as Edu-V names, and refuse them when they contradict', async () => {
    const { pleaseFollowUp: _flag, ...base } = messages[0]!;
    expect((await put({ ...base, pleaseFollowup: true, detailsUrl: 'https://leeromgeving.example/voortgang/1' })).status).toBe(202);
    const kept = store.list()[0]!.progress;
    expect(kept).toMatchObject({ pleaseFollowUp: true, detailUrl: 'https://leeromgeving.example/voortgang/1' });
    expect(kept).not.toHaveProperty('pleaseFollowup');
    expect(kept).not.toHaveProperty('detailsUrl');
    const refused = await put({ ...base, pleaseFollowUp: false, pleaseFollowup: true });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('pleaseFollowup') });
  });

  it('refuse an empty body, a wrong status and a missing timestamp with 400 / 0011 naming the field', async () => {
    expect(await (await put('')).json()).toMatchObject({ status: 11 });
    const wrong = await put({ ...messages[0]!, status: 'done' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('status') });
    const { timestamp: _t, ...untimed } = messages[0]!;
    expect(await (await put(untimed)).json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('timestamp') });
    expect(store.size).toBe(0);
  });

  it('refuse progress about a student the school does not know with 400 / 2002', async () => {
    const error = await client.send({ ...messages[0]!, student: { userIds: [{ userId: 'nobody', userIdType: 'ASI' }] } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 2002 });
    expect(store.size).toBe(0);
  });

  it('let a test simulate a missing consent', async () => {
    server.use(progressOverride('putSimpleProgress', { status: 403 }));
    await expect(client.send(messages[0]!)).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
  });
});
