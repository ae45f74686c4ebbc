import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_COMMAND_TIMEOUT_MS, qualifyAfnemer, type AfnemerClient, type QualificationReport } from '@eduvkit/conformance';
import { UsageError } from '../usage-error';

/** The flags the afnemer run reads; the bron run's target flags make no sense with it. */
export interface AfnemerFlags {
  readonly client?: string | undefined;
  readonly 'client-id'?: string | undefined;
  readonly jwks?: string | undefined;
  readonly 'client-role'?: string | undefined;
  readonly timeout?: string | undefined;
}

const BRON_ONLY_FLAGS = [
  'base-url',
  'school',
  'issuer',
  'token-url',
  'private-key',
  'key-id',
  'alg',
  'unconsented-client-id',
  'unconsented-private-key',
  'unconsented-client',
  'clients',
  'test-data',
  'timeout-ms',
];

async function readJwks(file: string): Promise<NonNullable<AfnemerClient['jwks']>> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`--jwks: cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as NonNullable<AfnemerClient['jwks']>;
  } catch {
    throw new UsageError(`--jwks: ${file} is not JSON`);
  }
}

async function afnemerClient(flags: AfnemerFlags): Promise<AfnemerClient> {
  if (flags.client !== undefined) {
    if (flags['client-id'] !== undefined || flags.jwks !== undefined)
      throw new UsageError('give either --client <demo client> or --client-id with --jwks, not both');
    return { clientId: flags.client };
  }
  if (flags['client-id'] === undefined || flags.jwks === undefined)
    throw new UsageError('give the client your command authenticates as: --client <demo client>, or --client-id <id> --jwks <public JWKS file>');
  return { clientId: flags['client-id'], jwks: await readJwks(flags.jwks), role: flags['client-role'] };
}

function timeoutOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_COMMAND_TIMEOUT_MS;
  if (!/^\d+$/.test(value) || Number(value) === 0) throw new UsageError(`--timeout takes whole seconds, got "${value}"`);
  return Number(value) * 1000;
}

/** `qualify <api> --role afnemer … -- <command>`: runs the command against the kit's recording mock. */
export async function runAfnemerQualify(
  api: string,
  command: readonly string[],
  flags: AfnemerFlags & Readonly<Record<string, unknown>>,
  only: readonly string[] | undefined,
  onCase: Parameters<typeof qualifyAfnemer>[0]['onCase'],
): Promise<QualificationReport> {
  const misplaced = BRON_ONLY_FLAGS.filter((flag) => flags[flag] !== undefined);
  if (misplaced.length) throw new UsageError(`--role afnemer does not take ${misplaced.map((flag) => `--${flag}`).join(', ')}: the kit starts its own mock`);
  if (!command.length)
    throw new UsageError('give the command that runs your client after --: eduvkit qualify <api> --role afnemer --client <id> -- <command> [args…]');
  if (flags['client-role'] !== undefined && flags.jwks === undefined) throw new UsageError('--client-role goes with --client-id and --jwks');
  return qualifyAfnemer({
    api,
    command,
    client: await afnemerClient(flags),
    timeoutMs: timeoutOf(flags.timeout),
    only,
    onCase,
    // The supplier's output goes to stderr, so the kit's own lines stay alone on stdout.
    onOutput: (chunk) => process.stderr.write(chunk),
  });
}
