const JSON_TYPE = 'application/json; charset=utf-8';
const encoder = new TextEncoder();

/**
 * An answer as status, headers and bytes: what a bron produces before any HTTP framework is
 * involved. `toResponse` makes a Fetch `Response` of it; the Node adapter writes it to the socket.
 */
export interface BronAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
}

/** A JSON answer from bytes already serialised (a cached answer), with `API-Version`. */
export function bytesAnswer(apiVersion: string, httpStatus: number, body: Uint8Array | undefined, headers?: Readonly<Record<string, string>>): BronAnswer {
  return { status: httpStatus, headers: headers ? { ...headers, 'content-type': JSON_TYPE, 'api-version': apiVersion } : jsonHeaders(apiVersion), body };
}

/** The headers of a plain JSON answer, one frozen object per API version (not a new one per answer). */
const plainHeaders = new Map<string, Readonly<Record<string, string>>>();
function jsonHeaders(apiVersion: string): Readonly<Record<string, string>> {
  let headers = plainHeaders.get(apiVersion);
  if (!headers) plainHeaders.set(apiVersion, (headers = Object.freeze({ 'content-type': JSON_TYPE, 'api-version': apiVersion })));
  return headers;
}

/** A JSON answer that carries the `API-Version` header every Edu-V response must have. */
export function jsonAnswer(apiVersion: string, httpStatus: number, body: unknown, headers?: Readonly<Record<string, string>>): BronAnswer {
  return bytesAnswer(apiVersion, httpStatus, body === undefined ? undefined : encoder.encode(JSON.stringify(body)), headers);
}

/** The Edu-V error body as an answer: `{ status, statusMessage }`. */
export function statusAnswer(
  apiVersion: string,
  httpStatus: number,
  status: number,
  statusMessage: string,
  headers?: Readonly<Record<string, string>>,
): BronAnswer {
  return jsonAnswer(apiVersion, httpStatus, { status, statusMessage }, headers);
}

export function toResponse(answer: BronAnswer): Response {
  return new Response(answer.body === undefined ? null : (answer.body as Uint8Array<ArrayBuffer>), { status: answer.status, headers: answer.headers });
}

/** An answer from a Fetch `Response` (a handler or route that returned one). */
export async function answerOf(response: Response): Promise<BronAnswer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  return { status: response.status, headers, body };
}

/** A JSON response that carries the `API-Version` header every Edu-V response must have. */
export function jsonResponse(apiVersion: string, httpStatus: number, body: unknown, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set('content-type', JSON_TYPE);
  merged.set('API-Version', apiVersion);
  return new Response(body === undefined ? null : JSON.stringify(body), { status: httpStatus, headers: merged });
}

/** The Edu-V error body: `{ status, statusMessage }`. */
export function statusResponse(apiVersion: string, httpStatus: number, status: number, statusMessage: string): Response {
  return toResponse(statusAnswer(apiVersion, httpStatus, status, statusMessage));
}

/** A JSON response from bytes already serialised (a cached answer). */
export function bytesResponse(apiVersion: string, httpStatus: number, body: Uint8Array<ArrayBuffer>): Response {
  return toResponse(bytesAnswer(apiVersion, httpStatus, body));
}
