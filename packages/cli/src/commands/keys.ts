import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateClientKeys, publicJwks, SIGNING_ALGORITHMS, type SigningAlgorithm } from '@eduvkit/auth';
import { UsageError } from '../usage-error';

export const KEYS_USAGE = `Usage: eduvkit keys generate [--alg RS256|PS256] [--kid <id>] [--out <dir>]

Generates an RSA key pair for OAuth 2.0 client authentication with private_key_jwt.
Writes private-key.pem (mode 0600: keep it secret) and jwks.json (publish it at your
jwks_uri) into --out (default: the current directory), and prints the key id and the
public JWKS. The kid defaults to the key's RFC 7638 thumbprint. Existing files are
never overwritten.`;

const PRIVATE_KEY_FILE = 'private-key.pem';
const JWKS_FILE = 'jwks.json';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function generate(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { alg: { type: 'string' }, kid: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const algorithm = (values.alg ?? 'RS256') as SigningAlgorithm;
  if (!SIGNING_ALGORITHMS.includes(algorithm)) {
    throw new UsageError(`--alg must be one of ${SIGNING_ALGORITHMS.join(', ')}, got "${values.alg}"`);
  }
  if (values.kid !== undefined && values.kid.trim() === '') throw new UsageError('--kid must not be empty');
  const dir = resolve(values.out ?? '.');
  const privateKeyPath = join(dir, PRIVATE_KEY_FILE);
  const jwksPath = join(dir, JWKS_FILE);
  for (const path of [privateKeyPath, jwksPath]) {
    if (await exists(path)) {
      throw new Error(`${path} already exists; remove it or choose another --out directory`);
    }
  }

  const keys = await generateClientKeys({ algorithm, keyId: values.kid });
  const jwks = publicJwks([{ jwk: keys.publicJwk, keyId: keys.keyId, algorithm }]);
  const jwksText = JSON.stringify(jwks, null, 2);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // 'wx' fails instead of replacing a key that appeared since the check above.
  await writeFile(privateKeyPath, keys.privateKeyPem, { mode: 0o600, flag: 'wx' });
  await writeFile(jwksPath, `${jwksText}\n`, { mode: 0o644, flag: 'wx' });

  out(`Key id (kid): ${keys.keyId}`);
  out(`Algorithm:    ${algorithm}`);
  out(`Private key:  ${privateKeyPath} (mode 0600; keep it secret, never publish it)`);
  out(`Public JWKS:  ${jwksPath} (publish it at your jwks_uri)`);
  out(jwksText);
  return 0;
}

/** `eduvkit keys …`; returns the exit code. */
export async function runKeys(args: string[], out: (line: string) => void): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h' || rest.includes('--help')) {
    out(KEYS_USAGE);
    return subcommand === undefined ? 2 : 0;
  }
  if (subcommand !== 'generate') throw new UsageError(`unknown keys command "${subcommand}" (expected "generate")`);
  return generate(rest, out);
}
