// The vitest runner of Stryker 9.6 reads a test skipped because a hook failed as a failure only
// when the hook belongs to a describe block (stryker-js#5492, fixed there by #5588 for suites). A
// file-level `beforeAll` that throws under a mutant leaves every test of the file skipped, and the
// mutant counted as survived although `vitest run` fails on it. This adds the file to the search
// for that failure. It edits the installed runner in place, once, and only the version it knows.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const UNPATCHED = 'const suiteError = findSuiteError(test.suite);';
const PATCHED = 'const suiteError = findSuiteError(test.suite) ?? findSuiteError(test.file); // eduvkit: file-level hooks';

export function patchVitestRunner() {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@stryker-mutator/vitest-runner/package.json'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const helpers = join(root, 'dist/src/vitest-helpers.js');
  const source = readFileSync(helpers, 'utf8');
  if (source.includes(PATCHED)) return;
  if (!version.startsWith('9.6.') || !source.includes(UNPATCHED)) {
    throw new Error(
      `mutation/patch-vitest-runner.mjs knows @stryker-mutator/vitest-runner 9.6.x; found ${version}: check whether file-level hook failures still count as survivors and update or drop the patch`,
    );
  }
  writeFileSync(helpers, source.replace(UNPATCHED, PATCHED));
}
