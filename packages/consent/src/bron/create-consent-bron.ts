import { EduvStatus, readSchoolSelection, resolveSchool, type ResolvedSchool, type SchoolRecord, type SchoolSelection } from '@eduvkit/core';
import { BronError, createBron, refuseOtherRole, requireBearerToken, type Bron, type BronOptions, type CallerContext } from '@eduvkit/core/server';
import type { ConsentOrganisationIdType } from '../generated/models';
import { consentApi } from '../generated/registry';
import { ConsentOrganisationIdTypeSchema } from '../generated/schemas';
import type { ConsentDataSource } from './data-source';

/** Secondary school id kinds the Consent API accepts: no vestiging id (V_ID). */
export const CONSENT_ORGANISATION_ID_TYPES: readonly ConsentOrganisationIdType[] = ConsentOrganisationIdTypeSchema.options;

/**
 * The side of the exchanges this Consent API serves. A data provider receives requests and
 * confirmations, a data consumer notifications; both receive revokes. `both` (default) serves
 * every endpoint, as the eduvkit mock does.
 */
export type ConsentRole = 'provider' | 'consumer' | 'both';

export interface ConsentBronOptions<S extends SchoolRecord = SchoolRecord> extends Omit<BronOptions<S>, 'schools'> {
  /** Endpoints of the other role answer `405 Method Not Allowed - <role> is provider of this endpoint`. */
  readonly role?: ConsentRole;
}

const PROVIDER_ENDPOINTS = ['sendConsentRequest', 'sendConsentConfirmation'];
const CONSUMER_ENDPOINTS = ['sendConsentNotification'];

function schoolResolver<S extends SchoolRecord>(schools: ConsentDataSource<S>['schools']) {
  if (typeof schools === 'function') return schools;
  return (selection: SchoolSelection): ResolvedSchool<S> | undefined => {
    const result = resolveSchool(selection, schools);
    return result.ok ? result : undefined;
  };
}

function clientIdOf(caller: CallerContext): string {
  // createConsentBron's authenticate wrapper guarantees it; this keeps the handlers honest.
  if (!caller.clientId) throw BronError.unauthenticated('the Consent API answers per client, and the access token names no client id');
  return caller.clientId;
}

/**
 * A complete Consent API bron over a data source: token, scope, input and school checks from the
 * registry, 202 without a body for every accepted message, and every answer limited to the
 * ClientId of the token. `options.authenticate` must yield a `clientId` (the mock server's and
 * `createAccessTokenVerifier`'s do); a caller without one is refused with 401. The default
 * authentication only checks that a bearer token is present, so it names no client: pass your own.
 */
export function createConsentBron<S extends SchoolRecord>(source: ConsentDataSource<S>, options: ConsentBronOptions<S> = {}): Bron {
  const { role = 'both', ...bronOptions } = options;
  const authenticate = bronOptions.authenticate ?? requireBearerToken;
  const resolve = schoolResolver(source.schools);
  const bron = createBron<typeof consentApi, S>(
    consentApi,
    {
      listConsentStatuses: async ({ caller, query }) => [...(await source.statuses(clientIdOf(caller), query))],
      listConsentStatusesForSchool: async ({ caller, query, operation }) => {
        const clientId = clientIdOf(caller);
        const { orgMasterId, orgId, orgIdType, ...filters } = query;
        let school: ResolvedSchool<S> | undefined;
        if (orgMasterId !== undefined || orgId !== undefined || orgIdType !== undefined) {
          const selection = readSchoolSelection({ orgMasterId, orgId, orgIdType }, { idTypes: CONSENT_ORGANISATION_ID_TYPES });
          if (!selection.ok) throw new BronError(selection.error.httpStatus, selection.error.eduvStatus, selection.error.statusMessage);
          school = resolve(selection.selection);
          if (!school) throw BronError.unknownSchool(operation);
        } else if (filters.providerReferenceId === undefined && filters.consumerReferenceId === undefined) {
          throw BronError.schema('give a school (orgMasterId, or orgId + orgIdType) or a reference id (providerReferenceId, consumerReferenceId)');
        }
        const status = await source.statusForSchool(clientId, school, filters);
        if (!status) throw BronError.notFound(EduvStatus.Other, 'no consent of this client matches the school, api or reference ids');
        return status;
      },
      listConsentRequests: async ({ caller, query }) => [...(await source.requests(clientIdOf(caller), query))],
      listConsentConfirmations: async ({ caller, query }) => [...(await source.confirmations(clientIdOf(caller), query))],
      sendConsentRequest: async ({ caller, body, school }) => {
        await source.receiveRequest(clientIdOf(caller), body, school);
        return undefined;
      },
      sendConsentNotification: async ({ caller, body, school }) => {
        await source.receiveNotification(clientIdOf(caller), body, school);
        return undefined;
      },
      sendConsentRevoke: async ({ caller, body, school }) => {
        await source.receiveRevoke(clientIdOf(caller), body, school);
        return undefined;
      },
      sendConsentConfirmation: async ({ caller, body, school }) => {
        await source.receiveConfirmation(clientIdOf(caller), body, school);
        return undefined;
      },
    },
    {
      ...bronOptions,
      schools: source.schools,
      authenticate: async (request, operation) => {
        const caller = await authenticate(request, operation);
        if (!caller.clientId) throw BronError.unauthenticated('the Consent API answers per client, and the access token names no client id');
        return caller;
      },
    },
  );
  if (role === 'provider') return refuseOtherRole(bron, CONSUMER_ENDPOINTS, 'Data Consumer');
  if (role === 'consumer') return refuseOtherRole(bron, PROVIDER_ENDPOINTS, 'Data Provider');
  return bron;
}
