import type { ApiRegistry } from '@eduvkit/core';
import { afnemerSuite } from './afnemer/afnemer-suite';
import { asyncSuite, isExchangeRole } from './async/async-suites';
import { apiName, resolveRegistry } from './apis';
import { createTokenSource, type AuthorizationServer, type ClientCredentials, type TokenSource } from './auth/client-credentials';
import type { CaseDefinition, Verdict } from './cases/case';
import { ConformanceConfigError } from './config-error';
import { createTestData, type TestData } from './data/test-data';
import { createTarget } from './http/exchange';
import type { CaseResult, QualificationReport } from './report/types';
import { preflight } from './preflight';
import { normaliseRole, type QualifyRole } from './roles';
import { selectCases } from './select-cases';
import { bronSuite } from './suite';
import { SuiteContext } from './suite-context';

export interface QualifyOptions {
  /** eduvkit's API name (`students`) or a registry. */
  readonly api: string | ApiRegistry;
  /** `bron`, or the testlab's word for it, `ontvanger`. */
  readonly role: string;
  readonly baseUrl: string;
  /** orgMasterId of a school that activated the exchange for `client`. */
  readonly school: string;
  readonly authorizationServer: AuthorizationServer;
  readonly client: ClientCredentials;
  /** A client without consent at `school`, for the 403 / 0022 cases; they are skipped without it. */
  readonly unconsentedClient?: ClientCredentials | undefined;
  readonly testData?: TestData | undefined;
  /** Run only these case ids (a trailing `*` matches a prefix). */
  readonly only?: readonly string[] | undefined;
  /** Called with each case's result as soon as it is known. */
  readonly onCase?: ((result: CaseResult) => void) | undefined;
  /** Per request; default 15000. */
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
}

async function runCase(definition: CaseDefinition, context: SuiteContext): Promise<CaseResult> {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = await definition.run(context);
  } catch (error) {
    // A failure of the kit's own machinery (a token that could not be had), not a verdict on the target.
    verdict = { status: 'skipped', reason: `the case could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { exchange } = verdict;
  return {
    id: definition.id,
    title: definition.title,
    severity: definition.severity,
    status: verdict.status,
    reason: verdict.reason,
    ...(exchange ? { request: exchange.request } : {}),
    ...(exchange?.response ? { response: exchange.response } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/** The case ids of an API's suite for a role, in the order they run. */
export function listCases(api: string | ApiRegistry, role: string): { id: string; title: string; severity: string }[] {
  const normalised = normaliseRole(role);
  if (isExchangeRole(role, api)) return asyncSuite(api, role).map(({ id, title, severity }) => ({ id, title, severity }));
  const registry = resolveRegistry(api);
  if (normalised === 'afnemer') return afnemerSuite(registry).map(({ id, title, severity }) => ({ id, title, severity }));
  assertImplementingRole(normalised);
  return bronSuite(registry).map(({ id, title, severity }) => ({ id, title, severity }));
}

function assertImplementingRole(role: QualifyRole): void {
  if (role === 'afnemer')
    throw new ConformanceConfigError('the afnemer is qualified by running its command: use qualifyAfnemer (in the CLI: --role afnemer … -- <command>)');
  if (role !== 'bron')
    throw new ConformanceConfigError(
      `--role ${role} is for a push-asynchronous API (order, delivery, …); for this API the kit qualifies the bron (ontvanger) and the afnemer`,
    );
}

/** Runs an API's suite against a supplier's implementation and reports every case. */
export async function qualify(options: QualifyOptions): Promise<QualificationReport> {
  const role = normaliseRole(options.role);
  if (isExchangeRole(options.role, options.api))
    throw new ConformanceConfigError(
      `the ${options.role} of a push-asynchronous API is qualified with qualify${options.role === 'verzender' ? 'Verzender' : 'Ontvanger'}`,
    );
  assertImplementingRole(role);
  const registry = resolveRegistry(options.api);
  const cases = selectCases(bronSuite(registry), options.only, apiName(registry));
  if (!options.school) throw new ConformanceConfigError('a school (--school <orgMasterId>) is required');
  if (!options.authorizationServer.issuer && !options.authorizationServer.tokenUrl)
    throw new ConformanceConfigError('give the authorization server: --issuer <url> or --token-url <url>');
  const target = createTarget({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const tokens = createTokenSource(options.client, options.authorizationServer);
  let unconsented: TokenSource | undefined;
  try {
    unconsented = options.unconsentedClient ? createTokenSource(options.unconsentedClient, options.authorizationServer) : undefined;
    await preflight(registry, target, tokens);
    const context = new SuiteContext({
      registry,
      school: options.school,
      target,
      tokens,
      unconsentedTokens: unconsented,
      testData: options.testData ?? createTestData(),
    });
    const startedAt = new Date();
    const started = performance.now();
    const results: CaseResult[] = [];
    for (const definition of cases) {
      const result = await runCase(definition, context);
      results.push(result);
      options.onCase?.(result);
    }
    const count = (status: CaseResult['status']) => results.filter((result) => result.status === status).length;
    return {
      api: apiName(registry),
      role,
      apiVersion: registry.version,
      target: target.baseUrl,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
      cases: results,
    };
  } finally {
    await tokens.close();
    await unconsented?.close();
  }
}
