import { EduvConfigError } from '@eduvkit/core';
/** Why the mock refused a request, by the check that refused it. */
export type RefusalKind = 'token' | 'scope' | 'school' | 'consent' | 'schema' | 'client' | 'other';

/** One request the mock answered, as the console shows it. Never holds a token, assertion or secret. */
export interface RequestLogEntry {
  /** Increases by one per recorded request. */
  readonly id: number;
  /** ISO 8601, when the request arrived. */
  readonly time: string;
  /** From the verified access token, or the client a token request names; absent when unknown. */
  readonly clientId?: string;
  /** The Edu-V API (`students-api`), `oauth`, `admin`, or `mock` for the rest. */
  readonly api: string;
  readonly method: string;
  /** Path and query, with secret-looking query values replaced by `[redacted]`. */
  readonly path: string;
  readonly httpStatus: number;
  readonly durationMs: number;
  /** The Edu-V status code of a StatusResponse (`0011`). */
  readonly eduvStatus?: string;
  /** For every refusal (HTTP 4xx/5xx): why, in words. */
  readonly reason?: string;
  readonly refusal?: RefusalKind;
}

export const DEFAULT_REQUEST_LOG_SIZE = 1_000;

/** What the recorder hands over per request: the time as a number, optional fields as undefined. */
export interface RecordedRequest {
  readonly at: number;
  readonly clientId: string | undefined;
  readonly api: string;
  readonly method: string;
  readonly path: string;
  readonly httpStatus: number;
  readonly durationMs: number;
  readonly refusal: { readonly eduvStatus?: string; readonly reason: string; readonly refusal: RefusalKind } | undefined;
}

type Stored = RecordedRequest & { readonly id: number };

function entryOf(stored: Stored): RequestLogEntry {
  const { id, at, clientId, api, method, path, httpStatus, durationMs, refusal } = stored;
  return { id, time: new Date(at).toISOString(), ...(clientId ? { clientId } : {}), api, method, path, httpStatus, durationMs, ...refusal };
}

/**
 * The last `capacity` requests in a ring. Recording stores the recorder's object as it is (one
 * shape, no copies: it runs on every answer); the JSON view is built when someone reads it.
 */
export class RequestLog {
  private readonly ring: (Stored | undefined)[];
  private recorded = 0;

  constructor(readonly capacity = DEFAULT_REQUEST_LOG_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new EduvConfigError(`the request log needs a positive integer capacity, got ${capacity}`);
    this.ring = new Array<Stored | undefined>(capacity);
  }

  record(request: RecordedRequest): void {
    this.recorded += 1;
    (request as { id?: number }).id = this.recorded;
    this.ring[(this.recorded - 1) % this.capacity] = request as Stored;
  }

  /** Newest first, at most `limit`. */
  list(limit = this.capacity): RequestLogEntry[] {
    const count = Math.min(limit, this.recorded, this.capacity);
    const entries: RequestLogEntry[] = [];
    for (let back = 0; back < count; back++) entries.push(entryOf(this.ring[(this.recorded - 1 - back) % this.capacity]!));
    return entries;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.recorded = 0;
  }
}
