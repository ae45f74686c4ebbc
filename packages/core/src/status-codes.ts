/** Functional Edu-V status codes (Status- en foutcodes v0.0.4) by name. */
export const EduvStatus = {
  Ok: 0,
  Created: 1,
  Accepted: 2,
  SchemaIncorrect: 11,
  SchemaVersionNotSupported: 12,
  ScopeRequired: 21,
  ConsentRequired: 22,
  EduOrgIdUnknown: 23,
  Other: 99,
  ProviderReferenceIdUnknown: 1001,
  ProviderReferenceIdAlreadyUsed: 1002,
  ConsumerReferenceIdUnknown: 1003,
  ConsumerReferenceIdAlreadyUsed: 1004,
  SchoolUnknown: 2001,
  StudyOfferingUnknown: 2003,
  SchoolPeriodUnknown: 2008,
} as const;

export type EduvStatusName = keyof typeof EduvStatus;
export type EduvStatusCode = (typeof EduvStatus)[EduvStatusName];

export type StatusCodeCategory = 'general' | 'consent' | 'administration';

export interface StatusCodeDefinition {
  readonly code: EduvStatusCode;
  /** Zero-padded form used by the Edu-V code table and in logs: `0011`. */
  readonly display: string;
  readonly httpStatus: number;
  /**
   * True when Edu-V publishes no HTTP status for the code (10xx, 20xx) and `httpStatus` is
   * eduvkit's choice.
   */
  readonly httpStatusAssumed: boolean;
  readonly message: string;
  readonly category: StatusCodeCategory;
}

function define(code: EduvStatusCode, httpStatus: number, message: string, category: StatusCodeCategory, httpStatusAssumed = false): StatusCodeDefinition {
  return { code, display: formatStatusCode(code), httpStatus, httpStatusAssumed, message, category };
}

export const STATUS_CODES: readonly StatusCodeDefinition[] = [
  define(EduvStatus.Ok, 200, 'OK', 'general'),
  define(EduvStatus.Created, 201, 'Created', 'general'),
  define(EduvStatus.Accepted, 202, 'Accepted', 'general'),
  define(EduvStatus.SchemaIncorrect, 400, 'Schema incorrect', 'general'),
  define(EduvStatus.SchemaVersionNotSupported, 400, 'schemaVersion not supported', 'general'),
  define(EduvStatus.ScopeRequired, 401, 'scope required', 'general'),
  define(EduvStatus.ConsentRequired, 403, 'consent required', 'general'),
  define(EduvStatus.EduOrgIdUnknown, 400, 'edu_org_id unknown', 'general'),
  // Edu-V says the message of 0099 is free text giving the reason; this is the fallback.
  define(EduvStatus.Other, 400, 'other', 'general'),
  define(EduvStatus.ProviderReferenceIdUnknown, 400, 'providerReferenceId unknown', 'consent', true),
  define(EduvStatus.ProviderReferenceIdAlreadyUsed, 400, 'providerReferenceId already used', 'consent', true),
  define(EduvStatus.ConsumerReferenceIdUnknown, 400, 'consumerReferenceId unknown', 'consent', true),
  define(EduvStatus.ConsumerReferenceIdAlreadyUsed, 400, 'consumerReferenceId already used', 'consent', true),
  define(EduvStatus.SchoolUnknown, 400, 'School unknown', 'administration', true),
  define(EduvStatus.StudyOfferingUnknown, 400, 'StudyOffering unknown', 'administration', true),
  define(EduvStatus.SchoolPeriodUnknown, 400, 'SchoolPeriod unknown', 'administration', true),
];

const definitionsByCode = new Map<number, StatusCodeDefinition>(STATUS_CODES.map((entry) => [entry.code, entry]));

export function statusCodeDefinition(code: number): StatusCodeDefinition | undefined {
  return definitionsByCode.get(code);
}

function isStatusCodeNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 9999;
}

/** `11` → `'0011'`. Throws a RangeError for anything that is not an integer 0-9999. */
export function formatStatusCode(code: number): string {
  if (!isStatusCodeNumber(code)) {
    throw new RangeError(`Edu-V status code must be an integer from 0 to 9999, got ${String(code)}`);
  }
  return String(code).padStart(4, '0');
}

/**
 * Reads a status code in either wire form: the integer the OpenAPI prescribes (`11`) or the
 * zero-padded string of the code table (`"0011"`, also `"11"`). Undefined when it is neither.
 */
export function parseStatusCode(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return isStatusCodeNumber(value) ? value : undefined;
  }
  if (typeof value === 'string' && /^\d{1,4}$/.test(value.trim())) {
    return Number.parseInt(value.trim(), 10);
  }
  return undefined;
}

/** An Edu-V failure as a server sends it: HTTP status plus StatusResponse body fields. */
export interface StatusFailure {
  readonly httpStatus: number;
  readonly eduvStatus: number;
  readonly statusMessage: string;
}

/**
 * Builds a failure from the code table; `detail` is appended to the standard message
 * (`Schema incorrect: orgIdType is required with orgId`).
 */
export function statusFailure(code: EduvStatusCode, detail?: string): StatusFailure {
  const definition = definitionsByCode.get(code);
  if (definition === undefined) {
    throw new RangeError(`Unknown Edu-V status code ${String(code)}`);
  }
  return {
    httpStatus: definition.httpStatus,
    eduvStatus: definition.code,
    statusMessage: detail ? `${definition.message}: ${detail}` : definition.message,
  };
}
