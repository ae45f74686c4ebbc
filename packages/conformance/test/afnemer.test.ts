import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClientKeys } from '@eduvkit/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConformanceConfigError, listCases, qualifyAfnemer, renderJsonReport } from '../src/index';
import { failedCaseIds, failureReasons, qualifyNotificationsClient, qualifyTestClient, testClientCommand } from './support/run-afnemer';

// A run takes seconds alone, but the concurrent runs share two cores with tsx starting each client.
const RUN_MS = 180_000;

it('lists the afnemer cases, the same for every API but Notifications, which adds the notified-fetch case', () => {
  const ids = listCases('students', 'afnemer').map(({ id }) => id);
  expect(ids).toContain('EDUVKIT-AFNEMER-TOKEN-REUSE');
  expect(ids.every((id) => id.startsWith('EDUVKIT-AFNEMER-'))).toBe(true);
  expect(listCases('employees', 'afnemer').map(({ id }) => id)).toEqual(ids);
  expect(listCases('notifications', 'afnemer').map(({ id }) => id)).toEqual([...ids, 'EDUVKIT-AFNEMER-NOTIFIED-FETCH']);
});

describe.concurrent('the afnemer suite', () => {
  it(
    'passes a well-behaved client on every case, and its report carries no token or assertion',
    async () => {
      const report = await qualifyTestClient();
      expect(report.cases.filter((result) => result.status !== 'passed')).toEqual([]);
      expect(report.role).toBe('afnemer');
      expect(renderJsonReport(report)).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    },
    RUN_MS,
  );

  // Each test client differs from the well-behaved one in one switch (test/support/afnemer-clients/students-client.ts).
  it.each([
    ['token-per-request', 'EDUVKIT-AFNEMER-TOKEN-REUSE'],
    ['short-jti', 'EDUVKIT-AFNEMER-TOKEN-ASSERTION'],
    ['extra-scope', 'EDUVKIT-AFNEMER-SCOPES'],
    ['wrong-accept', 'EDUVKIT-AFNEMER-ACCEPT'],
    ['wrong-school', 'EDUVKIT-AFNEMER-SCHOOL'],
    ['other-role-endpoint', 'EDUVKIT-AFNEMER-ROLE-ENDPOINTS'],
    ['ignores-retry-after', 'EDUVKIT-AFNEMER-RETRY-AFTER'],
    ['gives-up-on-503', 'EDUVKIT-AFNEMER-UNAVAILABLE-RETRY'],
    ['retries-no-consent', 'EDUVKIT-AFNEMER-NO-CONSENT-RETRY'],
    ['reuses-rejected-token', 'EDUVKIT-AFNEMER-EXPIRED-TOKEN'],
    ['exits-nonzero', 'EDUVKIT-AFNEMER-EXIT'],
  ])(
    'a client that %s fails %s and nothing else',
    async (defect, caseId) => {
      const report = await qualifyTestClient(defect);
      expect(failedCaseIds(report), failureReasons(report)).toEqual([caseId]);
    },
    RUN_MS,
  );
});

describe.concurrent('the Notifications afnemer suite', () => {
  it(
    'passes a client that fetches every notified student, on every case',
    async () => {
      const report = await qualifyNotificationsClient('none');
      expect(
        report.cases.filter((result) => result.status !== 'passed'),
        failureReasons(report),
      ).toEqual([]);
      expect(report.cases.map(({ id }) => id)).toContain('EDUVKIT-AFNEMER-NOTIFIED-FETCH');
    },
    RUN_MS,
  );

  it(
    'fails only the notified-fetch case for a client that reads notifications and never fetches',
    async () => {
      const report = await qualifyNotificationsClient('never-fetches');
      expect(failedCaseIds(report), failureReasons(report)).toEqual(['EDUVKIT-AFNEMER-NOTIFIED-FETCH']);
    },
    RUN_MS,
  );
});

describe("the supplier's own client", () => {
  let dir: string;
  let keyFile: string;
  let keyId: string;
  let publicJwk: Record<string, unknown>;
  let privateJwk: Record<string, unknown>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afnemer-own-client-'));
    const keys = await generateClientKeys();
    keyId = keys.keyId;
    publicJwk = keys.publicJwk;
    privateJwk = keys.privateJwk;
    keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, keys.privateKeyPem);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'is registered for the run with its public JWKS and passes',
    async () => {
      const report = await qualifyTestClient('none', { clientId: 'supplier-ordering', jwks: { keys: [publicJwk] } }, [keyFile, keyId]);
      expect(failedCaseIds(report)).toEqual([]);
      expect(report.summary.passed).toBe(report.cases.length);
    },
    RUN_MS,
  );

  it('is refused when the JWKS holds its private key', async () => {
    await expect(
      qualifyAfnemer({ api: 'students', client: { clientId: 'supplier-ordering', jwks: { keys: [privateJwk] } }, command: testClientCommand() }),
    ).rejects.toThrow(ConformanceConfigError);
  });
});

it(
  'kills a command that outlives the timeout and fails the exit case',
  async () => {
    const report = await qualifyAfnemer({
      api: 'students',
      client: { clientId: 'demo-bestelomgeving' },
      command: [process.execPath, '-e', 'setTimeout(() => {}, 60000)'],
      timeoutMs: 500,
    });
    const exit = report.cases.find((result) => result.id === 'EDUVKIT-AFNEMER-EXIT')!;
    expect(exit.status).toBe('failed');
    expect(exit.reason).toContain('did not finish within 500 ms');
  },
  RUN_MS,
);

it('refuses a demo client that is no calling role of the API', async () => {
  await expect(qualifyAfnemer({ api: 'students', client: { clientId: 'demo-dashboard' }, command: testClientCommand() })).rejects.toThrow(/no calling role/);
});

it(
  'ends the run when the command exits, even while a process it started still holds its output open',
  async () => {
    // The grandchild inherits stdout and lives 5 s; it stops by itself.
    const script = "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'inherit' }).unref()";
    const started = performance.now();
    const report = await qualifyAfnemer({
      api: 'students',
      client: { clientId: 'demo-bestelomgeving' },
      command: [process.execPath, '-e', script],
      timeoutMs: 20_000,
    });
    expect(report.cases.find((result) => result.id === 'EDUVKIT-AFNEMER-EXIT')?.status).toBe('passed');
    expect(performance.now() - started).toBeLessThan(4_500);
  },
  RUN_MS,
);

it(
  "refuses the command's calls to the mock's admin routes, so it cannot grant itself consent",
  async () => {
    const script = "fetch(process.env.EDUVKIT_ISSUER + '/_admin/consent').then((response) => process.exit(response.status === 403 ? 0 : 1))";
    const report = await qualifyAfnemer({
      api: 'students',
      client: { clientId: 'demo-bestelomgeving' },
      command: [process.execPath, '-e', script],
      timeoutMs: 20_000,
    });
    expect(report.cases.find((result) => result.id === 'EDUVKIT-AFNEMER-EXIT')?.status).toBe('passed');
  },
  RUN_MS,
);
