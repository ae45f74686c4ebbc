import type { CaseResult, QualificationReport, RecordedRequest, RecordedResponse } from './types';

/**
 * Defence in depth: the kit redacts secrets when it records a request, but a report is attached to
 * tickets and CI logs, so every renderer scrubs it again before writing a byte.
 */

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

// Compared lower-cased, so `privateKey` and `PRIVATE_KEY` are caught too.
const SECRET_PROPERTIES = new Set(['access_token', 'client_assertion', 'refresh_token', 'id_token', 'private_key', 'privatekey']);

const SECRET_PARAM_NAMES = 'access_token|client_assertion|refresh_token|id_token|private_key|privateKey';

// Three (JWS) to five (JWE) base64url segments; the header of a JWT always starts `eyJ` (`{"`).
const JWT = /eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}/g;
// A truncated body may hold a BEGIN without its END: redact up to the end of the string then.
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
// `client_assertion=…` in a form-encoded token request or `?access_token=…` in a URL.
const SECRET_PARAM = new RegExp(`((?:^|[?&#;\\s])(?:${SECRET_PARAM_NAMES})=)[^&#;\\s]*`, 'gi');
// `"access_token": "…"` in a body that was kept as text because it was not valid JSON.
const SECRET_JSON_MEMBER = new RegExp(`("(?:${SECRET_PARAM_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');

/** Replaces JWTs, PEM private keys and secret parameters inside any string. */
export function redactString(value: string): string {
  return value.replace(PEM_PRIVATE_KEY, REDACTED).replace(JWT, REDACTED).replace(SECRET_PARAM, `$1${REDACTED}`).replace(SECRET_JSON_MEMBER, `$1"${REDACTED}"`);
}

/** Redacts a recorded body: secret properties at any depth and secret-looking strings anywhere. */
export function redactBody(value: unknown): unknown {
  return redactValue(value, new WeakSet());
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
    // Dates and the like: redact what JSON.stringify would write.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return redactValue(toJSON.call(value), seen);
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = SECRET_PROPERTIES.has(key.toLowerCase()) ? REDACTED : redactValue(item, seen);
    }
    return result;
  } finally {
    seen.delete(value);
  }
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactString(String(value));
  }
  return result;
}

function redactRequest(request: RecordedRequest): RecordedRequest {
  const redacted: RecordedRequest = {
    method: request.method,
    url: redactString(request.url),
    headers: redactHeaders(request.headers),
  };
  return request.body !== undefined ? { ...redacted, body: redactBody(request.body) } : redacted;
}

function redactResponse(response: RecordedResponse): RecordedResponse {
  const redacted: RecordedResponse = {
    status: response.status,
    headers: redactHeaders(response.headers),
    durationMs: response.durationMs,
  };
  return response.body !== undefined ? { ...redacted, body: redactBody(response.body) } : redacted;
}

export function redactCaseResult(result: CaseResult): CaseResult {
  return {
    id: result.id,
    title: redactString(result.title),
    severity: result.severity,
    status: result.status,
    reason: redactString(result.reason),
    ...(result.request ? { request: redactRequest(result.request) } : {}),
    ...(result.response ? { response: redactResponse(result.response) } : {}),
    durationMs: result.durationMs,
  };
}

/** A copy of the report with secrets replaced by `[redacted]`; the input is not modified. */
export function redactReport(report: QualificationReport): QualificationReport {
  return {
    api: report.api,
    role: report.role,
    apiVersion: report.apiVersion,
    target: redactString(report.target),
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    summary: { passed: report.summary.passed, failed: report.summary.failed, skipped: report.summary.skipped },
    cases: report.cases.map(redactCaseResult),
  };
}
