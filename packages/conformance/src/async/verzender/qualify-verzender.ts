import { randomBytes } from 'node:crypto';
import { DEFAULT_COMMAND_TIMEOUT_MS } from '../../afnemer/qualify-afnemer';
import { runCommand } from '../../afnemer/run-command';
import type { CommandRoleOptions } from '../../command-role-options';
import { ConformanceConfigError } from '../../config-error';
import type { QualificationReport } from '../../report/types';
import { selectCases } from '../../select-cases';
import { asyncReport, runAsyncCases } from '../async-case';
import { resolveExchangeApi } from '../exchange-apis';
import { startRecordingOntvanger } from './recording-ontvanger';
import { VERZENDER_CASES } from './verzender-cases';

/** What the kit puts in the command's environment. */
export const VERZENDER_ENV = {
  /** The kit's receive endpoint base: `http://127.0.0.1:<port>/<api>-api/v<major>`. */
  baseUrl: 'EDUVKIT_BASE_URL',
  /** The bearer token to send with every request to it. */
  token: 'EDUVKIT_TOKEN',
  /** The bearer token the kit sends with its confirmations, for the verzender to check. */
  confirmationToken: 'EDUVKIT_CONFIRMATION_TOKEN',
} as const;

/** `api` names a push-asynchronous API. */
export interface QualifyVerzenderOptions extends CommandRoleOptions {
  /** The API base URL of the verzender's confirmation endpoints, e.g. `http://127.0.0.1:8080/order-api/v0`. */
  readonly confirmationUrl: string;
}

const freshToken = (): string => randomBytes(32).toString('base64url');

/**
 * Qualifies a verzender: runs the supplier's command against a recording ontvanger (its first
 * request answered 503), confirms each request to `confirmationUrl`, and judges what it saw.
 */
export async function qualifyVerzender(options: QualifyVerzenderOptions): Promise<QualificationReport> {
  const { registry, pairs } = resolveExchangeApi(options.api, 'verzender');
  if (!options.command.length)
    throw new ConformanceConfigError(
      'give the command that runs your verzender after --: qualify <api> --role verzender --confirmation-url <url> -- <command> [args…]',
    );
  if (!/^https?:\/\/\S+$/.test(options.confirmationUrl ?? ''))
    throw new ConformanceConfigError('give --confirmation-url: the base URL of your confirmation endpoints, e.g. http://127.0.0.1:8080/order-api/v0');
  const cases = selectCases(VERZENDER_CASES, options.only, `${registry.api} verzender`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const token = freshToken();
  const confirmationToken = freshToken();
  const ontvanger = await startRecordingOntvanger({
    registry,
    pairs,
    token,
    confirmationToken,
    confirmationBaseUrl: options.confirmationUrl.replace(/\/+$/, ''),
  });
  try {
    const startedAt = new Date();
    const outcome = await runCommand({
      command: options.command,
      cwd: options.cwd,
      timeoutMs,
      onOutput: options.onOutput,
      env: { [VERZENDER_ENV.baseUrl]: ontvanger.baseUrl, [VERZENDER_ENV.token]: token, [VERZENDER_ENV.confirmationToken]: confirmationToken },
    });
    const results = await runAsyncCases(
      cases,
      { registry, pairs, traffic: ontvanger.traffic, deliveries: ontvanger.deliveries, outcome, timeoutMs },
      options.onCase,
    );
    return asyncReport(registry, 'verzender', options.command.join(' '), startedAt, results);
  } finally {
    await ontvanger.close();
  }
}
