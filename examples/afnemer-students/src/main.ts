import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exchangeActivated, lookUpStudents, studentNames } from './class-lists';
import { supplierTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-afnemer-students -- 163G332
// Under `eduvkit qualify students --role afnemer` the kit sets the EDUVKIT_* variables instead.
const issuer = process.env.EDUVKIT_ISSUER ?? process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const baseUrl = process.env.EDUVKIT_BASE_URL ?? `${issuer}/students-api/v1`;
const orgMasterId = process.env.EDUVKIT_SCHOOL ?? process.argv[2] ?? '163G332';
const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
const tokenProvider = supplierTokenProvider(issuer, join(demo, 'demo/keys/demo-bestelomgeving.dev-only.pem'), '7x-rRq5_TBy9fBp0VpTINiMOEdPIDSIduriAjBJvzyM');
try {
  const { apiVersion, names, eckIds } = await studentNames({ orgMasterId }, { baseUrl, tokenProvider });
  console.log(`Students API ${apiVersion ?? '?'}: ${names.length} students at ${orgMasterId}`);
  for (const name of names.slice(0, 10)) console.log(`  ${name}`);
  const checked = await lookUpStudents({ orgMasterId }, eckIds.slice(0, 3), { baseUrl, tokenProvider });
  console.log(`Looked up one by one: ${checked.join(', ')}`);
  const other = process.env.EDUVKIT_SCHOOL_NO_CONSENT;
  if (other)
    console.log(
      `${other}: ${(await exchangeActivated({ orgMasterId: other }, { baseUrl, tokenProvider })) ? 'exchange activated' : 'exchange not activated (403 / 0022); not asking again'}`,
    );
} finally {
  await tokenProvider.close();
}
