import { readFileSync } from 'node:fs';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/**
 * The supplier's OAuth client: its id, its private key and the bron's issuer. Here the dev-only
 * demo client of the mock server; in production your own key from `eduvkit keys generate`.
 */
export function supplierTokenProvider(issuer: string, keyFile: string, keyId: string) {
  return createClientCredentialsTokenProvider({
    clientId: 'demo-bestelomgeving',
    privateKey: loadPrivateKey(readFileSync(keyFile, 'utf8')),
    keyId,
    issuer,
  });
}
