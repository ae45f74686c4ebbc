import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The committed entry point: dist/ when built, else the source through tsx (as `npx eduvkit` runs).
const cli = resolve(import.meta.dirname, '../bin/eduvkit.js');
const root = resolve(import.meta.dirname, '../../..');
const node = [process.execPath, '--conditions=@eduvkit/source', '--import', 'tsx'];
const example = [...node, join(root, 'examples/afnemer-students/src/main.ts')];
const testClient = (defect: string) => [process.execPath, join(root, 'packages/conformance/test/support/afnemer-clients/students-client.mjs'), defect];

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

const RUN_MS = 180_000;

describe('eduvkit qualify --role afnemer', () => {
  it(
    'exits 0 for the afnemer-students example with the three reports, and passes its output through',
    async () => {
      const reportDir = mkdtempSync(join(tmpdir(), 'eduvkit-afnemer-'));
      const { code, stdout, stderr } = await run([
        'qualify',
        'students',
        '--role',
        'afnemer',
        '--client',
        'demo-bestelomgeving',
        '--report-dir',
        reportDir,
        '--',
        ...example,
      ]);
      expect(code, stdout).toBe(0);
      expect(stdout).toMatch(/^PASS EDUVKIT-AFNEMER-TOKEN-REUSE/m);
      expect(stderr).toContain('exchange not activated (403 / 0022)');
      expect(readdirSync(reportDir).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
      const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as { role: string; summary: { failed: number; skipped: number } };
      expect(report).toMatchObject({ role: 'afnemer', summary: { failed: 0, skipped: 0 } });
    },
    RUN_MS,
  );

  it(
    'exits 1 for a client that fetches a new token per request, naming the token-reuse case',
    async () => {
      const { code, stdout } = await run([
        'qualify',
        'students',
        '--role',
        'afnemer',
        '--client',
        'demo-bestelomgeving',
        '--format',
        'text',
        '--',
        ...testClient('token-per-request'),
      ]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^FAIL EDUVKIT-AFNEMER-TOKEN-REUSE/m);
      expect(stdout.match(/^FAIL /gm)).toHaveLength(1);
    },
    RUN_MS,
  );

  it.each([
    [['--client', 'demo-bestelomgeving'], 'give the command that runs your client after --'],
    [['--client', 'demo-bestelomgeving', '--base-url', 'http://127.0.0.1:9', '--', 'node'], 'does not take --base-url'],
    [['--client', 'no-such-client', '--', 'node'], 'no demo client no-such-client'],
    [['--client-id', 'mine', '--', 'node'], '--client-id <id> --jwks'],
  ])(
    'exits 2 with a message that says what to fix (%j)',
    async (flags, message) => {
      const { code, stderr } = await run(['qualify', 'students', '--role', 'afnemer', ...flags]);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    },
    RUN_MS,
  );

  it(
    'refuses a command after -- for the bron role',
    async () => {
      const { code, stderr } = await run(['qualify', 'students', '--role', 'bron', '--', 'node']);
      expect(code).toBe(2);
      expect(stderr).toContain('a command after -- is for --role afnemer only');
    },
    RUN_MS,
  );
});
