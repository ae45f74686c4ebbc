import { EduvConfigError, schoolQuery, type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type {
  ConsentApi,
  ConsentConfirmation,
  ConsentNotification,
  ConsentOrganisationIdType,
  ConsentRequest,
  ConsentRevoke,
  ConsentStatus,
} from './generated/models';
import { createConsentMethods } from './generated/client';
import { ConsentOrganisationIdTypeSchema } from './generated/schemas';

export type ConsentRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** The school of a status query: its primary id, or a secondary id (no V_ID in the Consent API). */
export type ConsentSchoolSelection = { readonly orgMasterId: string } | { readonly orgId: string; readonly orgIdType: ConsentOrganisationIdType };

/** Filters of the list operations. `since` as a Date is sent as its UTC ISO string. */
export interface ConsentListQuery {
  readonly api?: ConsentApi;
  readonly since?: string | Date;
}

export interface ConsentSchoolQuery extends ConsentListQuery {
  readonly providerReferenceId?: string;
  readonly consumerReferenceId?: string;
}

export interface ConsentClient {
  /** `GET /consent/statuses`: every consent registered for this client. */
  listStatuses(filters?: ConsentListQuery, options?: ConsentRequestOptions): Promise<EduvResponse<ConsentStatus[]>>;
  /**
   * `GET /consent/statuses/school`: this client's consents at one school, or (school undefined) the
   * consent with the given reference id(s).
   */
  statusForSchool(
    school: ConsentSchoolSelection | undefined,
    filters?: ConsentSchoolQuery,
    options?: ConsentRequestOptions,
  ): Promise<EduvResponse<ConsentStatus>>;
  /** `GET /consent/requests`: consent requests on record between this client and the Consent API. */
  listRequests(filters?: ConsentListQuery, options?: ConsentRequestOptions): Promise<EduvResponse<ConsentRequest[]>>;
  /** `GET /consent/confirmations`: confirmations on record between this client and the Consent API. */
  listConfirmations(filters?: ConsentListQuery, options?: ConsentRequestOptions): Promise<EduvResponse<ConsentConfirmation[]>>;
  /** `PUT /consent/requests`: ask the data provider for consent; 202 without a body. */
  sendRequest(request: ConsentRequest, options?: ConsentRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /consent/notifications`: tell the data consumer about a registered consent. */
  sendNotification(notification: ConsentNotification, options?: ConsentRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /consent/revokes`: withdraw a consent. */
  sendRevoke(revoke: ConsentRevoke, options?: ConsentRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /consent/confirmations`: confirm (or reject) a granted consent. */
  sendConfirmation(confirmation: ConsentConfirmation, options?: ConsentRequestOptions): Promise<EduvResponse<undefined>>;
}

/** A fresh reference id for a consent message (a UUID, as eduvkit's Consent API expects). */
export function newConsentReferenceId(): string {
  return globalThis.crypto.randomUUID();
}

/** The filters as the spec's query types them: `since` as an ISO string. */
type WireListQuery = Omit<ConsentSchoolQuery, 'since'> & { readonly since?: string };

function listQuery(filters: ConsentSchoolQuery): WireListQuery {
  const { since, ...rest } = filters;
  return { ...rest, ...(since === undefined ? {} : { since: since instanceof Date ? since.toISOString() : since }) };
}

function consentSchoolQuery(school: ConsentSchoolSelection): { orgMasterId?: string; orgId?: string; orgIdType?: ConsentOrganisationIdType } {
  if ('orgIdType' in school && !ConsentOrganisationIdTypeSchema.safeParse(school.orgIdType).success) {
    throw new EduvConfigError(`School selection: the Consent API accepts orgIdType ${ConsentOrganisationIdTypeSchema.options.join(', ')}`);
  }
  // schoolQuery checks the selection (one of the two forms, no empty ids); the Consent API has no filterByOrgId.
  const { filterByOrgId: _ignored, orgIdType, ...query } = schoolQuery(school);
  return orgIdType === undefined ? query : { ...query, orgIdType: ConsentOrganisationIdTypeSchema.parse(orgIdType) };
}

/** Client for the Consent API: a supplier's Consentmanagement, dashboard or consuming component. */
export function createConsentClient(options: ApiClientOptions): ConsentClient {
  const methods = createConsentMethods(options);
  return {
    ...methods,
    listStatuses: (filters = {}, request = {}) => methods.listStatuses(listQuery(filters), request),
    statusForSchool: (school, filters = {}, request = {}) =>
      methods.statusForSchool({ ...(school ? consentSchoolQuery(school) : {}), ...listQuery(filters) }, request),
    listRequests: (filters = {}, request = {}) => methods.listRequests(listQuery(filters), request),
    listConfirmations: (filters = {}, request = {}) => methods.listConfirmations(listQuery(filters), request),
  };
}
