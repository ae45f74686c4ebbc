import type { ApiRegistry } from '@eduvkit/core';
import type { ExchangePair } from '@eduvkit/core/exchange';
import type { CommandOutcome } from '../../afnemer/run-command';
import { jsonOf, type TrafficEntry } from '../../afnemer/traffic';
import type { ConfirmationDeliveries } from './confirmation-probes';

/** Everything a verzender case judges: the command's requests, the kit's confirmations, how the command ended. */
export interface VerzenderRun {
  readonly registry: ApiRegistry;
  readonly pairs: readonly ExchangePair[];
  readonly traffic: readonly TrafficEntry[];
  readonly deliveries: ConfirmationDeliveries;
  readonly outcome: CommandOutcome;
  readonly timeoutMs: number;
}

/** A request of the command to a request endpoint, with its pair and reference id. */
export interface SentRequest {
  readonly entry: TrafficEntry;
  readonly pair: ExchangePair;
  readonly body: unknown;
  readonly referenceId: unknown;
}

export function sentRequests(run: VerzenderRun): SentRequest[] {
  return run.traffic.flatMap((entry) => {
    const pair = run.pairs.find(
      (candidate) => entry.method === candidate.request.method && entry.url.pathname === `${run.registry.basePath}${candidate.request.path}`,
    );
    if (!pair) return [];
    const body = jsonOf(entry.body);
    const referenceId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[pair.request.exchange.reference] : undefined;
    return [{ entry, pair, body, referenceId }];
  });
}
