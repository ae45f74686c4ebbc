import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../dist/cli.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

let server: MockServer;
let school: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  // The demo test system is active at the first school only: at the second it is the client without consent.
  school = server.world.schools[1]!.orgMasterId;
});
afterAll(() => server.close());

const studentsArgs = (baseUrl: string, reportDir: string) => [
  'qualify',
  'students',
  '--role',
  'bron',
  '--base-url',
  `${baseUrl}/students-api/v1`,
  '--issuer',
  server.url,
  '--client',
  'demo-bestelomgeving',
  '--unconsented-client',
  'demo-toetssysteem',
  '--school',
  school,
  '--report-dir',
  reportDir,
];

/** The mock behind a wrapper that drops API-Version from every answer: a bron with one defect. */
async function withoutApiVersion(): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy = createServer((incoming, reply) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<
        string,
        string
      >;
      fetch(`${server.url}${incoming.url}`, { method: incoming.method, headers, body: chunks.length ? Buffer.concat(chunks) : null })
        .then(async (response) => {
          const kept = [...response.headers].filter(([name]) => !['api-version', 'content-length', 'content-encoding', 'transfer-encoding'].includes(name));
          reply.writeHead(response.status, Object.fromEntries(kept)).end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => reply.writeHead(502).end());
    });
  });
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => new Promise((done) => proxy.close(() => done())) };
}

describe('eduvkit qualify', () => {
  it('exits 0 against the mock, prints a line per case and a summary, and writes the three reports without secrets', async () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'eduvkit-qualify-'));
    const { code, stdout, stderr } = await run(studentsArgs(server.url, reportDir));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS KVTGETSTUDENTSSCHOOL/m);
    expect(stdout).toMatch(/^PASS KVTPOSTSTUDENTSMISSINGREQUIREDBODYFIELDSCHOOL/m);
    expect(stdout).toMatch(/Failed\s+0/);

    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as {
      api: string;
      role: string;
      summary: { failed: number; passed: number };
      cases: { id: string; status: string; request: { headers: Record<string, string> } | null }[];
    };
    expect(report).toMatchObject({ api: 'students', role: 'bron', apiVersion: '1.1.0', target: `${server.url}/students-api/v1` });
    expect(report.summary.failed).toBe(0);
    expect(report.cases.map((result) => result.id)).toContain('KVTPOSTSTUDENTS');
    expect(report.cases.find((result) => result.id === 'KVTGETSTUDENTSSCHOOL')!.request!.headers.authorization).toBe('[redacted]');

    const junit = readFileSync(join(reportDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(report.cases.length);
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    expect(html).toContain('KVTGETSTUDENTSSCHOOL');
    for (const text of [stdout, JSON.stringify(report), junit, html]) {
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
      expect(text).not.toContain('PRIVATE KEY');
    }
  });

  it('exits 1 against a bron with a defect and names the failing case', async () => {
    const defective = await withoutApiVersion();
    try {
      const reportDir = mkdtempSync(join(tmpdir(), 'eduvkit-qualify-'));
      const { code, stdout } = await run(studentsArgs(defective.url, reportDir));
      expect(code).toBe(1);
      expect(stdout).toMatch(/^FAIL EDUVKIT-API-VERSION/m);
      expect(stdout).toMatch(/Failed\s+1/);
      const junit = readFileSync(join(reportDir, 'junit.xml'), 'utf8');
      expect(junit).toMatch(/failures="1"/);
    } finally {
      await defective.close();
    }
  });

  it('exits 2 with a message that says what to fix', async () => {
    const base = [
      '--role',
      'bron',
      '--base-url',
      `${server.url}/students-api/v1`,
      '--issuer',
      server.url,
      '--client',
      'demo-bestelomgeving',
      '--school',
      school,
    ];
    const cases: [string[], RegExp][] = [
      [['qualify', 'studnets', ...base], /unknown API "studnets"; choose one of .*\bstudents\b/],
      [['qualify', 'students', ...base.filter((_, index) => index < 8)], /--school is required/],
      [['qualify', 'students', ...base, '--client-id', 'x'], /either --client or --client-id/],
      [['qualify', 'students', ...base, '--only', 'KVTNOSUCHCASE'], /--only names no case of the students suite: KVTNOSUCHCASE/],
      [['qualify', 'students', ...base, '--format', 'pdf'], /--format takes a list of text, json, junit, html/],
      [['qualify', 'students', ...base.map((arg) => (arg === 'bron' ? 'verkoper' : arg))], /unknown role "verkoper"/],
      [['qualify', 'students', ...base.map((arg) => (arg === server.url ? 'http://127.0.0.1:9' : arg))], /got no access token/],
      [['qualify', 'students', ...base.map((arg) => (arg.endsWith('/students-api/v1') ? 'http://127.0.0.1:9/students-api/v1' : arg))], /gives no HTTP answer/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('accepts the testlab word "ontvanger" for the bron and runs only the cases asked for', async () => {
    const { code, stdout } = await run([
      'qualify',
      'education',
      '--role',
      'ontvanger',
      '--base-url',
      `${server.url}/education-api/v1`,
      '--issuer',
      server.url,
      '--client',
      'demo-bestelomgeving',
      '--school',
      school,
      '--only',
      'KVTGETORGANISATIONS,EDUVKIT-NOTOKEN-*',
      '--format',
      'text',
    ]);
    expect(code).toBe(0);
    const ids = [...stdout.matchAll(/^(?:PASS|FAIL|SKIP) (\S+)/gm)].map((match) => match[1]);
    expect(ids[0]).toBe('KVTGETORGANISATIONS');
    expect(ids.slice(1).every((id) => id!.startsWith('EDUVKIT-NOTOKEN-'))).toBe(true);
  });
});
