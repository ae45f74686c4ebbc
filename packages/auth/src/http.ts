import { EduvConfigError } from '@eduvkit/core';

/** The `fetch` the package calls; the global one, undici's, or one from `createMtlsFetch`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 30_000;

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Parses an endpoint URL; plain http is only allowed on loopback, because tokens and assertions travel over it. */
export function secureUrl(value: unknown, what: string): URL {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new EduvConfigError(`${what} must be an absolute URL`);
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new EduvConfigError(`${what} must use https (http only on localhost), got ${url.protocol}//${url.host}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new EduvConfigError(`${what} must not contain credentials`);
  }
  return url;
}

export function assertTimeout(timeoutMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new EduvConfigError('timeoutMs must be a positive number');
  }
}

/** The response body as JSON, or undefined when it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Waits for a shared promise on behalf of one caller: the caller's abort rejects only its own wait,
 * with the signal's reason, and `onAbort` lets the owner cancel work nobody waits for any more.
 */
export function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    onAbort?.();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
