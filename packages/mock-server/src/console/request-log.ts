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

/** The last `capacity` requests in a ring: recording never allocates beyond the entry itself. */
export class RequestLog {
  private readonly ring: (RequestLogEntry | undefined)[];
  private recorded = 0;

  constructor(readonly capacity = DEFAULT_REQUEST_LOG_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`the request log needs a positive integer capacity, got ${capacity}`);
    this.ring = new Array<RequestLogEntry | undefined>(capacity);
  }

  /** The id the next recorded entry gets. */
  nextId(): number {
    return this.recorded + 1;
  }

  record(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    const stored = { id: this.nextId(), ...entry };
    this.ring[this.recorded % this.capacity] = stored;
    this.recorded += 1;
    return stored;
  }

  /** Newest first, at most `limit`. */
  list(limit = this.capacity): RequestLogEntry[] {
    const count = Math.min(limit, this.recorded, this.capacity);
    const entries: RequestLogEntry[] = [];
    for (let back = 1; back <= count; back++) entries.push(this.ring[(this.recorded - back) % this.capacity]!);
    return entries;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.recorded = 0;
  }
}
