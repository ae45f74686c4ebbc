import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { studentNames } from './class-lists';
import { supplierTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-afnemer-students -- 163G332
const issuer = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const orgMasterId = process.argv[2] ?? '163G332';
const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
const tokenProvider = supplierTokenProvider(issuer, join(demo, 'demo/keys/demo-bestelomgeving.dev-only.pem'), '7x-rRq5_TBy9fBp0VpTINiMOEdPIDSIduriAjBJvzyM');
const { apiVersion, names } = await studentNames({ orgMasterId }, { baseUrl: `${issuer}/students-api/v1`, tokenProvider });
console.log(`Students API ${apiVersion ?? '?'}: ${names.length} students at ${orgMasterId}`);
for (const name of names.slice(0, 10)) console.log(`  ${name}`);
await tokenProvider.close();
