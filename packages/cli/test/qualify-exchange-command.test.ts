import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findExchangeRegistry } from '@eduvkit/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The reference ontvanger of the conformance kit's own tests, served in this process.
import { ONTVANGER_TOKEN, startTestOntvanger, type TestOntvanger } from '../../conformance/test/support/exchange/reference-ontvanger';

const cli = resolve(import.meta.dirname, '../bin/eduvkit.js');
const root = resolve(import.meta.dirname, '../../..');
const verzenderClient = (port: number, defect = 'none') => [
  process.execPath,
  '--conditions=@eduvkit/source',
  '--import',
  'tsx',
  join(root, 'packages/conformance/test/support/exchange/verzender-client.ts'),
  String(port),
  defect,
];
const RUN_MS = 180_000;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.once('error', fail);
  });
}

describe('eduvkit qualify --role verzender', () => {
  it(
    'exits 0 for a verzender built with createVerzender, with the three reports',
    async () => {
      const port = await freePort();
      const reportDir = mkdtempSync(join(tmpdir(), 'eduvkit-verzender-'));
      const { code, stdout } = await run([
        'qualify',
        'order',
        '--role',
        'verzender',
        '--confirmation-url',
        `http://127.0.0.1:${port}/order-api/v0`,
        '--report-dir',
        reportDir,
        '--',
        ...verzenderClient(port),
      ]);
      expect(code, stdout).toBe(0);
      expect(stdout).toMatch(/^PASS EDUVKIT-VERZENDER-RETRY-SAME-REFERENCE/m);
      expect(readdirSync(reportDir).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
      expect(JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'))).toMatchObject({
        role: 'verzender',
        api: 'order',
        summary: { failed: 0, skipped: 0 },
      });
    },
    RUN_MS,
  );

  it(
    'exits 1 for a verzender that refuses a repeated confirmation, naming that case only',
    async () => {
      const port = await freePort();
      const { code, stdout } = await run([
        'qualify',
        'order',
        '--role',
        'verzender',
        '--confirmation-url',
        `http://127.0.0.1:${port}/order-api/v0`,
        '--format',
        'text',
        '--',
        ...verzenderClient(port, 'refuses-repeat'),
      ]);
      expect(code, stdout).toBe(1);
      expect(stdout.match(/^FAIL .*/gm)).toEqual([expect.stringMatching(/^FAIL EDUVKIT-VERZENDER-REPEATED-CONFIRMATION/)]);
    },
    RUN_MS,
  );
});

describe('eduvkit qualify --role ontvanger', () => {
  let ontvanger: TestOntvanger;
  let tokenServer: Server;
  let tokenUrl: string;
  beforeAll(async () => {
    ontvanger = await startTestOntvanger(findExchangeRegistry('order')!);
    // Stands in for the supplier's authorization server: it issues the token the test ontvanger accepts.
    tokenServer = createServer((_request, response) =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: ONTVANGER_TOKEN, token_type: 'Bearer', expires_in: 300 })),
    );
    await new Promise<void>((done) => tokenServer.listen(0, '127.0.0.1', done));
    tokenUrl = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}/oauth2/token`;
  });
  afterAll(async () => {
    await ontvanger.close();
    await new Promise((done) => tokenServer.close(done));
  });

  it(
    'exits 0 for an ontvanger built with createOntvanger and prints where to confirm',
    async () => {
      const port = await freePort();
      ontvanger.confirmTo(`http://127.0.0.1:${port}/order-api/v0`);
      const { code, stdout } = await run([
        'qualify',
        'order',
        '--role',
        'ontvanger',
        '--base-url',
        ontvanger.baseUrl,
        '--token-url',
        tokenUrl,
        '--client',
        'demo-bestelomgeving',
        '--callback-port',
        String(port),
        '--format',
        'text',
      ]);
      expect(code, stdout).toBe(0);
      expect(stdout).toContain(`confirmations to: http://127.0.0.1:${port}/order-api/v0`);
      expect(stdout).toMatch(/^PASS EDUVKIT-ONTVANGER-REPEAT-KVTPUTORDERS/m);
    },
    RUN_MS,
  );

  it.each([
    [['order', '--role', 'ontvanger', '--client', 'demo-bestelomgeving', '--issuer', 'http://127.0.0.1:9'], '--base-url is required'],
    [
      [
        'order',
        '--role',
        'ontvanger',
        '--client',
        'demo-bestelomgeving',
        '--issuer',
        'http://127.0.0.1:9',
        '--base-url',
        'http://127.0.0.1:9',
        '--test-data',
        'x.json',
      ],
      'does not take --test-data',
    ],
    [['order', '--role', 'verzender', '--', 'node'], '--confirmation-url is required'],
    [['order', '--role', 'verzender', '--confirmation-url', 'http://127.0.0.1:9'], 'give the command that runs your verzender'],
    [['students', '--role', 'bron', '--callback-port', '1'], '--callback-port is for the ontvanger and verzender'],
  ])(
    'exits 2 with a message that says what to fix (%j)',
    async (args, message) => {
      const { code, stderr } = await run(['qualify', ...args]);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    },
    RUN_MS,
  );
});
