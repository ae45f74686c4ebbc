import { redactHeaders } from '../report/redact';
import type { RecordedRequest, RecordedResponse } from '../report/types';

/** One request the kit sent and what came back (or why nothing did). */
export interface Exchange {
  readonly request: RecordedRequest;
  readonly response?: RecordedResponse;
  /** Set when no HTTP answer arrived: refused connection, timeout. */
  readonly error?: string;
}

export interface OutgoingRequest {
  readonly method: string;
  /** Relative to the target's base URL, already filled in (`/students/school`). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A value to send as JSON, or a string to send as it is (for malformed bodies). */
  readonly body?: unknown;
  readonly rawBody?: string;
}

function recordHeaders(headers: Headers | Readonly<Record<string, string>>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return redactHeaders(Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), value])));
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface Target {
  readonly baseUrl: string;
  send(request: OutgoingRequest): Promise<Exchange>;
}

export interface TargetOptions {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** Every exchange, in the order sent: the whole-run checks read it. */
  readonly onExchange?: (exchange: Exchange) => void;
}

/** Sends the kit's requests to the implementation under test and records them, secrets redacted. */
export function createTarget(options: TargetOptions): Target {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    baseUrl,
    async send(outgoing) {
      const url = new URL(`${baseUrl}${outgoing.path}`);
      for (const [name, value] of Object.entries(outgoing.query ?? {})) url.searchParams.set(name, value);
      const headers: Record<string, string> = { accept: 'application/json', ...outgoing.headers };
      let body: string | undefined = outgoing.rawBody;
      if (body === undefined && outgoing.body !== undefined) body = JSON.stringify(outgoing.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const request: RecordedRequest = {
        method: outgoing.method,
        url: url.toString(),
        headers: recordHeaders(headers),
        ...(body === undefined ? {} : { body: outgoing.rawBody ?? outgoing.body }),
      };
      const started = performance.now();
      let exchange: Exchange;
      try {
        const response = await doFetch(url, { method: outgoing.method, headers, body: body ?? null, signal: AbortSignal.timeout(timeoutMs) });
        const text = await response.text();
        exchange = {
          request,
          response: {
            status: response.status,
            headers: recordHeaders(response.headers),
            body: parseBody(text),
            durationMs: Math.round(performance.now() - started),
          },
        };
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : `request failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
        exchange = { request, error: reason };
      }
      options.onExchange?.(exchange);
      return exchange;
    },
  };
}
