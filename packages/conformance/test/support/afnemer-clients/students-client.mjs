// A test afnemer of the Students API, run by the conformance tests as `-- <command>`: well-behaved
// without an argument, or with exactly one defect, named by the first argument (see DEFECTS).
import process from 'node:process';
import { URL } from 'node:url';
import { createCarefulClient, env } from './careful-client.mjs';

const DEFECTS = [
  'none',
  'token-per-request',
  'short-jti',
  'extra-scope',
  'wrong-accept',
  'wrong-school',
  'other-role-endpoint',
  'ignores-retry-after',
  'gives-up-on-503',
  'retries-no-consent',
  'reuses-rejected-token',
  'exits-nonzero',
];

const defect = process.argv[2] ?? 'none';
if (!DEFECTS.includes(defect)) throw new Error(`unknown defect ${defect}; one of ${DEFECTS.join(', ')}`);
const baseUrl = env('EDUVKIT_BASE_URL');
const { call } = createCarefulClient(defect);

/** @param {string} school */
const listAt = (school) => call(`${baseUrl}/students/school?orgMasterId=${encodeURIComponent(school)}`);

// Four lists meet the kit's 429, 503 and 401 (data calls 2, 4 and 6) and the retries after them.
for (let round = 0; round < 4; round += 1) {
  const response = await listAt(env('EDUVKIT_SCHOOL'));
  process.stdout.write(`list ${round + 1}: HTTP ${response.status}\n`);
  // The defect: a 503 taken as "nothing more to read", and the command goes on as if it had it all.
  if (defect === 'gives-up-on-503' && response.status === 503) break;
}
const refused = await listAt(env('EDUVKIT_SCHOOL_NO_CONSENT'));
process.stdout.write(`school without consent: HTTP ${refused.status}\n`);
if (defect === 'retries-no-consent') for (let retry = 0; retry < 4; retry += 1) await listAt(env('EDUVKIT_SCHOOL_NO_CONSENT'));
if (defect === 'wrong-school') await listAt('000X000');
// The Notifications API's receive endpoint belongs to the afnemer itself: a bron never answers it.
if (defect === 'other-role-endpoint') await call(`${new URL(baseUrl).origin}/notifications-api/v0/notifications`, { method: 'POST', body: '[]' });
if (defect === 'exits-nonzero') process.exitCode = 3;
