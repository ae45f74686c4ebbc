import { EduvStatus, statusFailure } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';

/** The Consent API's own status codes (Status- en foutcodes, category 10xx). */
export const ConsentStatusCode = {
  ProviderReferenceIdUnknown: EduvStatus.ProviderReferenceIdUnknown,
  ProviderReferenceIdAlreadyUsed: EduvStatus.ProviderReferenceIdAlreadyUsed,
  ConsumerReferenceIdUnknown: EduvStatus.ConsumerReferenceIdUnknown,
  ConsumerReferenceIdAlreadyUsed: EduvStatus.ConsumerReferenceIdAlreadyUsed,
} as const;

export type ConsentStatusCode = (typeof ConsentStatusCode)[keyof typeof ConsentStatusCode];

/**
 * Refuses a consent message on receipt: HTTP 400 with the 10xx code and its Edu-V message, the
 * detail appended (`consumerReferenceId already used: ...`). Edu-V carries these codes in
 * confirmation messages; eduvkit answers them at once when the check is possible on receipt.
 */
export function consentRefusal(code: ConsentStatusCode, detail: string): BronError {
  const failure = statusFailure(code, detail);
  return new BronError(failure.httpStatus, failure.eduvStatus, failure.statusMessage);
}

/** Any other conflict with the registration: 400 / 0099 with the reason. */
export function consentConflict(detail: string): BronError {
  return BronError.business(EduvStatus.Other, detail);
}
