import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../src/generate';
import { writeGenerated } from '../src/write-files';

const root = resolve(import.meta.dirname, '../../..');

describe('generated code drift', () => {
  it('matches what the specs generate today', async () => {
    const stale = writeGenerated(await generateAll(root), true).map((path) => relative(root, path));
    expect(stale, 'run `npm run generate` and commit the result').toEqual([]);
  });

  it('notices a change to a spec', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'eduvkit-codegen-'));
    cpSync(join(root, 'specs'), join(copy, 'specs'), { recursive: true });
    cpSync(join(root, 'README.md'), join(copy, 'README.md'));
    const spec = join(copy, 'specs/students/openapi.yaml');
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        '        preferredFirstName:\n',
        '        nickName:\n          type: string\n          x-eduvkit-assumed: test\n        preferredFirstName:\n',
      ),
    );
    const files = await generateAll(copy);
    const schemas = files.get(join(copy, 'packages/students/src/generated/schemas.ts'));
    expect(schemas).toContain('nickName: z.string().optional()');
    const committed = readFileSync(join(root, 'packages/students/src/generated/schemas.ts'), 'utf8');
    expect(schemas).not.toEqual(committed);
  });

  it('refuses an element without provenance', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'eduvkit-codegen-'));
    cpSync(join(root, 'specs'), join(copy, 'specs'), { recursive: true });
    cpSync(join(root, 'README.md'), join(copy, 'README.md'));
    const spec = join(copy, 'specs/students/openapi.yaml');
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace('        preferredFirstName:\n', '        nickName:\n          type: string\n        preferredFirstName:\n'),
    );
    await expect(generateAll(copy)).rejects.toThrow(/schema Student\.nickName/);
  });
});
