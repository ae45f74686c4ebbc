import { redactReport } from './redact';
import type { QualificationReportJson } from './json-schema';
import type { CaseResult, QualificationReport, RecordedRequest, RecordedResponse } from './types';

/** `report.json`: the report as described by `qualificationReportSchema`, pretty-printed. */
export function renderJsonReport(report: QualificationReport): string {
  return `${JSON.stringify(toJsonReport(redactReport(report)), null, 2)}\n`;
}

// Built field by field so the key order is fixed and nothing outside the contract leaks in.
function toJsonReport(report: QualificationReport): QualificationReportJson {
  return {
    api: report.api,
    role: report.role,
    apiVersion: report.apiVersion,
    target: report.target,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    summary: { passed: report.summary.passed, failed: report.summary.failed, skipped: report.summary.skipped },
    cases: report.cases.map(toJsonCase),
  };
}

function toJsonCase(result: CaseResult): QualificationReportJson['cases'][number] {
  return {
    id: result.id,
    title: result.title,
    severity: result.severity,
    status: result.status,
    reason: result.reason,
    durationMs: result.durationMs,
    request: result.request ? toJsonRequest(result.request) : null,
    response: result.response ? toJsonResponse(result.response) : null,
  };
}

function toJsonRequest(request: RecordedRequest): NonNullable<QualificationReportJson['cases'][number]['request']> {
  return {
    method: request.method,
    url: request.url,
    headers: { ...request.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

function toJsonResponse(response: RecordedResponse): NonNullable<QualificationReportJson['cases'][number]['response']> {
  return {
    status: response.status,
    headers: { ...response.headers },
    ...(response.body !== undefined ? { body: response.body } : {}),
    durationMs: response.durationMs,
  };
}
