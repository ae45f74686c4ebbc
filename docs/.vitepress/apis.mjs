// The Edu-V APIs that have a package, an API page (docs/apis/<slug>.md) and a rendered reference
// (docs/public/reference/<slug>.html). Title and version come from each package's OpenAPI document.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SLUGS = [
  'students',
  'employees',
  'education',
  'association',
  'consent',
  'notifications',
  'order',
  'delivery',
  'entitlement',
  'activationcode',
  'usage',
  'results',
  'progress',
  'catalogue',
  'course',
];
// Where the API's own name is not the capitalised slug.
const NAMES = { activationcode: 'ActivationCode' };

export const REFERENCE_APIS = SLUGS.map((slug) => {
  const { info } = JSON.parse(readFileSync(join(root, `packages/${slug}/openapi.json`), 'utf8'));
  const name = NAMES[slug] ?? slug[0].toUpperCase() + slug.slice(1);
  return { slug, name, title: info.title, version: info.version };
});
