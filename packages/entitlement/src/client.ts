import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type {
  ChangeLicenseStatus,
  ChangeLicenseStatusConfirmation,
  Entitlement,
  EntitlementConfirmation,
  EntitlementRequest,
  EntitlementStatus,
  OrganisationIdTypeNoVestiging,
  SchoolReferenceNoVestiging,
  UserReference,
} from './generated/models';
import { createEntitlementMethods } from './generated/client';

export type EntitlementRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** The school of `GET /entitlements/school`: its primary id, or a secondary id (no V_ID in the chain APIs). */
export type EntitlementSchoolSelection = { readonly orgMasterId: string } | { readonly orgId: string; readonly orgIdType: OrganisationIdTypeNoVestiging };

export interface EntitlementSchoolFilters {
  readonly deliveryOrderId?: string;
  readonly entitlementStatus?: EntitlementStatus;
}

/**
 * One method per operation of the Entitlement API. The four message methods make a single PUT and
 * return its 202: they neither create reference ids, retry, nor await the confirmation — that is
 * the exchange machinery's job (`@eduvkit/core/exchange`), which builds on the registry.
 */
export interface EntitlementClient {
  /** `PUT /entitlements` at a Licentieregistratie or Leermiddelenportaal (as Aanspraakmanager). */
  sendEntitlement(request: EntitlementRequest, options?: EntitlementRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /entitlements/confirmations` at the Aanspraakmanager (as Licentieregistratie or Leermiddelenportaal). */
  confirmEntitlement(confirmation: EntitlementConfirmation, options?: EntitlementRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /entitlements/changelicensestatus` at a receiver (as Aanspraakmanager). */
  changeLicenseStatus(request: ChangeLicenseStatus, options?: EntitlementRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /entitlements/changelicensestatus/confirmations` at the Aanspraakmanager (as receiver). */
  confirmLicenseStatusChange(confirmation: ChangeLicenseStatusConfirmation, options?: EntitlementRequestOptions): Promise<EduvResponse<undefined>>;
  /** `GET /entitlements/{id}` at the Aanspraakmanager. */
  get(entitlementId: string, options?: EntitlementRequestOptions): Promise<EduvResponse<Entitlement>>;
  /** `GET /entitlements/school` at the Aanspraakmanager. */
  listForSchool(
    school: EntitlementSchoolSelection,
    filters?: EntitlementSchoolFilters,
    options?: EntitlementRequestOptions,
  ): Promise<EduvResponse<Entitlement[]>>;
  /** `GET /entitlements/deliveryorder/{id}` at the Aanspraakmanager. */
  listForDeliveryOrder(deliveryOrderId: string, options?: EntitlementRequestOptions): Promise<EduvResponse<Entitlement[]>>;
  /** `POST /entitlements/school/user` at the Aanspraakmanager: one user's entitlements, optionally of one status. */
  listForUser(
    school: SchoolReferenceNoVestiging,
    user: UserReference,
    filters?: { readonly status?: EntitlementStatus },
    options?: EntitlementRequestOptions,
  ): Promise<EduvResponse<Entitlement[]>>;
}

/** Client for every calling role of the Entitlement API. */
export function createEntitlementClient(options: ApiClientOptions): EntitlementClient {
  const methods = createEntitlementMethods(options);
  return {
    ...methods,
    listForSchool: (school, filters = {}, request = {}) => methods.listForSchool({ ...school, ...filters }, request),
    listForUser: (school, user, filters = {}, request = {}) => methods.listForUser({ ...request, query: filters, body: { school, user } }),
  };
}
