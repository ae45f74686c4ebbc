import type { ApiRegistry } from '@eduvkit/core';
import { createTokenSource, type AuthorizationServer, type ClientCredentials, type TokenSource } from '../../auth/client-credentials';
import { ConformanceConfigError } from '../../config-error';
import { createTarget } from '../../http/exchange';
import type { CaseResult, QualificationReport } from '../../report/types';
import { selectCases } from '../../select-cases';
import { asyncReport, runAsyncCases } from '../async-case';
import { resolveExchangeApi } from '../exchange-apis';
import { startConfirmationRecorder } from './confirmation-recorder';
import { OntvangerContext } from './ontvanger-context';
import { ontvangerSuite } from './ontvanger-cases';

export const DEFAULT_CONFIRMATION_TIMEOUT_MS = 30_000;

export interface QualifyOntvangerOptions {
  /** eduvkit's API name (`order`) or a registry of a push-asynchronous API. */
  readonly api: string | ApiRegistry;
  /** The supplier's receive endpoint base, e.g. `https://ordersysteem.example/order-api/v0`. */
  readonly baseUrl: string;
  /** How the kit gets its tokens for the ontvanger, as for the bron; or give `tokens`. */
  readonly authorizationServer?: AuthorizationServer | undefined;
  readonly client?: ClientCredentials | undefined;
  /** Instead of `authorizationServer` and `client`: any source of access tokens (tests, a static token). */
  readonly tokens?: Pick<TokenSource, 'getToken'> | undefined;
  /** The port of the kit's confirmation endpoints on 127.0.0.1; default a free one. */
  readonly callbackPort?: number | undefined;
  /** The public address of those endpoints (the API base, forwarded to the port), when the ontvanger cannot reach 127.0.0.1. */
  readonly callbackUrl?: string | undefined;
  /** Told as soon as the kit listens: where the ontvanger must confirm to. */
  readonly onListening?: ((confirmationBaseUrl: string) => void) | undefined;
  /** orgMasterId to put in the body of operations that select their school there (Usage); default a placeholder. */
  readonly school?: string | undefined;
  /** How long each confirmation may take; default 30 000. */
  readonly confirmationTimeoutMs?: number | undefined;
  /** Per request; default 15 000. */
  readonly timeoutMs?: number | undefined;
  readonly only?: readonly string[] | undefined;
  readonly onCase?: ((result: CaseResult) => void) | undefined;
}

function tokenSourceOf(options: QualifyOntvangerOptions): Pick<TokenSource, 'getToken'> & { close(): Promise<void> } {
  if (options.tokens) return { getToken: (scopes) => options.tokens!.getToken(scopes), close: async () => {} };
  const server = options.authorizationServer;
  if (!options.client || (!server?.issuer && !server?.tokenUrl))
    throw new ConformanceConfigError(
      'give the client and its authorization server: --issuer <url> or --token-url <url>, with --client-id and --private-key (or --client)',
    );
  return createTokenSource(options.client, server);
}

/**
 * Qualifies an ontvanger: the kit plays the verzender, PUTs requests to the supplier's receive
 * endpoints and judges the answers and the confirmations PUT back to its own endpoints.
 */
export async function qualifyOntvanger(options: QualifyOntvangerOptions): Promise<QualificationReport> {
  const { registry, pairs } = resolveExchangeApi(options.api, 'ontvanger');
  const cases = selectCases(ontvangerSuite(pairs), options.only, `${registry.api} ontvanger`);
  const tokens = tokenSourceOf(options);
  try {
    const recorder = await startConfirmationRecorder({ registry, pairs, port: options.callbackPort, publicBaseUrl: options.callbackUrl });
    try {
      options.onListening?.(recorder.baseUrl);
      const context = new OntvangerContext({
        registry,
        target: createTarget({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs }),
        tokens,
        recorder,
        confirmationTimeoutMs: options.confirmationTimeoutMs ?? DEFAULT_CONFIRMATION_TIMEOUT_MS,
        school: options.school,
      });
      const startedAt = new Date();
      const results = await runAsyncCases(cases, context, options.onCase);
      return asyncReport(registry, 'ontvanger', options.baseUrl, startedAt, results);
    } finally {
      await recorder.close();
    }
  } finally {
    await tokens.close();
  }
}
