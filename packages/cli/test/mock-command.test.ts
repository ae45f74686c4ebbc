import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The built CLI, exactly what `npm start` runs.
const cli = resolve(import.meta.dirname, '../dist/cli.js');
const running: ChildProcessWithoutNullStreams[] = [];

function start(args: string[]): { child: ChildProcessWithoutNullStreams; output: Promise<string> } {
  const child = spawn(process.execPath, [cli, ...args]);
  running.push(child);
  let stdout = '';
  const output = new Promise<string>((resolveOutput, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl+C')) resolveOutput(stdout);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${stdout}`)));
  });
  return { child, output };
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('eduvkit mock', () => {
  it('prints its URL, the seeded schools and a curl line that works', async () => {
    const { child, output } = start(['mock', '--port', '0', '--seed', '2', '--auth', 'any-bearer']);
    const banner = await output;
    expect(banner).toMatch(/Students API 1\.1\.0/);
    expect(banner).toMatch(/\bpo\s+\d{3}[A-Z]\d{3}/);
    expect(banner).toMatch(/\bvo\s+\d{3}[A-Z]\d{3}/);
    const curl = /curl -i -H 'Authorization: Bearer ([^']+)' '([^']+)'/.exec(banner);
    expect(curl).not.toBeNull();
    const [, token, url] = curl!;
    const withToken = await fetch(url!, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('api-version')).toBe('1.1.0');
    expect(((await withToken.json()) as unknown[]).length).toBeGreaterThan(0);
    expect((await fetch(url!)).status).toBe(401);

    const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('is deterministic: the same seed prints the same schools', async () => {
    const schools = async () => (await start(['mock', '--port', '0', '--seed', '9']).output).split('Seeded schools')[1]!.split('Demo credentials')[0];
    expect(await schools()).toEqual(await schools());
  });

  it('rejects a bad option with exit code 2 and says which', async () => {
    const child = spawn(process.execPath, [cli, 'mock', '--port', 'abc']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
  });
});
