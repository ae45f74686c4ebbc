import type { ApiRegistry } from '@eduvkit/core';
import { apiName, QUALIFIABLE_REGISTRIES, resolveRegistry } from '../apis';
import type { Verdict } from '../cases/case';
import type { CommandRoleOptions } from '../command-role-options';
import { ConformanceConfigError } from '../config-error';
import type { CaseResult, QualificationReport } from '../report/types';
import { selectCases } from '../select-cases';
import type { AfnemerRun } from './afnemer-run';
import { notificationsApi } from '@eduvkit/notifications';
import { afnemerSuite } from './afnemer-suite';
import { notifiedChange } from './notified-change';
import type { AfnemerCase } from './cases/afnemer-case';
import { registerClient, type AfnemerClient } from './client-registration';
import { startRecordingMock, type RecordingMock } from './recording-mock';
import { runCommand } from './run-command';

export interface QualifyAfnemerOptions extends CommandRoleOptions {
  readonly client: AfnemerClient;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 120_000;

/**
 * The schools of the run: at the first every exchange the client's role may have is activated, at
 * the second none (a Notifications afnemer reads the data APIs it was notified about, too).
 */
function prepareConsent(mock: RecordingMock, clientId: string, role: string, registry: ApiRegistry): { school: string; schoolNoConsent: string } {
  const [first, second] = mock.app.world.schools;
  if (!first || !second) throw new Error('the mock world has fewer than two schools');
  const apis = new Set([
    registry.api,
    ...QUALIFIABLE_REGISTRIES.filter((candidate) => candidate.consentRequired && candidate.roles.calling.includes(role)).map(({ api }) => api),
  ]);
  for (const api of apis) {
    mock.app.consent.activate({ clientId, orgMasterId: first.orgMasterId, api });
    mock.app.consent.deactivate({ clientId, orgMasterId: second.orgMasterId, api });
  }
  return { school: first.orgMasterId, schoolNoConsent: second.orgMasterId };
}

function judgeCase(definition: AfnemerCase, run: AfnemerRun): CaseResult {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = definition.judge(run);
  } catch (error) {
    verdict = { status: 'skipped', reason: `the case could not be judged: ${error instanceof Error ? error.message : String(error)}` };
  }
  return {
    id: definition.id,
    title: definition.title,
    severity: definition.severity,
    status: verdict.status,
    reason: verdict.reason,
    ...(verdict.exchange ? { request: verdict.exchange.request } : {}),
    ...(verdict.exchange?.response ? { response: verdict.exchange.response } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Qualifies an afnemer: runs the supplier's command against a recording mock (with one 429, one
 * 503 and one expired-token 401 injected) and judges the traffic it sent.
 */
export async function qualifyAfnemer(options: QualifyAfnemerOptions): Promise<QualificationReport> {
  const registry = resolveRegistry(options.api);
  if (!options.command.length)
    throw new ConformanceConfigError('give the command that runs your client after --: qualify <api> --role afnemer … -- <command> [args…]');
  const cases = selectCases(afnemerSuite(registry), options.only, `${apiName(registry)} afnemer`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const registration = await registerClient(options.client, registry);
  try {
    const mock = await startRecordingMock({ registry, clientsFile: registration.clientsFile });
    try {
      const schools = prepareConsent(mock, options.client.clientId, registration.role, registry);
      if (registry.api === notificationsApi.api) mock.onAnswered(notifiedChange(mock.app, options.client.clientId, schools.school));
      const startedAt = new Date();
      const outcome = await runCommand({
        command: options.command,
        cwd: options.cwd,
        timeoutMs,
        onOutput: options.onOutput,
        env: {
          EDUVKIT_ISSUER: mock.origin,
          EDUVKIT_BASE_URL: `${mock.origin}${registry.basePath}`,
          EDUVKIT_SCHOOL: schools.school,
          EDUVKIT_SCHOOL_NO_CONSENT: schools.schoolNoConsent,
          EDUVKIT_CLIENT_ID: options.client.clientId,
        },
      });
      const run: AfnemerRun = {
        registry,
        clientId: options.client.clientId,
        tokenEndpoint: mock.tokenEndpoint,
        ...schools,
        traffic: mock.traffic,
        outcome,
        timeoutMs,
      };
      const results = cases.map((definition) => {
        const result = judgeCase(definition, run);
        options.onCase?.(result);
        return result;
      });
      const count = (status: CaseResult['status']) => results.filter((result) => result.status === status).length;
      return {
        api: apiName(registry),
        role: 'afnemer',
        apiVersion: registry.version,
        target: options.command.join(' '),
        startedAt: startedAt.toISOString(),
        durationMs: outcome.durationMs,
        summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
        cases: results,
      };
    } finally {
      await mock.close();
    }
  } finally {
    await registration.remove();
  }
}
