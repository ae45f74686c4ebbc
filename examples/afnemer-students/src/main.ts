import { studentNames } from './class-lists';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-afnemer-students -- 163G332
const baseUrl = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const orgMasterId = process.argv[2] ?? '163G332';
const { apiVersion, names } = await studentNames({ orgMasterId }, { baseUrl: `${baseUrl}/students-api/v1`, token: 'demo-token' });
console.log(`Students API ${apiVersion ?? '?'}: ${names.length} students at ${orgMasterId}`);
for (const name of names.slice(0, 10)) console.log(`  ${name}`);
