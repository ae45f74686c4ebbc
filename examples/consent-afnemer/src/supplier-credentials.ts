import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';

/**
 * The mock's dev-only demo test system (`demo-toetssysteem`, PS256): a fresh mock has it activated
 * at its first school only, so every other school is one to ask. Use your own client and key in
 * production (`eduvkit keys generate`).
 */
export function demoTestSystem(issuer: string) {
  const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
  const clients = JSON.parse(readFileSync(join(demo, 'demo/clients.json'), 'utf8')) as { clients: { clientId: string; jwks: { keys: { kid: string }[] } }[] };
  const keyId = clients.clients.find((client) => client.clientId === 'demo-toetssysteem')!.jwks.keys[0]!.kid;
  return createClientCredentialsTokenProvider({
    clientId: 'demo-toetssysteem',
    privateKey: loadPrivateKey(readFileSync(join(demo, 'demo/keys/demo-toetssysteem.dev-only.pem'), 'utf8')),
    keyId,
    algorithm: 'PS256',
    issuer,
  });
}
