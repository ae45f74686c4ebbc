import type { ExchangePair } from '@eduvkit/core/exchange';
import { jsonOf } from '../../afnemer/traffic';
import type { Exchange } from '../../http/exchange';
import { redactBody, redactHeaders } from '../../report/redact';
import { confirmationBody } from '../message-bodies';

/** The confirmations the kit PUT to the supplier's verzender, each as a report shows it. */
export interface ConfirmationDeliveries {
  /** The ontvanger's own deliveries, in order. */
  readonly delivered: Exchange[];
  /** The first accepted confirmation sent once more, as a repeat. */
  repeat?: Exchange;
  /** A confirmation for a reference id the verzender never sent. */
  unknown?: Exchange;
}

const recordOf = (url: string, init: RequestInit | undefined, response: Response | undefined, text: string, error?: string): Exchange => {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  return {
    request: { method: init?.method ?? 'PUT', url, headers: redactHeaders(headers), body: redactBody(jsonOf(String(init?.body ?? ''))) },
    ...(response
      ? {
          response: {
            status: response.status,
            headers: redactHeaders(Object.fromEntries(response.headers.entries())),
            ...(text ? { body: redactBody(jsonOf(text)) } : {}),
            durationMs: 0,
          },
        }
      : {}),
    ...(error ? { error } : {}),
  };
};

async function recordedFetch(url: string, init: RequestInit | undefined): Promise<{ exchange: Exchange; response?: Response }> {
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    return {
      exchange: recordOf(url, init, response, text),
      response: new Response(text === '' ? null : text, { status: response.status, headers: response.headers }),
    };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { exchange: recordOf(url, init, undefined, '', `${error instanceof Error ? error.message : String(error)}${cause}`) };
  }
}

/**
 * The `fetch` of the kit's ontvanger: records each confirmation it delivers, and right after the
 * first one accepted sends it again and sends one for an unknown reference id. Until then the
 * deliveries go one at a time, so a verzender that waits for all its confirmations is still up.
 */
export function probingFetch(pairOf: (url: string) => ExchangePair | undefined, deliveries: ConfirmationDeliveries): typeof fetch {
  let probed = false;
  let probesDone = false;
  let queue: Promise<unknown> = Promise.resolve();
  const deliver = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const { exchange, response } = await recordedFetch(url, init);
    deliveries.delivered.push(exchange);
    const pair = pairOf(url);
    if (!probed && pair && response?.ok) {
      probed = true;
      deliveries.repeat = (await recordedFetch(url, init)).exchange;
      const stranger = confirmationBody(pair, { [pair.request.exchange.reference]: crypto.randomUUID() });
      deliveries.unknown = (await recordedFetch(url, { ...init, body: JSON.stringify(stranger) })).exchange;
      probesDone = true;
    }
    if (!response) throw new Error(exchange.error);
    return response;
  };
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (probesDone) return deliver(url, init);
    const delivery = queue.then(() => deliver(url, init));
    queue = delivery.catch(() => undefined);
    return delivery;
  };
}
