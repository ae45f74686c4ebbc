import { randomUUID } from 'node:crypto';
import { CONSENTED_CLIENT } from './mock-target';

/**
 * Consent's PUT exchanges depend on what both sides hold, so a run needs bodies that fit the
 * bron's state, as the testlab takes them from each participant's test data. For the mock, at one
 * school: a request for an API nobody asked yet, a notification for another API the mock does not
 * provide, a revoke of a consent the client provides (announced here first), and the confirmation of
 * a consent the school granted.
 */
export async function consentTestData(consentBaseUrl: string, token: string, school: string): Promise<Record<string, unknown>> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ref = { organisationMasterIdentifier: school };
  const announced = randomUUID();
  // The mock provides usage-api too (the chain), and the demo Bestelomgeving starts activated for it:
  // the school withdraws that first, so the client can announce a consent it provides itself.
  const withdrawn = await fetch(`${new URL(consentBaseUrl).origin}/_admin/consents`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: CONSENTED_CLIENT, orgMasterId: school, api: 'usage-api', active: false }),
  });
  if (withdrawn.status !== 200) throw new Error(`consent test data: withdrawing usage-api got HTTP ${withdrawn.status}`);
  const put = await fetch(`${consentBaseUrl}/consent/notifications`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ providerReferenceId: announced, school: ref, api: 'usage-api', scopes: [] }),
  });
  if (put.status !== 202) throw new Error(`consent test data: the announcement got HTTP ${put.status}`);
  const answer = await fetch(`${consentBaseUrl}/consent/statuses`, { headers });
  if (answer.status !== 200) throw new Error(`consent test data: GET /consent/statuses got HTTP ${answer.status}: ${await answer.text()}`);
  const statuses = (await answer.json()) as {
    providerReferenceId: string;
    consumerReferenceId?: string;
    school: { organisationMasterIdentifier?: string };
    api: string;
    scopes: string[];
  }[];
  const atSchool = (api: string) => statuses.find((status) => status.school.organisationMasterIdentifier === school && status.api === api);
  const provided = atSchool('usage-api');
  const granted = statuses.find((status) => status.school.organisationMasterIdentifier === school && status.providerReferenceId && status.api !== 'usage-api');
  if (!provided?.consumerReferenceId || !granted) throw new Error('consent test data: the mock holds no consent to revoke or confirm');
  return {
    'body.KVTPUTCONSENTREQUESTS': { consumerReferenceId: randomUUID(), school: ref, api: 'results-api', scopes: [] },
    'body.KVTPUTCONSENTNOTIFICATIONS': { providerReferenceId: randomUUID(), school: ref, api: 'progress-api', scopes: [] },
    'body.KVTPUTCONSENTREVOKES': {
      providerReferenceId: announced,
      consumerReferenceId: provided.consumerReferenceId,
      school: ref,
      api: 'usage-api',
      scopes: [],
      providerStatus: 'revoked',
    },
    'body.KVTPUTCONSENTCONFIRMATIONS': {
      providerReferenceId: granted.providerReferenceId,
      // A consent the school granted without a request gets its consumer-side id with the confirmation.
      consumerReferenceId: granted.consumerReferenceId ?? randomUUID(),
      school: ref,
      api: granted.api,
      scopes: granted.scopes,
      consumerStatus: 'confirmed',
    },
  };
}
