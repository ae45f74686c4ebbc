import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type {
  EntitlementUsage,
  InitialActivation,
  InitialActivationConfirmation,
  OrganisationIdTypeNoVestiging,
  SchoolReferenceNoVestiging,
  UsageTotals,
  UserReference,
} from './generated/models';
import { createUsageMethods } from './generated/client';

export type UsageRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** The school of `GET /usage/school`: its primary id, or a secondary id (no V_ID in the chain APIs). */
export type UsageSchoolSelection = { readonly orgMasterId: string } | { readonly orgId: string; readonly orgIdType: OrganisationIdTypeNoVestiging };

/**
 * One method per operation of the Usage API. The two message methods make a single PUT and return
 * its 202: they neither create reference ids, retry, nor await the confirmation — that is the
 * exchange machinery's job (`@eduvkit/core/exchange`), which builds on the registry.
 */
export interface UsageClient {
  /** `PUT /usage/activation` at the Aanspraakmanager (as Licentieregistratie). */
  reportInitialActivation(activation: InitialActivation, options?: UsageRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /usage/activation/confirmations` at the Licentieregistratie (as Aanspraakmanager). */
  confirmInitialActivation(confirmation: InitialActivationConfirmation, options?: UsageRequestOptions): Promise<EduvResponse<undefined>>;
  /** `GET /usage/entitlements/{id}` at the Licentieregistratie. */
  getForEntitlement(entitlementId: string, options?: UsageRequestOptions): Promise<EduvResponse<EntitlementUsage>>;
  /** `GET /usage/contracts/{id}` at the Licentieregistratie: totals per delivery order. */
  listForContract(contractId: string, options?: UsageRequestOptions): Promise<EduvResponse<UsageTotals[]>>;
  /** `GET /usage/deliveryorders/{id}` at the Licentieregistratie. */
  getForDeliveryOrder(deliveryOrderId: string, options?: UsageRequestOptions): Promise<EduvResponse<UsageTotals>>;
  /** `GET /usage/school` at the Licentieregistratie: totals per delivery order. */
  listForSchool(school: UsageSchoolSelection, options?: UsageRequestOptions): Promise<EduvResponse<UsageTotals[]>>;
  /** `POST /usage/school/user` at the Licentieregistratie: the use of each entitlement of one user. */
  listForUser(school: SchoolReferenceNoVestiging, user: UserReference, options?: UsageRequestOptions): Promise<EduvResponse<EntitlementUsage[]>>;
}

/** Client for every calling role of the Usage API. */
export function createUsageClient(options: ApiClientOptions): UsageClient {
  const methods = createUsageMethods(options);
  return {
    ...methods,
    listForSchool: (school, request = {}) => methods.listForSchool({ ...school }, request),
    listForUser: (school, user, request = {}) => methods.listForUser({ school, user }, request),
  };
}
