import { z } from 'zod';
import { SEVERITIES } from './types';
import type { CaseStatus } from './types';

/**
 * The contract of `report.json`: scripts parse it, so fields are only ever added in a new major
 * version. `request` and `response` are `null` when the case sent nothing (a skipped case);
 * `body` is left out when there was none. Durations are milliseconds.
 */
const severitySchema = z.enum(SEVERITIES);

const CASE_STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'skipped'];

const headersSchema = z.record(z.string(), z.string());

const requestSchema = z.strictObject({
  method: z.string(),
  url: z.string(),
  headers: headersSchema,
  body: z.unknown().optional(),
});

const responseSchema = z.strictObject({
  status: z.number().int(),
  headers: headersSchema,
  body: z.unknown().optional(),
  durationMs: z.number().nonnegative(),
});

const caseSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  severity: severitySchema,
  status: z.enum(CASE_STATUSES),
  reason: z.string(),
  durationMs: z.number().nonnegative(),
  request: requestSchema.nullable(),
  response: responseSchema.nullable(),
});

export const qualificationReportSchema = z.strictObject({
  api: z.string(),
  role: z.string(),
  apiVersion: z.string(),
  target: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  summary: z.strictObject({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  cases: z.array(caseSchema),
});

/** `report.json` as scripts read it. */
export type QualificationReportJson = z.infer<typeof qualificationReportSchema>;
