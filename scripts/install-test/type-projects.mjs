// TypeScript projects inside the install project, checked with skipLibCheck off so the published
// .d.ts/.d.cts files themselves are checked:
// - lowest: moduleResolution node16 (an ESM file and the README examples) and bundler;
// - lowestCjs: a CommonJS file under nodenext. jose and msw ship ESM-only types, which a CommonJS
//   file may require only with TypeScript 5.8+ and module nodenext.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// DOM: the packages (and msw) type the Fetch API with the DOM lib, as their own build does.
const STRICT = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'] };

const namespaceImports = (specifiers, form) =>
  specifiers
    .map((specifier, index) => (form === 'cjs' ? `import m${index} = require('${specifier}');` : `import * as m${index} from '${specifier}';`))
    .concat(`export const loaded = [${specifiers.map((_, index) => `m${index}`).join(', ')}].length;`)
    .join('\n');

function project(dir, compilerOptions, files) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, ...compilerOptions } }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function writeTypeProjects(projectDir, specifiers, readmeExamples) {
  const typed = specifiers.filter((specifier) => !specifier.endsWith('.json'));
  const readmes = Object.fromEntries(Object.entries(readmeExamples).map(([name, code]) => [`readme-${name}.ts`, `${code}\nexport {};\n`]));
  return {
    lowest: [
      project(
        join(projectDir, 'types-node16'),
        { module: 'node16', moduleResolution: 'node16' },
        {
          'package.json': JSON.stringify({ type: 'module' }),
          'esm.ts': `${namespaceImports(typed, 'esm')}\n`,
          ...readmes,
        },
      ),
      project(join(projectDir, 'types-bundler'), { module: 'esnext', moduleResolution: 'bundler' }, { 'index.ts': `${namespaceImports(typed, 'esm')}\n` }),
    ],
    lowestCjs: [
      project(
        join(projectDir, 'types-cjs-nodenext'),
        { module: 'nodenext', moduleResolution: 'nodenext' },
        { 'index.cts': `${namespaceImports(typed, 'cjs')}\n` },
      ),
    ],
  };
}
