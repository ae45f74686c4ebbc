import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  activationcodeApi,
  type ActivationCodeConfirmation,
  type ActivationCodeRequest,
  type ActivationCodeRevokeConfirmation,
  type ActivationCodeRevokeRequest,
  type ActivationcodeOperations,
} from '../src';

const client = createApiClient(activationcodeApi, { baseUrl: 'https://licentieregistratie.example/activationcode-api/v0' });

describe('the ActivationCode registry is typed from its spec', () => {
  it('has the two exchange pairs', () => {
    expectTypeOf<keyof typeof activationcodeApi.operations>().toEqualTypeOf<
      'requestActivationCodes' | 'confirmActivationCodes' | 'revokeActivationCode' | 'confirmActivationCodeRevoke'
    >();
    expectTypeOf(activationcodeApi.operations.revokeActivationCode.exchange.pair).toEqualTypeOf<'confirmActivationCodeRevoke'>();
  });

  it('accepts the model types as request and confirmation bodies', () => {
    expectTypeOf<ActivationCodeRequest>().toExtend<ActivationcodeOperations['requestActivationCodes']['request']['body']>();
    expectTypeOf<ActivationCodeConfirmation>().toExtend<ActivationcodeOperations['confirmActivationCodes']['request']['body']>();
    expectTypeOf<ActivationCodeRevokeRequest>().toExtend<ActivationcodeOperations['revokeActivationCode']['request']['body']>();
    expectTypeOf<ActivationCodeRevokeConfirmation>().toExtend<ActivationcodeOperations['confirmActivationCodeRevoke']['request']['body']>();
    expectTypeOf(client.call('requestActivationCodes', { body: { requestReferenceId: 'r', productId: 'p', quantity: 30 } })).resolves.toEqualTypeOf<
      EduvResponse<undefined>
    >();
  });

  it('refuses a request without quantity or a revoke without its code', () => {
    // @ts-expect-error: a code request says how many
    client.call('requestActivationCodes', { body: { requestReferenceId: 'r', productId: 'p' } });
    // @ts-expect-error: a revoke names the code
    client.call('revokeActivationCode', { body: { requestReferenceId: 'r' } });
    client.call('confirmActivationCodes', {
      // @ts-expect-error: codes are strings or { activationCode }
      body: { requestReferenceId: 'r', responseReferenceId: 's', productId: 'p', processedTimestamp: 't', success: true, status: 0, activationCodes: [42] },
    });
  });
});
