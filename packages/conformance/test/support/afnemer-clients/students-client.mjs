// A test afnemer of the Students API, run by the conformance tests as `-- <command>`: well-behaved
// without an argument, or with exactly one defect, named by the first argument (see DEFECTS). A
// second and third argument (a PEM file and its kid) make it the client EDUVKIT_CLIENT_ID instead of the demo client.
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenClient } from './token-client.mjs';
import process from 'node:process';
import { URL } from 'node:url';

const DEFECTS = [
  'none',
  'token-per-request',
  'short-jti',
  'extra-scope',
  'wrong-accept',
  'wrong-school',
  'other-role-endpoint',
  'ignores-retry-after',
  'retries-no-consent',
  'reuses-rejected-token',
  'exits-nonzero',
];

const defect = process.argv[2] ?? 'none';
if (!DEFECTS.includes(defect)) throw new Error(`unknown defect ${defect}; one of ${DEFECTS.join(', ')}`);
/** @param {string} name */
const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const baseUrl = env('EDUVKIT_BASE_URL');
const [keyFile, keyId] = process.argv.slice(3);
const own = keyFile && keyId ? { clientId: env('EDUVKIT_CLIENT_ID'), keyFile, keyId } : undefined;
const tokens = createTokenClient({ issuer: env('EDUVKIT_ISSUER'), own, jtiHexDigits: defect === 'short-jti' ? 16 : 64 });
const scopes = defect === 'extra-scope' ? ['eduv.student.basic', 'eduv.education'] : ['eduv.student.basic'];

/**
 * One call with the usual care: waits out a 429 and a 503, and gets one fresh token after a 401.
 * @param {string} url
 * @param {{ method?: string, body?: string }} [init]
 * @returns {Promise<Response>}
 */
async function call(url, init = {}) {
  let fresh = defect === 'token-per-request';
  let refreshed = false;
  for (let attempt = 0; ; attempt += 1) {
    const token = await tokens.token(scopes, fresh);
    /** @type {Record<string, string>} */
    const headers = { accept: defect === 'wrong-accept' ? '*/*' : 'application/json', authorization: `Bearer ${token}` };
    if (init.body) headers['content-type'] = 'application/json';
    const response = await globalThis.fetch(url, { ...init, headers });
    if (attempt >= 3) return response;
    if (response.status === 429) {
      if (defect !== 'ignores-retry-after') await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
    } else if (response.status === 503) {
      await sleep(200);
    } else if (response.status === 401 && !refreshed) {
      refreshed = true;
      fresh = defect !== 'reuses-rejected-token';
    } else {
      return response;
    }
    if (defect === 'token-per-request') fresh = true;
  }
}

/** @param {string} school */
const listAt = (school) => call(`${baseUrl}/students/school?orgMasterId=${encodeURIComponent(school)}`);

// Four lists meet the kit's 429, 503 and 401 (data calls 2, 4 and 6) and the retries after them.
for (let round = 0; round < 4; round += 1) {
  const response = await listAt(env('EDUVKIT_SCHOOL'));
  process.stdout.write(`list ${round + 1}: HTTP ${response.status}\n`);
}
const refused = await listAt(env('EDUVKIT_SCHOOL_NO_CONSENT'));
process.stdout.write(`school without consent: HTTP ${refused.status}\n`);
if (defect === 'retries-no-consent') for (let retry = 0; retry < 4; retry += 1) await listAt(env('EDUVKIT_SCHOOL_NO_CONSENT'));
if (defect === 'wrong-school') await listAt('000X000');
// The Notifications API's receive endpoint belongs to the afnemer itself: a bron never answers it.
if (defect === 'other-role-endpoint') await call(`${new URL(baseUrl).origin}/notifications-api/v0/notifications`, { method: 'POST', body: '[]' });
if (defect === 'exits-nonzero') process.exitCode = 3;
