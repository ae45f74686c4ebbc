import { EduvConfigError } from './errors';

/** What one attempt sends: the parts of a call that end up on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Path template relative to the base URL, e.g. `/things/{id}`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly pathParams?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  /** Later sources win; an undefined value leaves the header out. */
  readonly headers: readonly (Readonly<Record<string, string | undefined>> | undefined)[];
  readonly signal?: AbortSignal;
}

function primitive(name: string, value: unknown): string {
  if (typeof value === 'object') {
    throw new EduvConfigError(`Query parameter "${name}" must be a string, number, boolean or an array of those`);
  }
  return encodeURIComponent(String(value));
}

/** OpenAPI's default query style (form, exploded): `a=1&b=x&b=y`; undefined, null and [] are left out. */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      pairs.push(`${name}=${primitive(name, item)}`);
    }
  }
  return pairs.join('&');
}

/** Fills `{name}` segments with the URI-encoded parameter (OpenAPI's simple style). */
export function fillPath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{([^{}]+)\}/g, (segment, name: string) => {
    const value = params?.[name];
    return value === undefined || value === null ? segment : primitive(name, value);
  });
}

export function buildRequest(baseUrl: string, wire: WireRequest): Request {
  const search = serializeQuery(wire.query);
  const url = `${baseUrl}${fillPath(wire.path, wire.pathParams)}${search ? `?${search}` : ''}`;
  const headers = new Headers();
  if (wire.body !== undefined) headers.set('Content-Type', 'application/json');
  for (const source of wire.headers) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value !== undefined) headers.set(name, value);
    }
  }
  return new Request(url, {
    method: wire.method,
    headers,
    body: wire.body === undefined ? undefined : JSON.stringify(wire.body),
    signal: wire.signal,
  });
}

/**
 * The body as text on success (the client parses and validates it), parsed JSON or text on an
 * error; undefined for 204 and an empty Content-Length.
 */
export async function readBody(response: Response): Promise<unknown> {
  const contentLength = response.headers.get('Content-Length');
  const chunked = response.headers.get('Transfer-Encoding')?.includes('chunked') ?? false;
  if (response.status === 204 || (contentLength === '0' && !chunked)) {
    return undefined;
  }
  const text = await response.text();
  if (response.ok) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
