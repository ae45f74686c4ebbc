import type { Clock } from '@eduvkit/core';
import { BoundedMemo, BronError, pathOf } from '@eduvkit/core/server';
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

/**
 * Wraps the mock's answerer so every answer lands in the request log: who, what, how it ended
 * and, for refusals, why. The answer itself is passed through unchanged. A success costs a
 * clock reading and one stored object; only refusals and token requests read bodies.
 */
export function recordRequests(answer: MockAnswerer, options: RequestRecorderOptions): MockAnswerer {
  const { log, apiOf, clientOf, skip } = options;
  const clock = options.now;
  const now = clock ? (): number => clock().getTime() : Date.now;
  // Clients repeat the same few paths: redact each once.
  const redacted = new BoundedMemo<string>();
  return async (request) => {
    const url = request.url;
    const pathname = pathOf(url);
    const method = request.method;
    if (skip?.(method, pathname)) return answer(request);
    const at = now();
    const started = performance.now();
    const isTokenRequest = pathname === TOKEN_PATH;
    // A Fetch Request's body can be read once: the token endpoint reads the original, the log a copy.
    const formCopy = isTokenRequest && request instanceof Request ? request.clone().text() : undefined;
    let httpStatus: number;
    let refusal: Refusal | undefined;
    let answered: Awaited<ReturnType<MockAnswerer>> | undefined;
    let failure: { error: unknown } | undefined;
    try {
      answered = await answer(request);
      httpStatus = answered.status;
      if (httpStatus >= 400) refusal = await refusalOfAnswer(answered);
    } catch (error) {
      failure = { error };
      ({ httpStatus, refusal } = refusalOfError(error));
    }
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const target = targetOf(url);
    log.record({
      at,
      clientId: isTokenRequest ? claimedClient(await tokenForm(request, formCopy)) : clientOf(request),
      api: apiOf(pathname),
      method,
      path: redacted.get(target, redactTarget),
      httpStatus,
      durationMs,
      refusal: refusal && withSchool(refusal, target),
    });
    if (failure) throw failure.error;
    return answered!;
  };
}
