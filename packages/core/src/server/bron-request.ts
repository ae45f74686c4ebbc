/**
 * What a bron reads from a request: method, absolute URL, headers and the body as text. A Fetch
 * API `Request` is one; the Node adapter (`@eduvkit/core/server/node`) passes a lighter one that
 * reads straight from Node's `IncomingMessage`, so a cached answer costs no Fetch objects.
 */
export interface BronRequest {
  readonly method: string;
  /** The absolute URL, e.g. `http://127.0.0.1:4010/students-api/v1/students/school?orgMasterId=…`. */
  readonly url: string;
  readonly headers: {
    get(name: string): string | null;
    forEach(callback: (value: string, name: string) => void): void;
  };
  /** The body as text; read once. */
  text(): Promise<string>;
}

/**
 * A Fetch API `Request` for a BronRequest that is not one (only when a handler or route asks
 * for it). `body` is the text already read from it, if any: a body can be read only once.
 */
export function toFetchRequest(request: BronRequest, body?: string): Request {
  if (request instanceof Request) return request;
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    try {
      headers.append(name, value);
    } catch {
      // A header value fetch refuses (control characters) is dropped rather than failing the request.
    }
  });
  const hasBody = body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(request.url, { method: request.method, headers, ...(hasBody ? { body } : {}) });
}

/** Characters a URL path can hold that `new URL` leaves as they are (no dot segments, plain or percent-encoded, no backslash). */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9\-_~!$&'()*+,;=:@]|%(?!2[eE])[0-9A-Fa-f]{2}|\.(?![./?#]|$)|\/(?!\.))*$/;

// The adapter, the mock's router and log and the bron each ask for the path of the same URL.
let lastUrl: string | undefined;
let lastPath = '/';

/**
 * The path of an absolute URL exactly as `new URL(url).pathname` gives it, without parsing the
 * URL when the path is plain (the common case); anything else goes through `URL`.
 */
export function pathOf(url: string): string {
  if (url === lastUrl) return lastPath;
  const path = parsedPathOf(url);
  lastUrl = url;
  lastPath = path;
  return path;
}

function parsedPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start !== -1) {
    let end = url.length;
    const query = url.indexOf('?', start);
    if (query !== -1) end = query;
    const hash = url.indexOf('#', start);
    if (hash !== -1 && hash < end) end = hash;
    const path = url.slice(start, end);
    if (PLAIN_PATH.test(path)) return path;
  }
  return new URL(url).pathname;
}
