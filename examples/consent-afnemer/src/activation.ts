import { EduvApiError, EduvStatus, type TokenProvider } from '@eduvkit/core';
import { createConsentClient, newConsentReferenceId, type ConsentApi, type ConsentState } from '@eduvkit/consent';
import { createStudentsClient, type Student } from '@eduvkit/students';

export interface ActivationOptions {
  /** The bron's origin, e.g. http://127.0.0.1:4010 (the mock serves the Consent and Students APIs there). */
  readonly bronUrl: string;
  readonly tokenProvider: TokenProvider;
}

export interface Exchange {
  readonly orgMasterId: string;
  readonly api: ConsentApi;
  readonly scopes: readonly string[];
}

/** What an afnemer keeps of its request: the reference it gave it, to recognise the answer by. */
export interface PendingActivation extends Exchange {
  readonly consumerReferenceId: string;
}

const clients = (options: ActivationOptions) => ({
  consent: createConsentClient({ baseUrl: `${options.bronUrl}/consent-api/v0`, tokenProvider: options.tokenProvider, validation: 'strict' }),
  students: createStudentsClient({ baseUrl: `${options.bronUrl}/students-api/v1`, tokenProvider: options.tokenProvider, validation: 'strict', retry: false }),
});

/** Step 1: `PUT /consent/requests`. The school's application manager sees it as "requested". */
export async function requestActivation(exchange: Exchange, options: ActivationOptions): Promise<PendingActivation> {
  const consumerReferenceId = newConsentReferenceId();
  await clients(options).consent.sendRequest({
    consumerReferenceId,
    school: { organisationMasterIdentifier: exchange.orgMasterId },
    api: exchange.api,
    scopes: [...exchange.scopes],
  });
  return { ...exchange, consumerReferenceId };
}

/** Step 2: where the school stands on it (`GET /consent/statuses/school`): requested, granted, … */
export async function providerStatus(pending: PendingActivation, options: ActivationOptions): Promise<ConsentState | undefined> {
  const { data } = await clients(options).consent.statusForSchool(
    { orgMasterId: pending.orgMasterId },
    { api: pending.api, consumerReferenceId: pending.consumerReferenceId },
  );
  return data.providerStatus;
}

/** Until the school activates the exchange its bron refuses with 403 / 0022; this says which it is. */
export async function readStudents(orgMasterId: string, options: ActivationOptions): Promise<{ activated: false } | { activated: true; students: Student[] }> {
  try {
    const { data } = await clients(options).students.listForSchool({ orgMasterId });
    return { activated: true, students: data };
  } catch (error) {
    if (error instanceof EduvApiError && error.eduvStatus === EduvStatus.ConsentRequired) return { activated: false };
    throw error;
  }
}

/** Step 3: poll the status (not the data API) until the school granted the request, then read. */
export async function waitForActivation(
  pending: PendingActivation,
  options: ActivationOptions & { readonly intervalMs?: number; readonly signal?: AbortSignal },
): Promise<Student[]> {
  for (;;) {
    options.signal?.throwIfAborted();
    if ((await providerStatus(pending, options)) === 'granted') {
      const read = await readStudents(pending.orgMasterId, options);
      if (read.activated) return read.students;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 2_000));
  }
}
