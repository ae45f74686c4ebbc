// The shared part of the test afnemers: the kit's variables, a token client and one careful call,
// each with the switches the defects flip.
import { setTimeout as sleep } from 'node:timers/promises';
import process from 'node:process';
import { createTokenClient } from './token-client.mjs';

/** @param {string} name */
export const env = (name) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

/**
 * @param {string} defect the one defect of this client, or 'none'
 */
export function createCarefulClient(defect) {
  // A second and third argument (a PEM file and its kid) make it the client EDUVKIT_CLIENT_ID instead of the demo client.
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
      } else if (response.status === 503 && defect !== 'gives-up-on-503') {
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

  return { call };
}
