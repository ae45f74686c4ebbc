import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const generated = resolve(root, 'packages/students/src/generated');

/** Type-checks the generated type tests, optionally with the zod schemas file replaced. */
function typeErrors(schemasOverride?: (source: string) => string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'packages/students/tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const schemasFile = resolve(generated, 'schemas.ts');
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    if (schemasOverride && resolve(fileName) === schemasFile) {
      return ts.createSourceFile(fileName, schemasOverride(readFileSync(schemasFile, 'utf8')), language);
    }
    return original(fileName, language, onError, create);
  };
  const program = ts.createProgram([resolve(generated, 'type-tests.ts')], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

describe('zod ↔ openapi-typescript type test', () => {
  it('passes for the generated schemas', () => {
    expect(typeErrors()).toEqual([]);
  });

  it('fails when a zod schema drifts from the spec type', () => {
    const errors = typeErrors((source) => source.replace('  familyName: z.string(),', '  familyName: z.string().optional(),'));
    expect(errors.some((error) => error.includes('type-tests.ts') && error.includes("'false' does not satisfy"))).toBe(true);
  });

  it('fails when an enum loses a value', () => {
    const errors = typeErrors((source) => source.replace('"other","unspecified"', '"other"'));
    expect(errors.length).toBeGreaterThan(0);
  });
});
