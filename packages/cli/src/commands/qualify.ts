import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from '@eduvkit/auth';
import {
  API_NAMES,
  ConformanceConfigError,
  EXCHANGE_API_NAMES,
  isExchangeRole,
  formatProgressLine,
  formatSummary,
  loadTestData,
  qualify,
  REPORT_FORMATS,
  writeReports,
  type CaseResult,
  type ClientCredentials,
  type QualificationReport,
  type ReportFormat,
} from '@eduvkit/conformance';
import { registeredClientKey } from '@eduvkit/mock-server';
import { UsageError } from '../usage-error';
import { runAfnemerQualify } from './qualify-afnemer';
import { runOntvangerQualify, runVerzenderQualify } from './qualify-exchange';

export const QUALIFY_USAGE = `Usage: eduvkit qualify <api> --role bron --base-url <url> --school <orgMasterId>
           (--issuer <url> | --token-url <url>) --client-id <id> --private-key <pem file> [--key-id <kid>]
           [--client <id>]
           [--unconsented-client-id <id> --unconsented-private-key <pem file> | --unconsented-client <id>]
           [--test-data <file.json>] [--only <case,case>] [--report-dir <dir>] [--format text,json,junit,html]
           [--alg RS256|PS256] [--clients <file>] [--timeout-ms 15000]
       eduvkit qualify <api> --role afnemer (--client <id> | --client-id <id> --jwks <public JWKS file>
           [--client-role <reference component>]) [--timeout 120] [--only <case,case>]
           [--report-dir <dir>] [--format text,json,junit,html] -- <command> [args…]
       eduvkit qualify <push-async api> --role ontvanger --base-url <url> (--issuer <url> | --token-url <url>)
           (--client-id <id> --private-key <pem file> | --client <id>) [--callback-port N] [--callback-url <url>]
           [--confirmation-timeout-ms 30000] [--school <orgMasterId>] [--only …] [--report-dir <dir>] [--format …]
       eduvkit qualify <push-async api> --role verzender --confirmation-url <url> [--timeout 120] [--only …]
           [--report-dir <dir>] [--format …] -- <command> [args…]

Runs the Edu-V testlab's KVT cases and eduvkit's own checks against your implementation of <api>
(${API_NAMES.join(', ')}), playing the calling role, and reports each case. With --role afnemer it
plays the bron instead: it starts a recording mock on a free port, runs your client's <command> (no
shell) with EDUVKIT_ISSUER, EDUVKIT_BASE_URL, EDUVKIT_SCHOOL, EDUVKIT_SCHOOL_NO_CONSENT and
EDUVKIT_CLIENT_ID set, answers its 2nd data call 429, its 4th 503 and its 6th 401 (expired token),
and judges the traffic (EDUVKIT-AFNEMER-* cases). For the push-asynchronous APIs
(${EXCHANGE_API_NAMES.join(', ')}) --role ontvanger plays the verzender against your receive endpoints
(EDUVKIT-ONTVANGER-* cases) and --role verzender plays the ontvanger for your command, which gets
EDUVKIT_BASE_URL, EDUVKIT_TOKEN and EDUVKIT_CONFIRMATION_TOKEN (EDUVKIT-VERZENDER-* cases).

  --role bron            the implementing role; the testlab calls it "ontvanger", which is accepted too
  --role afnemer         your client calls <api>; give its command after --
  --role ontvanger       (push-async API) your receive endpoints under --base-url; the kit confirms-to
                         address is printed: point your ontvanger's confirmations there
  --callback-port <n>    (ontvanger) the port of the kit's confirmation endpoints; default a free one
  --callback-url <url>   (ontvanger) their public address (API base) when 127.0.0.1 is not reachable
  --confirmation-timeout-ms <ms>  (ontvanger) how long each confirmation may take; default 30000
  --role verzender       (push-async API) your verzender's command after --; it sends to EDUVKIT_BASE_URL
  --confirmation-url <url>  (verzender) the API base of your confirmation endpoints while it runs
  --jwks <file>          (afnemer) the public keys of your own client --client-id, registered for the run
  --client-role <name>   (afnemer, own client) its Edu-V reference component; default the API's first caller
  --timeout <seconds>    (afnemer, verzender) the command must exit 0 within this; default 120
  --client <id>          a client registered with the eduvkit mock: its dev-only key is used
                         (instead of --client-id and --private-key); with afnemer, the demo client
                         your command authenticates as
  --unconsented-client   a client whose exchange the school has NOT activated, for the 403 / 0022 cases
  --test-data <file>     values for the cases, keyed like the testlab: path.<CASE>.id, query.<CASE>.<param>,
                         body.<CASE>; without it the kit finds ids in your own list endpoints
  --only <ids>           run only these cases (comma separated; a trailing * matches a prefix)
  --report-dir <dir>     write report.json, junit.xml and report.html there
  --format <list>        which of text (the terminal), json, junit, html; default all

Exit code: 0 when no case failed, 1 when one did, 2 when the command is wrong or cannot run.`;

const OPTIONS = {
  role: { type: 'string' },
  'base-url': { type: 'string' },
  school: { type: 'string' },
  issuer: { type: 'string' },
  'token-url': { type: 'string' },
  'client-id': { type: 'string' },
  'private-key': { type: 'string' },
  'key-id': { type: 'string' },
  alg: { type: 'string' },
  client: { type: 'string' },
  'unconsented-client-id': { type: 'string' },
  'unconsented-private-key': { type: 'string' },
  'unconsented-client': { type: 'string' },
  clients: { type: 'string' },
  'test-data': { type: 'string' },
  only: { type: 'string' },
  'report-dir': { type: 'string' },
  format: { type: 'string' },
  'timeout-ms': { type: 'string' },
  jwks: { type: 'string' },
  'client-role': { type: 'string' },
  timeout: { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-url': { type: 'string' },
  'confirmation-timeout-ms': { type: 'string' },
  'confirmation-url': { type: 'string' },
} as const;

const EXCHANGE_FLAGS = ['callback-port', 'callback-url', 'confirmation-timeout-ms', 'confirmation-url'] as const;

async function readPem(file: string, flag: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`${flag}: cannot read the private key file ${file}`);
  }
}

function algorithmOf(value: string | undefined): SigningAlgorithm | undefined {
  if (value === undefined) return undefined;
  if (!SIGNING_ALGORITHMS.includes(value as SigningAlgorithm)) throw new UsageError(`--alg must be one of ${SIGNING_ALGORITHMS.join(', ')}`);
  return value as SigningAlgorithm;
}

/** A client given by id + key file, or by the id of a mock-registered client whose key ships with it. */
async function credentials(
  own: { id: string | undefined; key: string | undefined; keyId: string | undefined; alg: SigningAlgorithm | undefined },
  registeredId: string | undefined,
  clientsFile: string | undefined,
  flags: { id: string; key: string; registered: string },
): Promise<ClientCredentials | undefined> {
  if (registeredId !== undefined) {
    if (own.id !== undefined || own.key !== undefined) throw new UsageError(`give either ${flags.registered} or ${flags.id} with ${flags.key}, not both`);
    const registered = registeredClientKey(registeredId, clientsFile ? resolve(clientsFile) : undefined);
    if (!registered) throw new UsageError(`${flags.registered} ${registeredId}: no client with a private key on file is registered with the mock`);
    return { ...registered, algorithm: algorithmOf(registered.algorithm) };
  }
  if (own.id === undefined && own.key === undefined) return undefined;
  if (own.id === undefined || own.key === undefined) throw new UsageError(`${flags.id} and ${flags.key} go together`);
  return { clientId: own.id, privateKeyPem: await readPem(own.key, flags.key), keyId: own.keyId, algorithm: own.alg };
}

function formatsOf(value: string | undefined): ReportFormat[] {
  if (value === undefined) return [...REPORT_FORMATS];
  const formats = value
    .split(',')
    .map((format) => format.trim())
    .filter(Boolean);
  const unknown = formats.filter((format) => !REPORT_FORMATS.includes(format as ReportFormat));
  if (unknown.length || !formats.length) throw new UsageError(`--format takes a list of ${REPORT_FORMATS.join(', ')}; got "${value}"`);
  return formats as ReportFormat[];
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

/** The kit's own arguments, and the supplier's command after the first `--`. */
export function splitCommand(args: readonly string[]): { own: string[]; command: string[] } {
  const dash = args.indexOf('--');
  return dash < 0 ? { own: [...args], command: [] } : { own: args.slice(0, dash), command: args.slice(dash + 1) };
}

async function report(
  run: (onCase: (result: CaseResult) => void) => Promise<QualificationReport>,
  options: { formats: readonly ReportFormat[]; reportDir: string | undefined; out: (line: string) => void; color: boolean },
): Promise<number> {
  const text = options.formats.includes('text');
  try {
    const report = await run((result) => {
      if (text) options.out(formatProgressLine(result, { color: options.color }));
    });
    if (text) options.out(formatSummary(report, { color: options.color }));
    if (options.reportDir) {
      const written = await writeReports(report, resolve(options.reportDir), options.formats);
      for (const file of written) options.out(`wrote ${file}`);
    }
    return report.summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ConformanceConfigError) throw new UsageError(error.message);
    throw error;
  }
}

const onlyOf = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);

export async function runQualify(args: string[], out: (line: string) => void, color = false): Promise<number> {
  const { own, command } = splitCommand(args);
  const { values, positionals } = parseArgs({ args: own, options: OPTIONS, allowPositionals: true, strict: true });
  const [api, ...extra] = positionals;
  if (!api) throw new UsageError(`name the API to qualify: one of ${[...API_NAMES, ...EXCHANGE_API_NAMES].join(', ')}`);
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const formats = formatsOf(values.format);
  const reporting = { formats, reportDir: values['report-dir'], out, color };
  if (values.role?.trim().toLowerCase() === 'afnemer') {
    return report((onCase) => runAfnemerQualify(api, command, values, onlyOf(values.only), onCase), reporting);
  }
  const exchangeRole = values.role !== undefined && isExchangeRole(values.role, api) ? values.role.trim().toLowerCase() : undefined;
  if (exchangeRole === 'verzender') return report((onCase) => runVerzenderQualify(api, command, values, onlyOf(values.only), onCase), reporting);
  if (command.length) throw new UsageError('a command after -- is for --role afnemer only (and for --role verzender of a push-asynchronous API)');
  if (!exchangeRole)
    for (const flag of EXCHANGE_FLAGS)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for the ontvanger and verzender of ${EXCHANGE_API_NAMES.join(', ')}`);
  for (const flag of ['jwks', 'client-role', 'timeout'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} is for --role afnemer only`);
  if (values.issuer && values['token-url']) throw new UsageError('give --issuer or --token-url, not both');
  const alg = algorithmOf(values.alg);
  const client = await credentials({ id: values['client-id'], key: values['private-key'], keyId: values['key-id'], alg }, values.client, values.clients, {
    id: '--client-id',
    key: '--private-key',
    registered: '--client',
  });
  if (!client) throw new UsageError('give the client to authenticate as: --client-id <id> --private-key <pem file>, or --client <id>');
  if (exchangeRole === 'ontvanger') return report((onCase) => runOntvangerQualify(api, values, client, onlyOf(values.only), onCase, out), reporting);
  const unconsentedClient = await credentials(
    { id: values['unconsented-client-id'], key: values['unconsented-private-key'], keyId: undefined, alg: undefined },
    values['unconsented-client'],
    values.clients,
    { id: '--unconsented-client-id', key: '--unconsented-private-key', registered: '--unconsented-client' },
  );
  const timeout = values['timeout-ms'];
  if (timeout !== undefined && !/^\d+$/.test(timeout)) throw new UsageError(`--timeout-ms must be a whole number, got "${timeout}"`);
  const testDataFile = values['test-data'];
  return report(
    async (onCase) =>
      qualify({
        api,
        role: required(values.role, '--role'),
        baseUrl: required(values['base-url'], '--base-url'),
        school: required(values.school, '--school'),
        authorizationServer: { issuer: values.issuer, tokenUrl: values['token-url'] },
        client,
        unconsentedClient,
        testData: testDataFile ? await loadTestData(resolve(testDataFile)) : undefined,
        only: onlyOf(values.only),
        timeoutMs: timeout === undefined ? undefined : Number(timeout),
        onCase,
      }),
    reporting,
  );
}
