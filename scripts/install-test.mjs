// Install test, as zod and TanStack Query do it: pack every published package, install the
// tarballs into a fresh project, load every entry point as ESM and as CJS and call one function,
// type-check them (and the README examples) with the lowest supported TypeScript under
// moduleResolution node16 and bundler, and check what `changeset version` makes of a sample
// changeset. Run by .ci/run after `npm test`: `npm run test:install`.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changesetVersions, EXPECTED_VERSIONS } from './install-test/changeset-version.mjs';
import { packAll } from './install-test/pack.mjs';
import { entryPoints, publishedPackages } from './install-test/packages.mjs';
import { readmeExamples } from './install-test/readme-examples.mjs';
import { run } from './install-test/run.mjs';
import { cjsScript, esmScript } from './install-test/runtime-scripts.mjs';
import { writeTypeProjects } from './install-test/type-projects.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const typescript = (alias) => ({
  tsc: join(root, `node_modules/${alias}/bin/tsc`),
  version: JSON.parse(readFileSync(join(root, `node_modules/${alias}/package.json`), 'utf8')).version,
});
const compilers = { lowest: typescript('typescript-lowest'), lowestCjs: typescript('typescript-lowest-cjs') };
const work = mkdtempSync(join(tmpdir(), 'eduvkit-install-test-'));
const started = Date.now();
const step = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);

try {
  const packages = publishedPackages(root);
  step(`building ${packages.length} published packages`);
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', ...packages.flatMap((pkg) => ['--filter', pkg.name])], root, 600_000);

  const tarballs = packAll(root, packages, join(work, 'tarballs'));
  step(`packed ${tarballs.length} tarballs`);

  const project = join(work, 'project');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'eduvkit-install-test', private: true, type: 'module' }, null, 2));
  const extras = [`msw@${rootManifest.devDependencies.msw}`, `@types/node@${rootManifest.devDependencies['@types/node']}`];
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs, ...extras], project, 600_000);
  step('installed the tarballs into a fresh project');

  const specifiers = packages.flatMap((pkg) => entryPoints(pkg.manifest));
  copyFileSync(join(root, 'scripts/install-test/checks.cjs'), join(project, 'checks.cjs'));
  writeFileSync(join(project, 'load.mjs'), esmScript(specifiers));
  writeFileSync(join(project, 'load.cjs'), cjsScript(specifiers));
  console.log(run(process.execPath, ['load.mjs'], project).trim());
  console.log(run(process.execPath, ['load.cjs'], project).trim());
  console.log(run(join(project, 'node_modules/.bin/eduvkit'), ['--help'], project).split('\n')[0]);
  step('ESM and CJS loads passed');

  const typeProjects = writeTypeProjects(project, specifiers, readmeExamples(packages));
  for (const [compiler, dirs] of Object.entries(typeProjects)) {
    for (const dir of dirs) {
      run(process.execPath, [compilers[compiler].tsc, '-p', dir], project);
      step(`types resolve and check with TypeScript ${compilers[compiler].version}: ${dir.split('/').pop()}`);
    }
  }

  // The README examples run too (they need no server: MSW, in-memory, or the mock on a free port).
  for (const file of readdirSync(typeProjects.lowest[0]).filter((name) => name.startsWith('readme-'))) {
    run(
      process.execPath,
      ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/esm/index.mjs')).href, join(typeProjects.lowest[0], file)],
      project,
      60_000,
    );
  }
  step('every README example ran');

  const versions = changesetVersions(root, join(work, 'changeset'));
  const wrong = Object.entries(EXPECTED_VERSIONS).filter(([name, version]) => versions[name] !== version);
  if (wrong.length) throw new Error(`changeset version: ${wrong.map(([name, version]) => `${name} is ${versions[name]}, expected ${version}`).join('; ')}`);
  step('changeset version bumped the fixed group together and patched the dependants');
  console.log(`install test passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
