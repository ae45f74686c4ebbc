import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type {
  DeliveryOrder,
  DeliveryOrderConfirmation,
  DeliveryOrderRequest,
  DeliveryOrderStatus,
  DeliveryType,
  OrganisationIdTypeNoVestiging,
  SchoolReferenceNoVestiging,
  UserReference,
} from './generated/models';
import { createDeliveryMethods } from './generated/client';

export type DeliveryRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** The school of `GET /deliveryorders/school`: its primary id, or a secondary id (no V_ID in the chain APIs). */
export type DeliverySchoolSelection = { readonly orgMasterId: string } | { readonly orgId: string; readonly orgIdType: OrganisationIdTypeNoVestiging };

export interface DeliveryOrderFilters {
  readonly status?: DeliveryOrderStatus;
  readonly deliveryType?: DeliveryType;
}

/**
 * One method per operation of the Delivery API. The two message methods make a single PUT and
 * return its 202; `createDeliveryVerzender` adds reference ids, retries and the confirmation.
 */
export interface DeliveryClient {
  /** `PUT /deliveryorders` at the Aanspraakmanager (as Bestelomgeving). */
  sendDeliveryOrder(request: DeliveryOrderRequest, options?: DeliveryRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /deliveryorders/confirmations` at the Bestelomgeving (as Aanspraakmanager). */
  confirmDeliveryOrder(confirmation: DeliveryOrderConfirmation, options?: DeliveryRequestOptions): Promise<EduvResponse<undefined>>;
  /** `GET /deliveryorders/{id}` at the Bestelomgeving. */
  get(deliveryOrderId: string, options?: DeliveryRequestOptions): Promise<EduvResponse<DeliveryOrder>>;
  /** `GET /deliveryorders/school` at the Bestelomgeving. */
  listForSchool(school: DeliverySchoolSelection, filters?: DeliveryOrderFilters, options?: DeliveryRequestOptions): Promise<EduvResponse<DeliveryOrder[]>>;
  /** `POST /deliveryorders/school/user` at the Bestelomgeving: the delivery orders of one user. */
  listForUser(
    school: SchoolReferenceNoVestiging,
    user: UserReference,
    filters?: { readonly status?: DeliveryOrderStatus },
    options?: DeliveryRequestOptions,
  ): Promise<EduvResponse<DeliveryOrder[]>>;
}

/** Client for every calling role of the Delivery API. */
export function createDeliveryClient(options: ApiClientOptions): DeliveryClient {
  const methods = createDeliveryMethods(options);
  return {
    ...methods,
    listForSchool: (school, filters = {}, request = {}) => methods.listForSchool({ ...school, ...filters }, request),
    listForUser: (school, user, filters = {}, request = {}) => methods.listForUser({ ...request, query: filters, body: { school, user } }),
  };
}
