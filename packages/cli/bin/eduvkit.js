#!/usr/bin/env node
// A committed entry point, so npm links the `eduvkit` command at install time, before the first build.
// Published (and built) it runs dist/; in a fresh clone without a build it runs the TypeScript
// source through tsx with the workspace's @eduvkit/source condition (decision 005), so
// `npx eduvkit --help` and `npm start` work right after `npm install`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--conditions=@eduvkit/source', '--import', tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward).off('SIGTERM', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}
