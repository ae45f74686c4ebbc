// Renders one self-contained Redoc page per Edu-V API from the bundled OpenAPI document of its
// package, into docs/public/reference/<api>.html (build output, gitignored). Runs before
// `vitepress build`. The page must work offline: the Redoc bundle is inlined, telemetry is off and
// the "powered by" logo, the one asset Redoc would still fetch from its CDN, is replaced.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_APIS } from '../docs/.vitepress/apis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/public/reference');
const redocly = join(root, 'node_modules/@redocly/cli/bin/cli.js');
const EMPTY_SVG = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221%22 height=%221%22/%3E';
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'eduvkit-reference-'));

try {
  for (const api of REFERENCE_APIS) {
    const input = join(work, `${api.slug}.json`);
    writeFileSync(input, JSON.stringify(forRendering(JSON.parse(readFileSync(join(root, `packages/${api.slug}/openapi.json`), 'utf8')))));
    const output = join(outDir, `${api.slug}.html`);
    execFileSync(
      process.execPath,
      [
        redocly,
        'build-docs',
        input,
        '--inlineBundle',
        '--output',
        output,
        '--title',
        `${api.title} ${api.version} reference — eduvkit`,
        '--lint-config',
        'off',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    writeFileSync(output, offline(readFileSync(output, 'utf8')));
    console.log(`reference: docs/public/reference/${api.slug}.html`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Edu-V's contact URL is written without a scheme; as a link it would resolve inside the site. */
function forRendering(document) {
  const url = document.info?.contact?.url;
  if (url && !/^[a-z]+:/i.test(url)) document.info.contact.url = `https://${url}`;
  return document;
}

function offline(html) {
  return html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, EMPTY_SVG);
}
