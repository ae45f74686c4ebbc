import { createApiClient, type EduvResponse, type OperationIds } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createUsageClient,
  usageApi,
  type EntitlementUsage,
  type InitialActivation,
  type InitialActivationConfirmation,
  type UsageOperations,
  type UsageTotals,
} from '../src';

const client = createApiClient(usageApi, { baseUrl: 'https://licentieregistratie.example/usage-api/v1' });
type BodyOf<K extends keyof UsageOperations> = UsageOperations[K]['request'] extends { readonly body: infer Body } ? Body : never;

describe('the Usage registry is typed from its spec', () => {
  it('has exactly the operation ids of the spec', () => {
    expectTypeOf<OperationIds<typeof usageApi>>().toEqualTypeOf<
      | 'reportInitialActivation'
      | 'confirmInitialActivation'
      | 'getEntitlementUsage'
      | 'listContractUsage'
      | 'getDeliveryOrderUsage'
      | 'listSchoolUsage'
      | 'listUserUsage'
    >();
  });

  it('types the InitialActivation and its confirmation, and keeps them apart', () => {
    expectTypeOf<InitialActivation>().toExtend<BodyOf<'reportInitialActivation'>>();
    expectTypeOf<InitialActivationConfirmation>().toExtend<BodyOf<'confirmInitialActivation'>>();
    expectTypeOf<InitialActivationConfirmation>().not.toExtend<BodyOf<'reportInitialActivation'>>();
    expectTypeOf<InitialActivation['requestReferenceId']>().toEqualTypeOf<string>();
    expectTypeOf<InitialActivationConfirmation['responseReferenceId']>().toEqualTypeOf<string>();
  });

  it('answers the pushes without a body and the queries with usage', () => {
    expectTypeOf(client.call('reportInitialActivation', { body: {} as InitialActivation })).resolves.toEqualTypeOf<EduvResponse<undefined>>();
    expectTypeOf(client.call('getEntitlementUsage', { path: { id: 'e' } })).resolves.toEqualTypeOf<EduvResponse<EntitlementUsage>>();
    expectTypeOf(client.call('getDeliveryOrderUsage', { path: { id: 'd' } })).resolves.toEqualTypeOf<EduvResponse<UsageTotals>>();
    expectTypeOf(client.call('listSchoolUsage', { query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<EduvResponse<UsageTotals[]>>();
  });

  it('refuses what the spec does not allow', () => {
    // @ts-expect-error: the chain APIs take no vestiging id
    client.call('listSchoolUsage', { query: { orgId: '09QQ00', orgIdType: 'V_ID' } });
    // @ts-expect-error: getEntitlementUsage needs the entitlement id
    client.call('getEntitlementUsage');
    const facade = createUsageClient({ baseUrl: 'https://licentieregistratie.example/usage-api/v1' });
    // @ts-expect-error: the user search needs a user as well as the school
    void facade.listForUser({ organisationMasterIdentifier: '104A158' });
  });
});
