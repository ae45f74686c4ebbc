import { readFileSync } from 'node:fs';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';
import type { MockServer } from '../../src/index';

/** What a supplier writes: its client id, its private key and the bron's issuer (discovery finds the rest). */
export function demoTokenProvider(server: MockServer, clientId: string) {
  const registered = server.clients.find((client) => client.clientId === clientId)!;
  return createClientCredentialsTokenProvider({
    clientId,
    privateKey: loadPrivateKey(readFileSync(registered.privateKeyFile!, 'utf8')),
    keyId: registered.jwks.keys[0]!.kid!,
    algorithm: registered.jwks.keys[0]!.alg as 'RS256' | 'PS256',
    issuer: server.url,
  });
}
