import { reportError, type ErrorHook } from '../../error-hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EduvStatus } from '../../status-codes';
import { BronError } from '../bron-error';
import { MAX_BODY_BYTES } from '../read-input';
import { answerOf, statusAnswer, type BronAnswer } from '../responses';
import { NodeBronRequest } from './node-request';

/** Answers a request read from Node: a BronAnswer (e.g. `bron.answer`), a Fetch Response, or undefined for 404. */
export type NodeAnswerer = (request: NodeBronRequest) => Promise<BronAnswer | Response | undefined>;

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

/** The answerer's answer as a BronAnswer; never rejects for an answerer's error (a BronError is its refusal, anything else a 500). */
async function settledAnswer(request: NodeBronRequest, answerer: NodeAnswerer, options: NodeHandlerOptions): Promise<BronAnswer> {
  const version = options.apiVersion;
  try {
    const answered = await answerer(request);
    if (answered === undefined) return statusAnswer(version, 404, EduvStatus.Other, 'no endpoint here');
    return answered instanceof Response ? await answerOf(answered) : answered;
  } catch (error) {
    // A BronError (e.g. the body limit, hit while a Fetch route reads the body) is a refusal, not a bug.
    if (error instanceof BronError) return statusAnswer(version, error.httpStatus, error.eduvStatus, error.statusMessage);
    reportError(options.onError, error, { method: request.method, url: request.url });
    return statusAnswer(version, 500, EduvStatus.Other, 'internal error in the server');
  }
}

/** Answers and writes; a socket that fails while being written to is destroyed. No closures per request: this is the hot path. */
async function respond(
  request: NodeBronRequest,
  response: ServerResponse,
  answerer: NodeAnswerer,
  options: NodeHandlerOptions,
  bodyLimit: number,
): Promise<void> {
  const answer = await settledAnswer(request, answerer, options);
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
    if (!URL.canParse(request.url)) {
      send(request, response, statusAnswer(version, 400, EduvStatus.Other, 'the request target is not a valid URL'), bodyLimit);
      return;
    }
    void respond(request, response, answerer, options, bodyLimit);
  };
}
