/** The testlab's severity scale for a case (Edu-V testlab "Severity"). */
export type Severity = 'Info' | 'Laag' | 'Middel' | 'Hoog' | 'Kritiek';

export const SEVERITIES: readonly Severity[] = ['Info', 'Laag', 'Middel', 'Hoog', 'Kritiek'];

export type CaseStatus = 'passed' | 'failed' | 'skipped';

/** A request as the kit sent it; secrets (Authorization, assertions, tokens) are already redacted. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A response as the kit saw it; `body` is the parsed JSON, or the text when it was not JSON. */
export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly durationMs: number;
}

export interface CaseResult {
  /** Testlab code (`KVTGETSTUDENTSSCHOOL`) or eduvkit's own (`EDUVKIT-…`). */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: CaseStatus;
  /** Why it passed, failed or was skipped, in one or a few sentences. */
  readonly reason: string;
  readonly request?: RecordedRequest;
  readonly response?: RecordedResponse;
  readonly durationMs: number;
}

export interface ReportSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The whole run; `report.json` is this object. */
export interface QualificationReport {
  /** eduvkit's API name: `students`, `employees`, … */
  readonly api: string;
  /** `bron`, `afnemer`, `ontvanger` or `verzender`. */
  readonly role: string;
  /** The API version the suite was generated for (the spec's `info.version`). */
  readonly apiVersion: string;
  /** The base URL under test. */
  readonly target: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: ReportSummary;
  readonly cases: readonly CaseResult[];
}

export type ReportFormat = 'text' | 'json' | 'junit' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'html'];
