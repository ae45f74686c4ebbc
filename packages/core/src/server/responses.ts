const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/** A JSON response that carries the `API-Version` header every Edu-V response must have. */
export function jsonResponse(apiVersion: string, httpStatus: number, body: unknown, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set('content-type', JSON_HEADERS['content-type']);
  merged.set('API-Version', apiVersion);
  return new Response(body === undefined ? null : JSON.stringify(body), { status: httpStatus, headers: merged });
}

/** The Edu-V error body: `{ status, statusMessage }`. */
export function statusResponse(apiVersion: string, httpStatus: number, status: number, statusMessage: string): Response {
  return jsonResponse(apiVersion, httpStatus, { status, statusMessage });
}

/** A JSON response from bytes already serialised (a cached answer). */
export function bytesResponse(apiVersion: string, httpStatus: number, body: Uint8Array<ArrayBuffer>): Response {
  return new Response(body, { status: httpStatus, headers: { 'content-type': JSON_HEADERS['content-type'], 'API-Version': apiVersion } });
}
