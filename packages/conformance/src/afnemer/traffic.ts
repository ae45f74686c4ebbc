import { redactBody, redactHeaders, redactString } from '../report/redact';
import type { Exchange } from '../http/exchange';

/** What the kit answered in place of the mock, on purpose (see fault-injection.ts). */
export type InjectedFault = 'rate-limited' | 'unavailable' | 'expired-token';

/** What a request of the supplier's command was for. */
export type TrafficKind = 'token' | 'discovery' | 'data' | 'other';

/**
 * One request of the supplier's command and the answer it got, as the recorder kept it. Kept in
 * memory unredacted (the cases read bearer tokens and client assertions); `toExchange` is the
 * only way out into a report, and it redacts.
 */
export interface TrafficEntry {
  /** 1-based, in arrival order. */
  readonly sequence: number;
  readonly kind: TrafficKind;
  /** For `data`: 1-based position among the data calls, the counter fault injection uses. */
  readonly dataCall?: number;
  readonly method: string;
  readonly url: URL;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Milliseconds since the run started, when the request arrived and when its answer was ready. */
  readonly receivedAt: number;
  readonly answeredAt: number;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
  readonly injected?: InjectedFault;
}

export const bearerTokenOf = (entry: TrafficEntry): string | undefined => /^Bearer\s+(\S+)$/i.exec(entry.headers.authorization ?? '')?.[1];

export function jsonOf(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}

/** `GET /students-api/v1/students/school?… → HTTP 200`, for reasons. */
export const describeEntry = (entry: TrafficEntry): string =>
  `#${entry.sequence} ${entry.method} ${redactString(entry.url.pathname + entry.url.search)} → HTTP ${entry.status}`;

/** The entry as a report shows it: secrets redacted. */
export function toExchange(entry: TrafficEntry): Exchange {
  const requestBody = entry.body === '' ? {} : { body: redactBody(entry.headers['content-type']?.includes('json') ? jsonOf(entry.body) : entry.body) };
  return {
    request: { method: entry.method, url: redactString(entry.url.toString()), headers: redactHeaders(entry.headers), ...requestBody },
    response: {
      status: entry.status,
      headers: redactHeaders(entry.responseHeaders),
      ...(entry.responseBody === '' ? {} : { body: redactBody(jsonOf(entry.responseBody)) }),
      durationMs: Math.round(entry.answeredAt - entry.receivedAt),
    },
  };
}
