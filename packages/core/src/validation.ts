import { compiledSchema } from './compiled-schema';
import type { WarningHook } from './error-hooks';
import type { z } from 'zod';
import { EduvValidationError, formatValidationMessage, type ValidationIssue } from './errors';
import { redact } from './logger';

export type ValidationMode = 'off' | 'warn' | 'strict';

export const VALIDATION_MODES: readonly ValidationMode[] = ['off', 'warn', 'strict'];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['a', 0, 'b-c']` → `$.a[0]["b-c"]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let result = '$';
  for (const segment of path) {
    if (typeof segment === 'number') {
      result += `[${segment}]`;
    } else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      result += `.${segment}`;
    } else {
      result += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return result;
}

/** Every zod issue as path + message. */
export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message }));
}

export interface ValidationContext {
  readonly operationId: string;
  readonly httpStatus?: number;
  /** Receives the warning in `warn` mode; defaults to console.warn. */
  readonly onWarning?: WarningHook;
}

/**
 * Checks a response body against its schema. `strict` throws EduvValidationError and returns the
 * parsed data; `warn` reports through onWarning and returns the data as received; `off` does
 * nothing. Without a schema the data is returned as is.
 */
export function validateResponse<T = unknown>(schema: z.ZodType | undefined, data: unknown, mode: ValidationMode, context: ValidationContext): T {
  if (mode === 'off' || schema === undefined) {
    return data as T;
  }
  const result = compiledSchema(schema).safeParse(data);
  if (result.success) {
    return (mode === 'strict' ? result.data : data) as T;
  }
  const issues = validationIssues(result.error);
  const subject = `Response of ${context.operationId}${context.httpStatus === undefined ? '' : ` (HTTP ${context.httpStatus})`}`;
  if (mode === 'strict') {
    throw new EduvValidationError(subject, issues, {
      operationId: context.operationId,
      httpStatus: context.httpStatus,
    });
  }
  const warn = context.onWarning ?? ((message: string) => console.warn(message));
  warn(redact(formatValidationMessage(subject, issues)));
  return data as T;
}
