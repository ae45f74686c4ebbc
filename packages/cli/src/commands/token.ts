import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClientCredentialsTokenProvider, keyIdOf, loadPrivateKey, SIGNING_ALGORITHMS, type SigningAlgorithm } from '@eduvkit/auth';
import { registeredClientKey } from '@eduvkit/mock-server';
import { UsageError } from '../usage-error';

export const TOKEN_USAGE = `Usage: eduvkit token --client <clientId> [--scope "<scope> <scope>"] [--url http://127.0.0.1:4010]
                    [--key <private-key.pem>] [--kid <key id>] [--alg RS256|PS256] [--clients <file>]

Requests an access token with OAuth 2.0 client credentials and private_key_jwt from the
authorization server at --url (found through its discovery document) and prints the token.
Without --key the client must be one of the mock's registered clients whose private key ships
with it (the dev-only demo clients, or --clients <file> entries with privateKeyFile).
Without --scope the server grants every scope the client's role may have.`;

export async function runToken(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      client: { type: 'string' },
      scope: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      kid: { type: 'string' },
      alg: { type: 'string' },
      clients: { type: 'string' },
    },
    strict: true,
  });
  if (!values.client) throw new UsageError('--client is required');
  let keyPem = values.key ? await readFile(resolve(values.key), 'utf8') : undefined;
  let keyId = values.kid;
  let algorithm = values.alg;
  if (keyPem === undefined) {
    const registered = registeredClientKey(values.client, values.clients ? resolve(values.clients) : undefined);
    if (!registered) {
      throw new UsageError(`client "${values.client}" has no private key on file here; pass --key <private-key.pem>`);
    }
    keyPem = registered.privateKeyPem;
    keyId ??= registered.keyId;
    algorithm ??= registered.algorithm;
  }
  if (algorithm !== undefined && !SIGNING_ALGORITHMS.includes(algorithm as SigningAlgorithm)) {
    throw new UsageError(`--alg must be one of ${SIGNING_ALGORITHMS.join(', ')}`);
  }
  const privateKey = loadPrivateKey(keyPem);
  const provider = createClientCredentialsTokenProvider({
    clientId: values.client,
    privateKey,
    keyId: keyId ?? keyIdOf(privateKey),
    ...(algorithm ? { algorithm: algorithm as SigningAlgorithm } : {}),
    issuer: (values.url ?? 'http://127.0.0.1:4010').replace(/\/+$/, ''),
  });
  try {
    out(await provider.getToken({ scopes: (values.scope ?? '').split(' ').filter(Boolean) }));
  } finally {
    await provider.close();
  }
  return 0;
}
