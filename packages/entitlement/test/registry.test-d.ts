import { createApiClient, type EduvResponse, type OperationIds } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createEntitlementClient,
  entitlementApi,
  type ChangeLicenseStatus,
  type Entitlement,
  type EntitlementConfirmation,
  type EntitlementOperations,
  type EntitlementRequest,
} from '../src';

const client = createApiClient(entitlementApi, { baseUrl: 'https://aanspraakmanager.example/entitlement-api/v0' });
const school = { organisationMasterIdentifier: '104A158' };

describe('the Entitlement registry is typed from its spec', () => {
  it('has exactly the operation ids of the spec', () => {
    expectTypeOf<OperationIds<typeof entitlementApi>>().toEqualTypeOf<
      | 'sendEntitlement'
      | 'confirmEntitlement'
      | 'changeLicenseStatus'
      | 'confirmLicenseStatusChange'
      | 'getEntitlement'
      | 'listEntitlementsForSchool'
      | 'listEntitlementsForDeliveryOrder'
      | 'listEntitlementsForUser'
    >();
  });

  it('types the bodies of requests and confirmations', () => {
    type BodyOf<K extends keyof EntitlementOperations> = EntitlementOperations[K]['request'] extends { readonly body: infer Body } ? Body : never;
    expectTypeOf<EntitlementRequest>().toExtend<BodyOf<'sendEntitlement'>>();
    expectTypeOf<EntitlementConfirmation>().toExtend<BodyOf<'confirmEntitlement'>>();
    expectTypeOf<ChangeLicenseStatus>().toExtend<BodyOf<'changeLicenseStatus'>>();
    expectTypeOf<EntitlementConfirmation>().not.toExtend<BodyOf<'sendEntitlement'>>();
    expectTypeOf<EntitlementRequest>().not.toExtend<BodyOf<'confirmEntitlement'>>();
    expectTypeOf<EntitlementRequest['entitlementReferenceId']>().toEqualTypeOf<string>();
    expectTypeOf<EntitlementConfirmation['entitlementReceiveId']>().toEqualTypeOf<string>();
    expectTypeOf<EntitlementConfirmation['newEntitlementStatus']>().toEqualTypeOf<'created' | 'entitled' | 'licensed' | 'cancelled' | 'blocked' | undefined>();
  });

  it('answers pushes with no body and queries with entitlements', () => {
    expectTypeOf(client.call('sendEntitlement', { body: {} as EntitlementRequest })).resolves.toEqualTypeOf<EduvResponse<undefined>>();
    expectTypeOf(client.call('listEntitlementsForSchool', { query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<EduvResponse<Entitlement[]>>();
    expectTypeOf(client.call('getEntitlement', { path: { id: 'e1' } })).resolves.toEqualTypeOf<EduvResponse<Entitlement>>();
  });

  it('refuses what the spec does not allow', () => {
    // @ts-expect-error: the chain APIs take no vestiging id
    client.call('listEntitlementsForSchool', { query: { orgId: '09QQ00', orgIdType: 'V_ID' } });
    client.call('confirmEntitlement', {
      // @ts-expect-error: the confirmation's own reference is entitlementReceiveId
      body: { entitlementReferenceId: 'r', responseReferenceId: 'x', entitlementId: 'e', productId: 'p', processedTimestamp: 't' },
    });
    // @ts-expect-error: the user search needs a user
    client.call('listEntitlementsForUser', { body: { school } });
    const facade = createEntitlementClient({ baseUrl: 'https://aanspraakmanager.example/entitlement-api/v0' });
    // @ts-expect-error: filterByOrgId does not exist on the chain APIs
    void facade.listForSchool({ orgId: '09QQ', orgIdType: 'OIE_CODE', filterByOrgId: true });
  });
});
