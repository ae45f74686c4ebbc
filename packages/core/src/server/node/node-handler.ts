import { reportError, type ErrorHook } from '../../error-hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EduvConfigError } from '../../errors';
import { EduvStatus } from '../../status-codes';
import { isThenable, type Answered } from '../bron';
import { BronError } from '../bron-error';
import { MAX_BODY_BYTES } from '../read-input';
import { answerOf, statusAnswer, type BronAnswer } from '../responses';
import { NodeBronRequest } from './node-request';

/** Answers a request read from Node: a BronAnswer (e.g. `bron.answer`), a Fetch Response, or undefined for 404. */
export type NodeAnswerer = (request: NodeBronRequest) => Answered<BronAnswer | Response | undefined>;

export interface NodeHandlerOptions {
  /** `API-Version` of the answers the adapter gives itself (404, 413, 414, 500). */
  readonly apiVersion: string;
  /** Largest request body in bytes; a larger one is refused with 413 and its connection closed. Default 1,000,000. */
  readonly bodyLimit?: number;
  /** Longest path + query in characters; longer is 414. Default 8,192. */
  readonly maxUrlLength?: number;
  /** The scheme and host the absolute URL of a request starts with (the Host header is not trusted); default `http://localhost`. */
  readonly origin?: string;
  /** Called with errors other than BronErrors the answerer threw (bugs); the client gets 500. */
  readonly onError?: ErrorHook<{ readonly method: string; readonly url: string }>;
}

export const DEFAULT_MAX_URL_LENGTH = 8_192;

/** A Content-Length header as a byte count; undefined when absent or not a non-negative safe integer. */
export function declaredLength(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Whether the connection must close after this answer (else it carries the next request). A body nobody read is
 * drained when its declared length is within the limit; otherwise (a body read only in part,
 * over the limit, or chunked) the answer says `Connection: close` and the socket closes, so
 * the next request on a keep-alive connection never waits behind unread bytes.
 */
function closesAfter(request: NodeBronRequest, bodyLimit: number): boolean {
  const incoming = request.incoming;
  // A request without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3), even before Node marks it complete.
  const hasBody = incoming.headers['content-length'] !== undefined || incoming.headers['transfer-encoding'] !== undefined;
  if (!hasBody || incoming.complete) return false;
  if (request.bodyState === 'unread') {
    const length = declaredLength(incoming.headers['content-length']);
    if (length !== undefined && length <= bodyLimit) {
      incoming.resume();
      return false;
    }
  }
  return true;
}

function send(request: NodeBronRequest, response: ServerResponse, answer: BronAnswer, bodyLimit: number): void {
  // setHeader per name, not a merged object: no copy of the answer's (often shared, frozen) headers per request.
  const headers = answer.headers;
  for (const name in headers) response.setHeader(name, headers[name]!);
  response.setHeader('content-length', answer.body?.byteLength ?? 0);
  if (closesAfter(request, bodyLimit)) {
    response.setHeader('connection', 'close');
    response.once('finish', () => request.incoming.socket.destroySoon());
  }
  response.writeHead(answer.status);
  response.end(answer.body);
}

/** A 404 for no answer, a Fetch Response read into bytes, a BronAnswer as it is. */
function settled(request: NodeBronRequest, answered: BronAnswer | Response | undefined, options: NodeHandlerOptions): Answered<BronAnswer> {
  if (answered === undefined) return statusAnswer(options.apiVersion, 404, EduvStatus.Other, 'no endpoint here');
  if (answered instanceof Response) return answerOf(answered).then(undefined, (error: unknown) => failed(request, error, options));
  return answered;
}

/** An answerer's error as an answer: a BronError (e.g. the body limit, hit while a Fetch route reads the body) is a refusal, anything else a 500. */
function failed(request: NodeBronRequest, error: unknown, options: NodeHandlerOptions): BronAnswer {
  const version = options.apiVersion;
  if (error instanceof BronError) return statusAnswer(version, error.httpStatus, error.eduvStatus, error.statusMessage);
  reportError(options.onError, error, { method: request.method, url: request.url });
  return statusAnswer(version, 500, EduvStatus.Other, 'internal error in the server');
}

/** The answerer's answer as a BronAnswer, at once when it answered at once; never rejects. */
function answerFor(request: NodeBronRequest, answerer: NodeAnswerer, options: NodeHandlerOptions): Answered<BronAnswer> {
  let answered: Answered<BronAnswer | Response | undefined>;
  try {
    answered = answerer(request);
  } catch (error) {
    return failed(request, error, options);
  }
  if (!isThenable(answered)) return settled(request, answered, options);
  return answered.then(
    (value) => settled(request, value, options),
    (error: unknown) => failed(request, error, options),
  );
}

/** Writes an answer; a socket that fails while being written to is destroyed. */
function write(request: NodeBronRequest, response: ServerResponse, answer: BronAnswer, bodyLimit: number): void {
  try {
    send(request, response, answer, bodyLimit);
  } catch {
    response.destroy();
  }
}

/**
 * A `(req, res)` listener for `http.createServer` around an answerer: reads the request without
 * Fetch objects, writes the answer's bytes, enforces the body and URL limits with StatusResponses
 * and never leaves a keep-alive connection behind an unread body.
 */
export function createNodeHandler(answerer: NodeAnswerer, options: NodeHandlerOptions): (incoming: IncomingMessage, response: ServerResponse) => void {
  const bodyLimit = options.bodyLimit ?? MAX_BODY_BYTES;
  const maxUrlLength = options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH;
  const version = options.apiVersion;
  const origin = options.origin ?? 'http://localhost';
  if (!URL.canParse(`${origin}/`)) throw new EduvConfigError(`origin must be a scheme and host such as http://127.0.0.1:4010, got ${JSON.stringify(origin)}`);
  return (incoming, response) => {
    const request = new NodeBronRequest(incoming, origin, bodyLimit);
    if ((incoming.url ?? '').length > maxUrlLength) {
      send(request, response, statusAnswer(version, 414, EduvStatus.Other, `the request URL is longer than ${maxUrlLength} characters`), bodyLimit);
      return;
    }
    if ((declaredLength(incoming.headers['content-length']) ?? 0) > bodyLimit) {
      send(request, response, statusAnswer(version, 413, EduvStatus.Other, `request body is larger than ${bodyLimit} bytes`), bodyLimit);
      return;
    }
    // An origin-form target ('/…') after a valid origin always parses; only other forms are checked.
    if (incoming.url?.charCodeAt(0) !== 47 && !URL.canParse(request.url)) {
      send(request, response, statusAnswer(version, 400, EduvStatus.Other, 'the request target is not a valid URL'), bodyLimit);
      return;
    }
    // No closure and no promise per request when the answer is there at once: this is the hot path.
    const answer = answerFor(request, answerer, options);
    if (isThenable(answer)) void answer.then((value) => write(request, response, value, bodyLimit));
    else write(request, response, answer, bodyLimit);
  };
}
