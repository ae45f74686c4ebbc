// `changeset version` on one sample changeset, in a copy of the workspace manifests, and the
// versions it produces. The API packages form a fixed group (.changeset/config.json), and a
// dependant of a bumped package gets a patch.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

export const SAMPLE_CHANGESET = '---\n"@eduvkit/students": minor\n---\n\nSample change for the install test.\n';

export const EXPECTED_VERSIONS = {
  '@eduvkit/core': '0.1.0',
  '@eduvkit/auth': '0.1.0',
  '@eduvkit/students': '0.2.0',
  '@eduvkit/employees': '0.2.0',
  '@eduvkit/education': '0.2.0',
  '@eduvkit/association': '0.2.0',
  '@eduvkit/consent': '0.2.0',
  '@eduvkit/notifications': '0.2.0',
  '@eduvkit/order': '0.2.0',
  '@eduvkit/delivery': '0.2.0',
  '@eduvkit/activationcode': '0.2.0',
  '@eduvkit/mock-server': '0.1.1',
  '@eduvkit/conformance': '0.1.1',
  '@eduvkit/cli': '0.1.1',
};

export function changesetVersions(root, workDir) {
  mkdirSync(join(workDir, '.changeset'), { recursive: true });
  cpSync(join(root, 'package.json'), join(workDir, 'package.json'));
  cpSync(join(root, '.changeset/config.json'), join(workDir, '.changeset/config.json'));
  writeFileSync(join(workDir, '.changeset/sample-change.md'), SAMPLE_CHANGESET);
  for (const folder of ['packages', 'examples']) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const manifest = join(root, folder, entry.name, 'package.json');
      if (!entry.isDirectory()) continue;
      try {
        mkdirSync(join(workDir, folder, entry.name), { recursive: true });
        cpSync(manifest, join(workDir, folder, entry.name, 'package.json'));
      } catch {
        // a folder without package.json is no workspace
      }
    }
  }
  run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], workDir, 120_000);
  const versions = {};
  for (const name of Object.keys(EXPECTED_VERSIONS)) {
    const folder = name.replace('@eduvkit/', '');
    versions[name] = JSON.parse(readFileSync(join(workDir, 'packages', folder, 'package.json'), 'utf8')).version;
  }
  return versions;
}
