import { createPrivateKey, X509Certificate } from 'node:crypto';
import { EduvConfigError } from '@eduvkit/core';
import type * as UndiciModule from 'undici';
import type { Agent } from 'undici';
import type { FetchLike } from './http';

export interface MtlsOptions {
  /** Client certificate PEM (leaf first, then intermediates). */
  readonly certificatePem: string;
  /** Private key PEM of the client certificate. */
  readonly privateKeyPem: string;
  readonly passphrase?: string | undefined;
  /** CA certificate(s) to trust for the server instead of Node's default set. */
  readonly ca?: string | readonly string[] | undefined;
}

/** A `fetch` that presents a client certificate. Call `close()` to release its connections. */
export interface MtlsFetch extends FetchLike {
  close(): Promise<void>;
}

type Undici = typeof UndiciModule;

function checkKeyPair(options: MtlsOptions): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(options.certificatePem);
  } catch (error) {
    throw new EduvConfigError('mtls.certificatePem could not be read as a PEM certificate', { cause: error });
  }
  let matches: boolean;
  try {
    const key = createPrivateKey({ key: options.privateKeyPem, passphrase: options.passphrase });
    matches = certificate.checkPrivateKey(key);
  } catch (error) {
    throw new EduvConfigError('mtls.privateKeyPem could not be read as a PEM private key', { cause: error });
  }
  if (!matches) {
    throw new EduvConfigError('mtls.privateKeyPem does not belong to mtls.certificatePem');
  }
}

/**
 * Copies a Request made by the global fetch into arguments for undici's fetch: the two
 * libraries have distinct Request classes, and undici would read a foreign one as a URL string.
 */
async function toUndiciArguments(
  undici: Undici,
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<[string | URL, RequestInit | undefined]> {
  if (typeof input === 'string' || input instanceof URL) return [input, init];
  if ((input as unknown) instanceof undici.Request) return [input as unknown as string, init];
  const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : await input.arrayBuffer();
  return [input.url, { method: input.method, headers: input.headers, body, signal: input.signal, redirect: input.redirect, ...init }];
}

/**
 * A `fetch` that authenticates with a client certificate (mutual TLS), through undici's own
 * `fetch` and an `Agent` with `connect: { cert, key, ca }`. API clients can share it.
 */
export function createMtlsFetch(options: MtlsOptions): MtlsFetch {
  checkKeyPair(options);
  let loaded: Promise<{ undici: Undici; agent: Agent }> | undefined;
  let closed = false;
  // undici is loaded on first use: it costs ~100 ms at start-up that callers without mTLS should not pay.
  const load = () =>
    (loaded ??= import('undici').then((undici) => ({
      undici,
      agent: new undici.Agent({
        connect: {
          cert: options.certificatePem,
          key: options.privateKeyPem,
          passphrase: options.passphrase,
          ca: options.ca === undefined ? undefined : typeof options.ca === 'string' ? options.ca : [...options.ca],
        },
      }),
    })));

  const mtlsFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (closed) throw new EduvConfigError('this mTLS fetch has been closed');
    const { undici, agent } = await load();
    const [url, requestInit] = await toUndiciArguments(undici, input, init);
    const response = await undici.fetch(url, { ...(requestInit as object), dispatcher: agent });
    return response as unknown as Response;
  };
  return Object.assign(mtlsFetch, {
    close: async () => {
      closed = true;
      if (loaded !== undefined) await (await loaded).agent.close();
    },
  });
}
