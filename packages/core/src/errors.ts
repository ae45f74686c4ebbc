import { redact } from './logger';
import { formatStatusCode, parseStatusCode, statusCodeDefinition } from './status-codes';

export type EduvErrorCode = 'EDUV_API_ERROR' | 'EDUV_VALIDATION_ERROR' | 'EDUV_NETWORK_ERROR' | 'EDUV_TIMEOUT_ERROR' | 'EDUV_CONFIG_ERROR' | 'EDUV_AUTH_ERROR';

/** Base of every error eduvkit throws; switch on `code`. Messages are always redacted. */
export abstract class EduvError extends Error {
  abstract readonly code: EduvErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options);
  }
}

export function isEduvError(value: unknown): value is EduvError {
  return value instanceof EduvError;
}

/** The request an error belongs to. */
export interface RequestContext {
  readonly operationId: string;
  readonly method: string;
  /** Request URL without query string or credentials. */
  readonly url: string;
}

/** Drops query string, fragment and user info: they may carry personal data or secrets. */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

function describeRequest(context: RequestContext): string {
  return `${context.operationId} (${context.method} ${urlWithoutQuery(context.url)})`;
}

export interface ParsedStatusResponse {
  /** The Edu-V status code, whether it came as `11` or `"0011"`. */
  readonly status: number | undefined;
  readonly statusMessage: string | undefined;
}

/**
 * Reads a StatusResponse error body without trusting it: accepts an object or a JSON string,
 * the status as integer or zero-padded string; anything else gives undefined fields.
 */
export function parseStatusResponse(body: unknown): ParsedStatusResponse {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { status: undefined, statusMessage: undefined };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { status: undefined, statusMessage: undefined };
  }
  const record = value as Record<string, unknown>;
  return {
    status: parseStatusCode(record.status),
    statusMessage: typeof record.statusMessage === 'string' ? record.statusMessage : undefined,
  };
}

const MAX_MESSAGE_PART = 300;

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_PART ? `${text.slice(0, MAX_MESSAGE_PART)}…` : text;
}

export interface EduvApiErrorInit extends RequestContext {
  readonly httpStatus: number;
  readonly eduvStatus?: number | undefined;
  readonly statusMessage?: string | undefined;
  readonly apiVersion?: string | undefined;
  /** The response body as received (parsed JSON or text). */
  readonly body?: unknown;
  readonly headers?: Headers | undefined;
}

/** The API answered with a non-2xx status. */
export class EduvApiError extends EduvError {
  override readonly code = 'EDUV_API_ERROR' as const;
  override readonly name = 'EduvApiError';
  readonly httpStatus: number;
  /** Edu-V status code from the StatusResponse body; undefined when the body had none. */
  readonly eduvStatus: number | undefined;
  /** `eduvStatus` zero-padded for display (`0021`). */
  readonly eduvStatusCode: string | undefined;
  readonly statusMessage: string | undefined;
  readonly apiVersion: string | undefined;
  readonly operationId: string;
  readonly method: string;
  /** Request URL without query string. */
  readonly url: string;
  readonly body: unknown;
  readonly headers: Headers | undefined;

  constructor(init: EduvApiErrorInit) {
    const statusCode = init.eduvStatus === undefined ? undefined : formatStatusCode(init.eduvStatus);
    const statusText =
      init.eduvStatus === undefined
        ? init.statusMessage
        : `Edu-V ${statusCode} ${init.statusMessage ?? statusCodeDefinition(init.eduvStatus)?.message ?? ''}`.trim();
    super(`${describeRequest(init)} failed with HTTP ${init.httpStatus}${statusText ? `: ${truncate(statusText)}` : ''}`);
    this.httpStatus = init.httpStatus;
    this.eduvStatus = init.eduvStatus;
    this.eduvStatusCode = statusCode;
    this.statusMessage = init.statusMessage;
    this.apiVersion = init.apiVersion;
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = urlWithoutQuery(init.url);
    this.body = init.body;
    this.headers = init.headers;
  }
}

export interface ValidationIssue {
  /** JSON path of the offending value: `$`, `$[3].userIds[0].userIdType`. */
  readonly path: string;
  readonly message: string;
}

export interface EduvValidationErrorInit {
  readonly operationId?: string | undefined;
  readonly httpStatus?: number | undefined;
}

/** Data did not match its schema. The message lists every issue with its path. */
export class EduvValidationError extends EduvError {
  override readonly code = 'EDUV_VALIDATION_ERROR' as const;
  override readonly name = 'EduvValidationError';
  readonly issues: readonly ValidationIssue[];
  readonly operationId: string | undefined;
  readonly httpStatus: number | undefined;

  /** `subject` says what was validated, e.g. `Response of getStudents (HTTP 200)`. */
  constructor(subject: string, issues: readonly ValidationIssue[], init: EduvValidationErrorInit = {}) {
    super(formatValidationMessage(subject, issues));
    this.issues = issues;
    this.operationId = init.operationId;
    this.httpStatus = init.httpStatus;
  }
}

export function formatValidationMessage(subject: string, issues: readonly ValidationIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues.map((issue) => `  - ${issue.path}: ${truncate(issue.message)}`);
  return [`${subject} does not match its schema (${count}):`, ...lines].join('\n');
}

/** The request never got an HTTP answer (DNS, connection refused, TLS, reset). */
export class EduvNetworkError extends EduvError {
  override readonly code = 'EDUV_NETWORK_ERROR' as const;
  override readonly name = 'EduvNetworkError';
  readonly operationId: string;
  readonly method: string;
  readonly url: string;

  constructor(context: RequestContext, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${describeRequest(context)} failed: network error (${truncate(reason)})`, { cause });
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = urlWithoutQuery(context.url);
  }
}

/** The per-request timeout elapsed (the caller did not abort). */
export class EduvTimeoutError extends EduvError {
  override readonly code = 'EDUV_TIMEOUT_ERROR' as const;
  override readonly name = 'EduvTimeoutError';
  readonly timeoutMs: number;
  readonly operationId: string;
  readonly method: string;
  readonly url: string;

  constructor(context: RequestContext, timeoutMs: number, options?: { cause?: unknown }) {
    super(`${describeRequest(context)} timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = urlWithoutQuery(context.url);
  }
}

/** eduvkit was configured or called wrongly; fix the calling code. */
export class EduvConfigError extends EduvError {
  override readonly code = 'EDUV_CONFIG_ERROR' as const;
  override readonly name = 'EduvConfigError';
}
