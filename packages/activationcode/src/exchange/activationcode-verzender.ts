import { createVerzender, type ExchangeConfirmation, type SentHandle, type Verzender, type VerzenderOptions } from '@eduvkit/core/exchange';
import type { ActivationCodeConfirmation, ActivationCodeRequest, ActivationCodeRevokeConfirmation, ActivationCodeRevokeRequest } from '../generated/models';
import { activationcodeApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A request as `send` takes it: the reference id is generated unless given. */
export type ActivationcodeToSend<T> = Without<T, 'requestReferenceId'> & { readonly requestReferenceId?: string };

/** A SentHandle whose confirmation body has the confirmation operation's type. */
export interface ActivationcodeSentHandle<C> extends Omit<SentHandle, 'confirmation'> {
  readonly confirmation: Promise<ExchangeConfirmation & { readonly body: C }>;
}

export type ActivationcodeVerzenderOptions = Omit<VerzenderOptions<typeof activationcodeApi>, 'registry' | 'operations' | 'handlers'>;

/** The requester of codes (Bestelomgeving or Aanspraakmanager): requests sent, their confirmations received (as a Bron). */
export interface ActivationcodeVerzender extends Verzender {
  requestCodes(request: ActivationcodeToSend<ActivationCodeRequest>): Promise<ActivationcodeSentHandle<ActivationCodeConfirmation>>;
  revokeCode(request: ActivationcodeToSend<ActivationCodeRevokeRequest>): Promise<ActivationcodeSentHandle<ActivationCodeRevokeConfirmation>>;
}

/** `createVerzender` for the ActivationCode API, typed by operation. */
export function createActivationcodeVerzender(options: ActivationcodeVerzenderOptions): ActivationcodeVerzender {
  const verzender = createVerzender({ ...options, registry: activationcodeApi });
  return {
    ...verzender,
    requestCodes: (request) => verzender.send('requestActivationCodes', request) as Promise<ActivationcodeSentHandle<ActivationCodeConfirmation>>,
    revokeCode: (request) => verzender.send('revokeActivationCode', request) as Promise<ActivationcodeSentHandle<ActivationCodeRevokeConfirmation>>,
  };
}
