import type { OperationDefinition } from '@eduvkit/core';

/**
 * The testlab's code for an operation's positive case: `KVT` + method + the path segments in upper
 * case run together, a `{…}` segment as `ID` (`GET /enrollments/school/{id}` → KVTGETENROLLMENTSSCHOOLID).
 */
export function kvtBaseCode(operation: Pick<OperationDefinition, 'method' | 'path'>): string {
  const segments = operation.path
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^\{.+\}$/.test(segment) ? 'ID' : segment.replace(/[^A-Za-z0-9]/g, '').toUpperCase()));
  return `KVT${operation.method}${segments.join('')}`;
}

/** `KVTPOSTSTUDENTS` + `school` → KVTPOSTSTUDENTSMISSINGREQUIREDBODYFIELDSCHOOL. */
export const missingBodyFieldCode = (base: string, field: string): string =>
  `${base}MISSINGREQUIREDBODYFIELD${field.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;

/** `KVTGETENROLLMENTSSCHOOLID` + 2001 → KVTGETENROLLMENTSSCHOOLIDBUSINESS2001. */
export const businessCode = (base: string, status: number): string => `${base}BUSINESS${String(status).padStart(4, '0')}`;

/** eduvkit's own cases: `EDUVKIT-<CHECK>-<base>`, or `EDUVKIT-<CHECK>` for a check over the whole run. */
export const eduvkitCode = (check: string, base?: string): string => (base ? `EDUVKIT-${check}-${base}` : `EDUVKIT-${check}`);
