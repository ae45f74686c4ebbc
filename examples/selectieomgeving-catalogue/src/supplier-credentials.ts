import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/**
 * The selectieomgeving's OAuth client: its id, its private key and the catalogue's issuer. Here the
 * dev-only demo client of the mock server; in production your own key from `eduvkit keys generate`.
 */
export function selectieomgevingTokenProvider(issuer: string, privateKeyPem: string, keyId: string | undefined) {
  return createClientCredentialsTokenProvider({
    clientId: 'demo-selectieomgeving',
    privateKey: loadPrivateKey(privateKeyPem),
    ...(keyId ? { keyId } : {}),
    issuer,
  });
}
