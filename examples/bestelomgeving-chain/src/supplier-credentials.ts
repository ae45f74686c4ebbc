import { readFileSync } from 'node:fs';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/**
 * The ordering environment's OAuth client: here the dev-only demo client of the mock server
 * (Bestelomgeving leermiddelen, activated at every school); in production your own key.
 */
export function bestelomgevingTokenProvider(issuer: string, keyFile: string, keyId: string) {
  return createClientCredentialsTokenProvider({
    clientId: 'demo-bestelomgeving',
    privateKey: loadPrivateKey(readFileSync(keyFile, 'utf8')),
    keyId,
    algorithm: 'RS256',
    issuer,
  });
}
