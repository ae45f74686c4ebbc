import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { discoverSpecs } from '../src/generate';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

describe('OpenAPI documents', () => {
  const specs = discoverSpecs(root);

  it('exist for at least the Students API', () => {
    expect(specs.map((spec) => spec.name)).toContain('students');
  });

  it.each(specs.map((spec) => [spec.name, spec.specFile]))('%s passes redocly lint', async (_name, file) => {
    const result = await run(resolve(root, 'node_modules/.bin/redocly'), ['lint', file, '--format', 'stylish'], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).then(
      (ok) => ({ ...ok, code: 0 }),
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(/\berror\b/);
  });
});
