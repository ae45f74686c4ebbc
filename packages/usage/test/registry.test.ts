import type { OperationDefinition } from '@eduvkit/core';
import { createRandom } from '@eduvkit/core/fixtures';
import { describe, expect, it } from 'vitest';
import { usageApi } from '../src';
import { initialActivation, initialActivationConfirmation } from '../src/fixtures/index';

const { reportInitialActivation, confirmInitialActivation } = usageApi.operations;

describe('the Usage registry', () => {
  it('pairs InitialActivation with its confirmation over requestReferenceId', () => {
    expect(reportInitialActivation.exchange).toEqual({ message: 'request', reference: 'requestReferenceId', pair: 'confirmInitialActivation' });
    expect(confirmInitialActivation.exchange).toEqual({
      message: 'confirmation',
      reference: 'requestReferenceId',
      receipt: 'responseReferenceId',
      processedAt: 'processedTimestamp',
      pair: 'reportInitialActivation',
    });
    const withExchange = Object.values(usageApi.operations as Record<string, OperationDefinition>).filter((operation) => operation.exchange);
    expect(withExchange.map((operation) => operation.operationId).sort()).toEqual(['confirmInitialActivation', 'reportInitialActivation']);
  });

  it('refuses a message without the fields the exchange matches on', () => {
    const random = createRandom(1);
    const activation = initialActivation(random, { entitlement: { entitlementId: 'e-1', productId: '9789000000005', entitlementType: 'customer-student' } });
    const confirmation = initialActivationConfirmation(activation, { random });
    expect(reportInitialActivation.body.safeParse(activation).success).toBe(true);
    expect(confirmInitialActivation.body.safeParse(confirmation).success).toBe(true);
    const { requestReferenceId: _request, ...anonymous } = activation;
    expect(reportInitialActivation.body.safeParse(anonymous).success).toBe(false);
    for (const field of ['requestReferenceId', 'responseReferenceId', 'processedTimestamp'] as const) {
      const { [field]: _dropped, ...incomplete } = confirmation;
      expect(confirmInitialActivation.body.safeParse(incomplete).success, field).toBe(false);
    }
  });

  it('puts the activation at the Aanspraakmanager and the confirmation and queries at the Licentieregistratie', () => {
    expect(usageApi.roles.implementing).toBe('Aanspraakmanager');
    for (const operation of Object.values(usageApi.operations as Record<string, OperationDefinition>)) {
      const expected = operation.operationId === 'reportInitialActivation' ? 'Aanspraakmanager' : 'Licentieregistratie';
      expect(operation.implementedBy, operation.operationId).toBe(expected);
    }
    expect(usageApi).toMatchObject({ api: 'usage-api', basePath: '/usage-api/v1', consentRequired: true });
    expect(reportInitialActivation.scopes).toEqual(['usage.licensor']);
    expect(confirmInitialActivation.scopes).toEqual(['usage.entitlor']);
  });
});
