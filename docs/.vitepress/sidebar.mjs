// The site's sidebar. Decisions are listed from docs/decisions/ so a new ADR shows up by itself.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_APIS } from './apis.mjs';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function titleOf(file) {
  const heading = readFileSync(file, 'utf8').match(/^# (.+)$/m);
  return heading ? heading[1].replace(/`/g, '') : file;
}

function decisions() {
  return readdirSync(join(docsDir, 'decisions'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ text: titleOf(join(docsDir, 'decisions', name)), link: `/decisions/${name.replace(/\.md$/, '')}` }));
}

export function sidebar() {
  return [
    {
      text: 'Start',
      items: [
        { text: 'Getting started', link: '/getting-started' },
        { text: 'Glossary', link: '/glossary' },
      ],
    },
    {
      text: 'Guides',
      items: [
        { text: 'Afnemer: calling a bron', link: '/guides/afnemer' },
        { text: 'Bron: implementing an API', link: '/guides/bron' },
        { text: 'Verzender: pushing messages', link: '/guides/verzender' },
        { text: 'Ontvanger: receiving messages', link: '/guides/ontvanger' },
        { text: 'The asynchronous exchange', link: '/guides/exchange' },
        { text: 'The exchange store', link: '/guides/exchange-store' },
        { text: 'Notifications', link: '/guides/notifications' },
        { text: 'Consent', link: '/guides/consent' },
        { text: 'Authentication', link: '/authentication' },
        { text: 'The mock server', link: '/mock-server' },
        { text: 'Qualification', link: '/qualification' },
      ],
    },
    {
      text: 'Edu-V APIs',
      items: REFERENCE_APIS.map((api) => ({
        text: `${api.name} ${api.version}`,
        link: `/apis/${api.slug}`,
        items: [{ text: 'Interactive reference', link: `/apis/reference/${api.slug}` }],
      })),
    },
    {
      text: 'Project',
      items: [
        { text: 'Coverage matrix', link: '/coverage' },
        { text: 'Adding an Edu-V API', link: '/contributing/adding-an-api' },
        { text: 'Decisions', collapsed: true, items: decisions() },
      ],
    },
  ];
}
