import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { postClassResults } from './class-results';
import { toetssysteemTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first, then:
//   npm start -w @eduvkit/example-toetssysteem-results -- <orgMasterId> <studyOfferingId> [schoolPeriodId]
// The mock's banner and GET /education-api/v1/studyofferings/school?orgMasterId=… name both.
const issuer = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const [orgMasterId, studyOfferingId, schoolPeriodId = '2025-2026'] = process.argv.slice(2);
if (!orgMasterId || !studyOfferingId) throw new Error('usage: main.ts <orgMasterId> <studyOfferingId>');
const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
const tokenProvider = toetssysteemTokenProvider(issuer, join(demo, 'demo/keys/demo-toetssysteem.dev-only.pem'), 'thny_FiHJKe_8998j3RYTgNGFdWucR-GvGL_sZLwG9Y');
const { students, statusMessage } = await postClassResults(
  {
    orgMasterId,
    studyOfferingId,
    schoolPeriodId,
    assessment: { id: `toets-${Date.now()}`, name: 'Toets rekenen blok 3' },
    takenAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    gradeOf: () => (5 + Math.random() * 5).toFixed(1),
  },
  { studentsBaseUrl: `${issuer}/students-api/v1`, resultsBaseUrl: `${issuer}/results-api/v2`, tokenProvider },
);
console.log(`Results API: ${statusMessage ?? 'sent'} for ${students} students; see ${issuer}/_admin/results?orgMasterId=${orgMasterId}`);
await tokenProvider.close();
