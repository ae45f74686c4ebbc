import { EduvError, redact, urlWithoutQuery } from '@eduvkit/core';

/**
 * What went wrong while obtaining a token:
 * - `token_endpoint`: the token endpoint answered with an error (see `oauthError`)
 * - `discovery`: the discovery document could not be fetched or is invalid
 * - `invalid_response`: a 2xx answer that is not a usable token or discovery response
 * - `network`: no HTTP answer (DNS, connection refused, TLS, including a refused client certificate)
 * - `timeout`: the request took longer than the configured timeout
 */
export type EduvAuthErrorKind = 'token_endpoint' | 'discovery' | 'invalid_response' | 'network' | 'timeout';

export interface EduvAuthErrorInit {
  readonly kind: EduvAuthErrorKind;
  /** The endpoint that was called; stored without query string. */
  readonly url?: string | undefined;
  readonly httpStatus?: number | undefined;
  /** OAuth `error` from the JSON answer, e.g. `invalid_client`. */
  readonly oauthError?: string | undefined;
  readonly oauthErrorDescription?: string | undefined;
  readonly cause?: unknown;
}

const MAX_TEXT = 300;

function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const redacted = redact(text);
  return redacted.length > MAX_TEXT ? `${redacted.slice(0, MAX_TEXT)}…` : redacted;
}

/**
 * Obtaining an access token failed. Never carries the client assertion, the key or a token: the
 * description the server sent is redacted too, because some servers echo the request.
 */
export class EduvAuthError extends EduvError {
  readonly code = 'EDUV_AUTH_ERROR' as const;
  override readonly name = 'EduvAuthError';
  readonly kind: EduvAuthErrorKind;
  readonly url: string | undefined;
  readonly httpStatus: number | undefined;
  readonly oauthError: string | undefined;
  readonly oauthErrorDescription: string | undefined;

  constructor(message: string, init: EduvAuthErrorInit) {
    const oauthError = clean(init.oauthError);
    const oauthErrorDescription = clean(init.oauthErrorDescription);
    const oauthText = oauthError ? `: ${oauthError}${oauthErrorDescription ? ` (${oauthErrorDescription})` : ''}` : '';
    super(`${message}${oauthText}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.url = init.url === undefined ? undefined : urlWithoutQuery(init.url);
    this.httpStatus = init.httpStatus;
    this.oauthError = oauthError;
    this.oauthErrorDescription = oauthErrorDescription;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      kind: this.kind,
      message: this.message,
      url: this.url,
      httpStatus: this.httpStatus,
      oauthError: this.oauthError,
      oauthErrorDescription: this.oauthErrorDescription,
    };
  }
}

export function isEduvAuthError(value: unknown): value is EduvAuthError {
  return value instanceof EduvAuthError;
}
