import { EduvStatus, formatStatusCode } from '@eduvkit/core';
import type { BronAnswer } from '@eduvkit/core/server';
import { redactTokens } from './redact';
import type { RefusalKind } from './request-log';

export interface Refusal {
  readonly eduvStatus?: string;
  readonly reason: string;
  readonly refusal: RefusalKind;
}

/** Larger refusal bodies are not read for a reason: Edu-V's StatusResponse and OAuth errors are small. */
const MAX_READ = 16 * 1024;
const MAX_REASON = 1_000;
const decoder = new TextDecoder();

function kindOf(httpStatus: number, eduvStatus: number | undefined, oauth: boolean): RefusalKind {
  if (oauth) return 'client';
  switch (eduvStatus) {
    case EduvStatus.ScopeRequired:
      return 'scope';
    case EduvStatus.ConsentRequired:
      return 'consent';
    case EduvStatus.SchoolUnknown:
    case EduvStatus.EduOrgIdUnknown:
      return 'school';
    case EduvStatus.SchemaIncorrect:
    case EduvStatus.SchemaVersionNotSupported:
      return 'schema';
    default:
      return httpStatus === 401 ? 'token' : 'other';
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why an answer refused, read from what the mock already says: the StatusResponse's code and
 * statusMessage (brons, admin routes) or the OAuth error and its description (token endpoint).
 */
export function refusalOf(httpStatus: number, bodyText: string): Refusal {
  const body = parse(bodyText);
  const status = typeof body?.status === 'number' ? body.status : undefined;
  const message = typeof body?.statusMessage === 'string' ? body.statusMessage : undefined;
  const oauthError = typeof body?.error === 'string' ? body.error : undefined;
  const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
  const words = message ?? (oauthError ? `${oauthError}${description ? `: ${description}` : ''}` : `HTTP ${httpStatus} without a StatusResponse`);
  const reason = redactTokens(words);
  return {
    ...(status !== undefined ? { eduvStatus: formatStatusCode(status) } : {}),
    reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason,
    refusal: kindOf(httpStatus, status, oauthError !== undefined),
  };
}

/** The refusal of an answer given as bytes or as a Fetch Response (read from a clone). */
export async function refusalOfAnswer(answer: BronAnswer | Response): Promise<Refusal> {
  if (answer instanceof Response) {
    const length = Number(answer.headers.get('content-length') ?? 0);
    const text =
      length > MAX_READ
        ? ''
        : await answer
            .clone()
            .text()
            .catch(() => '');
    return refusalOf(answer.status, text.slice(0, MAX_READ));
  }
  const body = answer.body && answer.body.byteLength <= MAX_READ ? decoder.decode(answer.body) : '';
  return refusalOf(answer.status, body);
}
