import { describe, expect, it } from 'vitest';
import { runReliabilityScenario } from './support/exchange-reliability';

describe('exchange: reliability (issue 9)', () => {
  it('confirms 500 concurrent requests with 10 % repeats while 30 % of confirmation deliveries fail: 0 lost, 0 processed twice', async () => {
    const result = await runReliabilityScenario({ requests: 500, repeatShare: 0.1, failureShare: 0.3 });
    expect(result).toMatchObject({ uniqueReferenceIds: 450, repeats: 50, not202: 0, confirmed: 450, lost: 0, processedTwice: 0, receiptConflicts: 0 });
    // The endpoint did fail, and the confirmations got through anyway (repeats are confirmed again).
    expect(result.failedDeliveries).toBeGreaterThan(100);
    expect(result.confirmationsDelivered).toBeGreaterThanOrEqual(450);
  }, 120_000);
});
