import { readFileSync } from 'node:fs';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/**
 * The test system's OAuth client: here the dev-only demo client of the mock server (Digitaal
 * toetssysteem, activated at the first school only); in production your own key.
 */
export function toetssysteemTokenProvider(issuer: string, keyFile: string, keyId: string) {
  return createClientCredentialsTokenProvider({
    clientId: 'demo-toetssysteem',
    privateKey: loadPrivateKey(readFileSync(keyFile, 'utf8')),
    keyId,
    algorithm: 'PS256',
    issuer,
  });
}
