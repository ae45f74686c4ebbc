import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { ActivationCodeConfirmation, ActivationCodeRequest, ActivationCodeRevokeConfirmation, ActivationCodeRevokeRequest } from './generated/models';
import { createActivationcodeMethods } from './generated/client';

export type ActivationcodeRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/**
 * One method per operation of the ActivationCode API, each a single PUT returning its 202. It
 * neither creates reference ids, retries, nor awaits the confirmation: `createActivationcodeVerzender` does that.
 */
export interface ActivationcodeClient {
  /** `PUT /activationcodes` at the Licentieregistratie (as Bestelomgeving or Aanspraakmanager). */
  requestCodes(request: ActivationCodeRequest, options?: ActivationcodeRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /activationcodes/confirmations` at the requester (as Licentieregistratie). */
  confirmCodes(confirmation: ActivationCodeConfirmation, options?: ActivationcodeRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /activationcodes/revoke` at the Licentieregistratie. */
  revokeCode(request: ActivationCodeRevokeRequest, options?: ActivationcodeRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /activationcodes/revoke/confirmations` at the requester (as Licentieregistratie). */
  confirmRevoke(confirmation: ActivationCodeRevokeConfirmation, options?: ActivationcodeRequestOptions): Promise<EduvResponse<undefined>>;
}

/** Client for both roles of the ActivationCode API. */
export function createActivationcodeClient(options: ApiClientOptions): ActivationcodeClient {
  return createActivationcodeMethods(options);
}
