import type { Clock } from '@eduvkit/core';
import { BoundedMemo, BronError, isThenable, pathOf, type Answered } from '@eduvkit/core/server';
import { NodeBronRequest } from '@eduvkit/core/server/node';
import { decodeJwt } from 'jose';
import type { MockAnswerer, MockRequest } from '../mock-handler';
import { redactTarget, redactTokens } from './redact';
import { refusalOf, refusalOfAnswer, type Refusal } from './refusal-reason';
import type { RequestLog } from './request-log';

export interface RequestRecorderOptions {
  readonly log: RequestLog;
  /** The API a path belongs to, for the log's `api` column. */
  readonly apiOf: (pathname: string) => string;
  /** The client a bron's token check identified for this request, if any. */
  readonly clientOf: (request: MockRequest) => string | undefined;
  /** Requests not to record: the console's own polling would push everything else out of the ring. */
  readonly skip?: (method: string, pathname: string) => boolean;
  /** The clock of the log's `at` column; default the system clock. */
  readonly now?: Clock;
}

const TOKEN_PATH = '/oauth2/token';

function targetOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start === -1 ? '/' : url.slice(start);
}

/** The client a token request names: `client_id`, else the (unverified) `iss` of its assertion. Nothing else of the form is kept. */
function claimedClient(form: string | undefined): string | undefined {
  const parameters = new URLSearchParams(form ?? '');
  let clientId = parameters.get('client_id') ?? undefined;
  if (!clientId) {
    try {
      const iss = decodeJwt(parameters.get('client_assertion') ?? '').iss;
      clientId = typeof iss === 'string' ? iss : undefined;
    } catch {
      // no readable assertion: the token endpoint's own answer says why
    }
  }
  return clientId ? redactTokens(clientId.slice(0, 100)) : undefined;
}

/** The token request's form as the endpoint read it; never starts reading a body nobody read. */
async function tokenForm(request: MockRequest, copy: Promise<string> | undefined): Promise<string | undefined> {
  if (copy) return copy.catch(() => undefined);
  if (request instanceof NodeBronRequest && request.bodyState === 'read') return request.text();
  return undefined;
}

/** Edu-V's unknown-school message does not name the school; the log adds the one the query gave. */
function withSchool(refusal: Refusal, target: string): Refusal {
  if (refusal.refusal !== 'school') return refusal;
  const query = target.indexOf('?');
  const school = query === -1 ? null : new URLSearchParams(target.slice(query + 1)).get('orgMasterId');
  return school ? { ...refusal, reason: `${refusal.reason} (orgMasterId ${redactTokens(school.slice(0, 100))})` } : refusal;
}

function refusalOfError(error: unknown): { httpStatus: number; refusal: Refusal } {
  // The server turns a BronError (e.g. a body over the limit) into its answer, anything else into a 500.
  if (error instanceof BronError)
    return {
      httpStatus: error.httpStatus,
      refusal: refusalOf(error.httpStatus, JSON.stringify({ status: error.eduvStatus, statusMessage: error.statusMessage })),
    };
  return { httpStatus: 500, refusal: { reason: 'internal error in the mock (a bug: see the server output)', refusal: 'other' } };
}

/** One request on its way through the recorder: what the log needs once it is answered. */
class InFlight {
  readonly at: number;
  readonly started = performance.now();
  readonly isTokenRequest: boolean;
  /** A Fetch Request's body can be read once: the token endpoint reads the original, the log a copy. */
  readonly formCopy: Promise<string> | undefined;

  constructor(
    readonly request: MockRequest,
    readonly url: string,
    readonly pathname: string,
    readonly options: RequestRecorderOptions,
    readonly redacted: BoundedMemo<string>,
    now: () => number,
  ) {
    this.at = now();
    this.isTokenRequest = pathname === TOKEN_PATH;
    this.formCopy = this.isTokenRequest && request instanceof Request ? request.clone().text() : undefined;
  }

  /** Records a success at once; a refusal or a token request first reads what its row names. */
  answered(answered: Awaited<ReturnType<MockAnswerer>>): Answered<Awaited<ReturnType<MockAnswerer>>> {
    const durationMs = this.elapsed();
    if (answered.status < 400 && !this.isTokenRequest) {
      this.record(answered.status, undefined, this.options.clientOf(this.request), durationMs);
      return answered;
    }
    return this.answeredLater(answered, durationMs);
  }

  private async answeredLater(answered: Awaited<ReturnType<MockAnswerer>>, durationMs: number): Promise<Awaited<ReturnType<MockAnswerer>>> {
    const refusal = answered.status >= 400 ? await refusalOfAnswer(answered) : undefined;
    this.record(answered.status, refusal, await this.clientId(), durationMs);
    return answered;
  }

  /** Records the error as the answer the server will give for it, then throws it on. */
  async failed(error: unknown): Promise<never> {
    const durationMs = this.elapsed();
    const { httpStatus, refusal } = refusalOfError(error);
    this.record(httpStatus, refusal, await this.clientId(), durationMs);
    throw error;
  }

  private async clientId(): Promise<string | undefined> {
    return this.isTokenRequest ? claimedClient(await tokenForm(this.request, this.formCopy)) : this.options.clientOf(this.request);
  }

  private elapsed(): number {
    return Math.round((performance.now() - this.started) * 100) / 100;
  }

  private record(httpStatus: number, refusal: Refusal | undefined, clientId: string | undefined, durationMs: number): void {
    const target = targetOf(this.url);
    this.options.log.record({
      at: this.at,
      clientId,
      api: this.options.apiOf(this.pathname),
      method: this.request.method,
      path: this.redacted.get(target, redactTarget),
      httpStatus,
      durationMs,
      refusal: refusal && withSchool(refusal, target),
    });
  }
}

/**
 * Wraps the mock's answerer so every answer lands in the request log: who, what, how it ended
 * and, for refusals, why. The answer itself is passed through unchanged, at once when it came at
 * once. A success costs a clock reading and one stored object; only refusals and token requests
 * read bodies.
 */
export function recordRequests(answer: MockAnswerer, options: RequestRecorderOptions): MockAnswerer {
  const skip = options.skip;
  const clock = options.now;
  const now = clock ? (): number => clock().getTime() : Date.now;
  // Clients repeat the same few paths: redact each once.
  const redacted = new BoundedMemo<string>();
  return (request) => {
    const url = request.url;
    const pathname = pathOf(url);
    if (skip?.(request.method, pathname)) return answer(request);
    const inFlight = new InFlight(request, url, pathname, options, redacted, now);
    let answered: ReturnType<MockAnswerer>;
    try {
      answered = answer(request);
    } catch (error) {
      return inFlight.failed(error);
    }
    if (!isThenable(answered)) return inFlight.answered(answered);
    return answered.then(
      (value) => inFlight.answered(value),
      (error: unknown) => inFlight.failed(error),
    );
  };
}
