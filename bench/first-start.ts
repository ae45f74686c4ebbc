// Issue #12 item 3: a fresh clone, `npm ci`, then `npm start` until the banner is printed, and
// `eduvkit --help` through the bin before any build. Clones the committed HEAD of this checkout.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from './lib';

export interface FirstStartResult {
  npmCiMs: number;
  bannerMs: number;
  helpWorks: boolean;
}

function bannerAfter(cwd: string, port: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--port', String(port)], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise<number>((resolve, reject) => {
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no banner within ${timeoutMs} ms; output: ${output.slice(-500)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('eduvkit mock server listening on')) {
        clearTimeout(timer);
        stop();
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before the banner; output: ${output.slice(-500)}`));
    });
  });
}

export async function runFirstStart(): Promise<FirstStartResult> {
  const dir = mkdtempSync(join(tmpdir(), 'eduvkit-first-start-'));
  try {
    execFileSync('git', ['clone', '--quiet', REPO_ROOT, dir]);
    const ci = performance.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'ignore' });
    const npmCiMs = performance.now() - ci;
    const help = spawnSync('node', ['packages/cli/bin/eduvkit.js', '--help'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const bannerMs = await bannerAfter(dir, await freePort(), 120_000);
    return { npmCiMs, bannerMs, helpWorks: help.status === 0 && help.stdout.includes('Usage') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
