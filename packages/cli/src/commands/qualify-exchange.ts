import {
  DEFAULT_COMMAND_TIMEOUT_MS,
  qualifyOntvanger,
  qualifyVerzender,
  type CaseResult,
  type ClientCredentials,
  type QualificationReport,
} from '@eduvkit/conformance';
import { UsageError } from '../usage-error';

type Flags = Readonly<Record<string, string | undefined>>;
type OnCase = (result: CaseResult) => void;

/** Flags of the other roles that make no sense for the exchange roles. */
const NOT_FOR_ONTVANGER = [
  'unconsented-client-id',
  'unconsented-private-key',
  'unconsented-client',
  'test-data',
  'jwks',
  'client-role',
  'timeout',
  'confirmation-url',
];
const NOT_FOR_VERZENDER = [
  'base-url',
  'school',
  'issuer',
  'token-url',
  'client-id',
  'private-key',
  'key-id',
  'alg',
  'client',
  'clients',
  'unconsented-client-id',
  'unconsented-private-key',
  'unconsented-client',
  'test-data',
  'jwks',
  'client-role',
  'timeout-ms',
  'callback-port',
  'callback-url',
  'confirmation-timeout-ms',
];

function refuseFlags(flags: Flags, names: readonly string[], role: string): void {
  const misplaced = names.filter((name) => flags[name] !== undefined);
  if (misplaced.length) throw new UsageError(`--role ${role} does not take ${misplaced.map((name) => `--${name}`).join(', ')}`);
}

function wholeNumber(value: string | undefined, flag: string, scale = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) === 0) throw new UsageError(`${flag} takes a whole number above 0, got "${value}"`);
  return Number(value) * scale;
}

/** `qualify <api> --role ontvanger --base-url …`: the kit plays the verzender against the supplier's receive endpoints. */
export function runOntvangerQualify(
  api: string,
  flags: Flags,
  client: ClientCredentials,
  only: readonly string[] | undefined,
  onCase: OnCase,
  out: (line: string) => void,
): Promise<QualificationReport> {
  refuseFlags(flags, NOT_FOR_ONTVANGER, 'ontvanger');
  if (!flags['base-url']) throw new UsageError('--base-url is required: the base of your receive endpoints, e.g. https://ordersysteem.example/order-api/v0');
  if (!flags.issuer && !flags['token-url']) throw new UsageError('give the authorization server: --issuer <url> or --token-url <url>');
  const callbackPort = wholeNumber(flags['callback-port'], '--callback-port');
  if (callbackPort !== undefined && callbackPort > 65_535) throw new UsageError(`--callback-port must be at most 65535, got ${callbackPort}`);
  return qualifyOntvanger({
    api,
    baseUrl: flags['base-url'],
    authorizationServer: { issuer: flags.issuer, tokenUrl: flags['token-url'] },
    client,
    callbackPort,
    callbackUrl: flags['callback-url'],
    school: flags.school,
    confirmationTimeoutMs: wholeNumber(flags['confirmation-timeout-ms'], '--confirmation-timeout-ms'),
    timeoutMs: wholeNumber(flags['timeout-ms'], '--timeout-ms'),
    only,
    onCase,
    onListening: (url) => out(`confirmations to: ${url} (its confirmation paths below that base)`),
  });
}

/** `qualify <api> --role verzender --confirmation-url … -- <command>`: the kit plays the ontvanger for the supplier's command. */
export function runVerzenderQualify(
  api: string,
  command: readonly string[],
  flags: Flags,
  only: readonly string[] | undefined,
  onCase: OnCase,
): Promise<QualificationReport> {
  refuseFlags(flags, NOT_FOR_VERZENDER, 'verzender');
  if (!command.length)
    throw new UsageError(
      'give the command that runs your verzender after --: eduvkit qualify <api> --role verzender --confirmation-url <url> -- <command> [args…]',
    );
  if (!flags['confirmation-url'])
    throw new UsageError(
      '--confirmation-url is required: the base URL of your confirmation endpoints while the command runs, e.g. http://127.0.0.1:8080/order-api/v0',
    );
  return qualifyVerzender({
    api,
    command,
    confirmationUrl: flags['confirmation-url'],
    timeoutMs: wholeNumber(flags.timeout, '--timeout', 1000) ?? DEFAULT_COMMAND_TIMEOUT_MS,
    only,
    onCase,
    onOutput: (chunk) => process.stderr.write(chunk),
  });
}
