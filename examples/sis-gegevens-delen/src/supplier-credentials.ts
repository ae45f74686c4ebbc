import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/** The mock's dev-only demo ordering environment; in production your own client and key (`eduvkit keys generate`). */
export const DEMO_CLIENT_ID = 'demo-bestelomgeving';

export function demoTokenProvider(issuer: string) {
  const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
  const clients = JSON.parse(readFileSync(join(demo, 'demo/clients.json'), 'utf8')) as { clients: { clientId: string; jwks: { keys: { kid: string }[] } }[] };
  return createClientCredentialsTokenProvider({
    clientId: DEMO_CLIENT_ID,
    privateKey: loadPrivateKey(readFileSync(join(demo, 'demo/keys/demo-bestelomgeving.dev-only.pem'), 'utf8')),
    keyId: clients.clients.find((client) => client.clientId === DEMO_CLIENT_ID)!.jwks.keys[0]!.kid,
    issuer,
  });
}
