import { EduvConfigError } from './errors';
import type { Sector } from './identifiers';
import { EduvStatus, statusFailure, type StatusFailure } from './status-codes';

export const ORGANISATION_ID_TYPES = ['OIE_CODE', 'BP_ID', 'DD_ID', 'AS_ID', 'V_ID'] as const;
export type OrganisationIdType = (typeof ORGANISATION_ID_TYPES)[number];

export function isOrganisationIdType(value: unknown): value is OrganisationIdType {
  return typeof value === 'string' && (ORGANISATION_ID_TYPES as readonly string[]).includes(value);
}

/** The school by its primary id (OnderwijsaanbiederId). `filterByOrgId` may only be absent or false. */
export interface SchoolByMasterId {
  readonly orgMasterId: string;
  readonly filterByOrgId?: false;
}

/** The school by a secondary id; `filterByOrgId: true` limits results to the unit that id names. */
export interface SchoolByOrgId {
  readonly orgId: string;
  readonly orgIdType: OrganisationIdType;
  readonly filterByOrgId?: boolean;
}

/** Which school a request acts for (the `…/school` query parameters). */
export type SchoolSelection = SchoolByMasterId | SchoolByOrgId;

export interface SchoolQuery {
  orgMasterId?: string;
  orgId?: string;
  orgIdType?: OrganisationIdType;
  filterByOrgId?: boolean;
}

export interface OrganisationId {
  readonly organisationId: string;
  readonly organisationIdType: OrganisationIdType;
}

/** SchoolReference (OrganisationReference) body object: either the primary id or secondary ids. */
export type SchoolReference = { readonly organisationMasterIdentifier: string } | { readonly organisationIds: readonly OrganisationId[] };

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function checkedSelection(selection: SchoolSelection): SchoolSelection {
  const raw = selection as Partial<SchoolByMasterId & SchoolByOrgId>;
  if (raw.orgMasterId !== undefined) {
    if (raw.orgId !== undefined || raw.orgIdType !== undefined) {
      throw new EduvConfigError('School selection: use either orgMasterId or orgId + orgIdType, not both');
    }
    if (isBlank(raw.orgMasterId)) {
      throw new EduvConfigError('School selection: orgMasterId must be a non-empty string');
    }
    if (raw.filterByOrgId !== undefined && raw.filterByOrgId !== false) {
      throw new EduvConfigError('School selection: filterByOrgId can only be used with orgId + orgIdType');
    }
    return { orgMasterId: raw.orgMasterId };
  }
  if (raw.orgId === undefined && raw.orgIdType === undefined) {
    throw new EduvConfigError('School selection: give orgMasterId, or orgId + orgIdType');
  }
  if (isBlank(raw.orgId)) {
    throw new EduvConfigError('School selection: orgId must be a non-empty string');
  }
  if (!isOrganisationIdType(raw.orgIdType)) {
    throw new EduvConfigError(`School selection: orgIdType must be one of ${ORGANISATION_ID_TYPES.join(', ')}`);
  }
  if (raw.filterByOrgId !== undefined && typeof raw.filterByOrgId !== 'boolean') {
    throw new EduvConfigError('School selection: filterByOrgId must be a boolean');
  }
  return raw.filterByOrgId === undefined
    ? { orgId: raw.orgId as string, orgIdType: raw.orgIdType }
    : { orgId: raw.orgId as string, orgIdType: raw.orgIdType, filterByOrgId: raw.filterByOrgId };
}

/** Query parameters for a `…/school` endpoint. Throws EduvConfigError on an invalid selection. */
export function schoolQuery(selection: SchoolSelection): SchoolQuery {
  const checked = checkedSelection(selection);
  if ('orgMasterId' in checked) {
    return { orgMasterId: checked.orgMasterId };
  }
  const query: SchoolQuery = { orgId: checked.orgId, orgIdType: checked.orgIdType };
  if (checked.filterByOrgId !== undefined) {
    query.filterByOrgId = checked.filterByOrgId;
  }
  return query;
}

/**
 * SchoolReference body object for operations that take the school in the body. A SchoolReference
 * cannot express `filterByOrgId`, so it is dropped: the server applies its sector default.
 */
export function schoolReference(selection: SchoolSelection): SchoolReference {
  const checked = checkedSelection(selection);
  if ('orgMasterId' in checked) {
    return { organisationMasterIdentifier: checked.orgMasterId };
  }
  return { organisationIds: [{ organisationId: checked.orgId, organisationIdType: checked.orgIdType }] };
}

// --- server side ----------------------------------------------------------------------------

export type SelectionResult =
  { readonly ok: true; readonly selection: SchoolSelection } | { readonly ok: false; readonly error: StatusFailure & { readonly field: string } };

function schemaError(field: string, detail: string): SelectionResult {
  return { ok: false, error: { ...statusFailure(EduvStatus.SchemaIncorrect, `${field} ${detail}`), field } };
}

export interface RawSchoolQuery {
  readonly orgMasterId?: unknown;
  readonly orgId?: unknown;
  readonly orgIdType?: unknown;
  readonly filterByOrgId?: unknown;
}

export interface ReadSelectionOptions {
  /** The id types the API's schema allows; V_ID is missing from several APIs. Default: all. */
  readonly idTypes?: readonly OrganisationIdType[];
}

function readBoolean(value: unknown): boolean | undefined | 'invalid' {
  if (value === undefined || typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return 'invalid';
}

/**
 * Reads the school selection parameters of a `…/school` request. Exactly one of orgMasterId or
 * orgId + orgIdType; filterByOrgId only with orgId (false is tolerated with orgMasterId).
 * Failures are 400 / 0011 naming the offending field.
 */
export function readSchoolSelection(query: RawSchoolQuery, options: ReadSelectionOptions = {}): SelectionResult {
  const idTypes = options.idTypes ?? ORGANISATION_ID_TYPES;
  const { orgMasterId, orgId, orgIdType } = query;
  const filterByOrgId = readBoolean(query.filterByOrgId);
  if (filterByOrgId === 'invalid') {
    return schemaError('filterByOrgId', 'must be true or false');
  }
  for (const [field, value] of Object.entries({ orgMasterId, orgId, orgIdType })) {
    if (value !== undefined && typeof value !== 'string') {
      return schemaError(field, 'must be a single string');
    }
  }

  if (orgMasterId !== undefined) {
    if (orgId !== undefined || orgIdType !== undefined) {
      return schemaError('orgMasterId', 'cannot be combined with orgId/orgIdType');
    }
    if (filterByOrgId === true) {
      return schemaError('filterByOrgId', 'must be absent or false when orgMasterId is used');
    }
    if (isBlank(orgMasterId)) {
      return schemaError('orgMasterId', 'must not be empty');
    }
    return { ok: true, selection: { orgMasterId: orgMasterId as string } };
  }

  if (orgId === undefined && orgIdType === undefined) {
    return filterByOrgId === undefined
      ? schemaError('orgMasterId', 'or orgId + orgIdType is required')
      : schemaError('filterByOrgId', 'requires orgId and orgIdType');
  }
  if (orgIdType === undefined) {
    return schemaError('orgIdType', 'is required with orgId');
  }
  if (orgId === undefined) {
    return schemaError('orgId', 'is required with orgIdType');
  }
  if (!isOrganisationIdType(orgIdType) || !idTypes.includes(orgIdType)) {
    return schemaError('orgIdType', `must be one of ${idTypes.join(', ')}`);
  }
  if (isBlank(orgId)) {
    return schemaError('orgId', 'must not be empty');
  }
  const selection: SchoolByOrgId = filterByOrgId === undefined ? { orgId: orgId as string, orgIdType } : { orgId: orgId as string, orgIdType, filterByOrgId };
  return { ok: true, selection };
}

/**
 * Reads a SchoolReference from a request body (`school` in POST search bodies). With several
 * organisationIds the first is used. Failures are 400 / 0011 naming the field under `field`.
 */
export function selectionFromSchoolReference(reference: unknown, options: ReadSelectionOptions & { readonly field?: string } = {}): SelectionResult {
  const field = options.field ?? 'school';
  const idTypes = options.idTypes ?? ORGANISATION_ID_TYPES;
  if (reference === null || typeof reference !== 'object' || Array.isArray(reference)) {
    return schemaError(field, 'must be an object');
  }
  const { organisationMasterIdentifier: masterId, organisationIds: ids } = reference as Record<string, unknown>;
  if (masterId !== undefined && ids !== undefined) {
    return schemaError(field, 'must have either organisationMasterIdentifier or organisationIds, not both');
  }
  if (masterId !== undefined) {
    return isBlank(masterId)
      ? schemaError(`${field}.organisationMasterIdentifier`, 'must be a non-empty string')
      : { ok: true, selection: { orgMasterId: masterId as string } };
  }
  if (ids === undefined) {
    return schemaError(field, 'requires organisationMasterIdentifier or organisationIds');
  }
  if (!Array.isArray(ids) || ids.length === 0) {
    return schemaError(`${field}.organisationIds`, 'must be a non-empty array');
  }
  const first: unknown = ids[0];
  const entry = (first !== null && typeof first === 'object' ? first : {}) as Record<string, unknown>;
  if (isBlank(entry.organisationId)) {
    return schemaError(`${field}.organisationIds[0].organisationId`, 'must be a non-empty string');
  }
  if (!isOrganisationIdType(entry.organisationIdType) || !idTypes.includes(entry.organisationIdType)) {
    return schemaError(`${field}.organisationIds[0].organisationIdType`, `must be one of ${idTypes.join(', ')}`);
  }
  return {
    ok: true,
    selection: { orgId: entry.organisationId as string, orgIdType: entry.organisationIdType },
  };
}

export interface SchoolIdRecord {
  readonly id: string;
  readonly type: OrganisationIdType;
  /** The vestiging/unit this id names, if it names one rather than the whole school. */
  readonly unit?: string;
}

export interface SchoolRecord {
  readonly orgMasterId: string;
  readonly name: string;
  readonly sector: Sector;
  readonly ids: readonly SchoolIdRecord[];
}

export interface ResolvedSchool<S extends SchoolRecord = SchoolRecord> {
  readonly school: S;
  /** Set when results must be limited to one unit: effective filterByOrgId and the id names a unit. */
  readonly unit?: string;
  /** Effective filterByOrgId: as requested, else PO → true, VO → false; always false for orgMasterId. */
  readonly filterByOrgId: boolean;
}

export type ResolveSchoolResult<S extends SchoolRecord = SchoolRecord> =
  ({ readonly ok: true } & ResolvedSchool<S>) | { readonly ok: false; readonly error: StatusFailure };

/** Finds the school a selection names in a directory; unknown schools are 400 / 0023. */
export function resolveSchool<S extends SchoolRecord>(selection: SchoolSelection, directory: readonly S[]): ResolveSchoolResult<S> {
  if ('orgMasterId' in selection) {
    const school = directory.find((candidate) => candidate.orgMasterId === selection.orgMasterId);
    return school ? { ok: true, school, filterByOrgId: false } : unknownSchool();
  }
  for (const school of directory) {
    const idRecord = school.ids.find((id) => id.id === selection.orgId && id.type === selection.orgIdType);
    if (idRecord === undefined) {
      continue;
    }
    const filterByOrgId = selection.filterByOrgId ?? school.sector === 'po';
    // A V_ID is a vestiging id, so it names a unit even when the directory does not say which.
    const unit = idRecord.unit ?? (idRecord.type === 'V_ID' ? idRecord.id : undefined);
    return filterByOrgId && unit !== undefined ? { ok: true, school, unit, filterByOrgId } : { ok: true, school, filterByOrgId };
  }
  return unknownSchool();
}

function unknownSchool(): { ok: false; error: StatusFailure } {
  return { ok: false, error: statusFailure(EduvStatus.EduOrgIdUnknown) };
}
