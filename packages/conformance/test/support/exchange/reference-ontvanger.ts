import type { ApiRegistry } from '@eduvkit/core';
import { createInMemoryExchangeStore, createOntvanger, exchangePairs, operationUrl } from '@eduvkit/core/exchange';
import { serveNode } from '@eduvkit/core/server/node';
import { confirmationDraft } from '../../../src/async/message-bodies';
import { staticTokenAuthenticator } from '../../../src/async/static-token';

/** The one defect a test ontvanger has, each a wire-level change to the reference behaviour. */
export type OntvangerDefect = 'none' | 'processes-repeat-twice' | 'answers-200' | 'accepts-malformed' | 'never-confirms' | 'no-processed-timestamp';

export const ONTVANGER_TOKEN = 'kit-to-ontvanger-test-token';
export const CONFIRMATION_TOKEN = 'ontvanger-to-kit-test-token';

export interface TestOntvanger {
  readonly baseUrl: string;
  /** Set once the kit says where to confirm. */
  confirmTo(baseUrl: string): void;
  close(): Promise<void>;
}

/** Rewrites the confirmations the ontvanger PUTs, for the defects that show in them. */
function confirmationFetch(defect: OntvangerDefect): typeof fetch {
  const seen = new Set<string>();
  return async (input, init) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    if (defect === 'no-processed-timestamp') delete body.processedTimestamp;
    if (defect === 'processes-repeat-twice') {
      const reference = String(body.requestReferenceId);
      if (seen.has(reference)) body.responseReferenceId = crypto.randomUUID();
      seen.add(reference);
    }
    return fetch(input, { ...init, body: JSON.stringify(body) });
  };
}

/**
 * An ontvanger built with createOntvanger and served with serveNode, as a supplier would; with a
 * defect, the requests it accepts or the confirmations it sends differ in that one respect.
 */
export async function startTestOntvanger(registry: ApiRegistry, defect: OntvangerDefect = 'none'): Promise<TestOntvanger> {
  const pairs = new Map(exchangePairs(registry).map((pair) => [pair.request.operationId, pair]));
  let confirmationBase: string | undefined;
  const ontvanger = createOntvanger({
    registry,
    store: createInMemoryExchangeStore(),
    authenticate: staticTokenAuthenticator(ONTVANGER_TOKEN, 'kit'),
    process: (request) => confirmationDraft(pairs.get(request.operationId)!, request.body as Record<string, unknown>),
    confirmationUrl: (_peer, operation) => (defect === 'never-confirms' || !confirmationBase ? undefined : operationUrl(confirmationBase, operation)),
    authorization: () => CONFIRMATION_TOKEN,
    fetch: confirmationFetch(defect),
    pollIntervalMs: 50,
    retry: { baseDelayMs: 50, maxDelayMs: 200 },
  });
  const server = await serveNode(
    async (request) => {
      const answer = await ontvanger.answer(request);
      if (!answer) return undefined;
      if (defect === 'answers-200' && answer.status === 202) return { ...answer, status: 200 };
      if (defect === 'accepts-malformed' && answer.status === 400) return { ...answer, status: 202, body: undefined };
      return answer;
    },
    { apiVersion: registry.version },
  );
  return {
    baseUrl: `${server.url}${registry.basePath}`,
    confirmTo: (baseUrl) => (confirmationBase = baseUrl),
    async close() {
      await ontvanger.close();
      await server.close();
    },
  };
}
