import { describe, expect, it } from 'vitest';
import { createInMemoryNotificationStore } from '../src/index';
import { NOTIFICATION_STORE_RULES, verifyNotificationStore } from '../src/producer/verify';

describe('the in-memory notification store', () => {
  it('keeps every rule of verifyNotificationStore', async () => {
    expect(await verifyNotificationStore(createInMemoryNotificationStore)).toEqual(NOTIFICATION_STORE_RULES);
    expect(NOTIFICATION_STORE_RULES.length).toBeGreaterThanOrEqual(9);
  });

  it('verifyNotificationStore catches a store whose cursor moves back', async () => {
    const lenient = () => {
      const store = createInMemoryNotificationStore();
      return {
        ...store,
        async advanceCursor(clientId: string, api: string, to: number) {
          const current = await store.getSubscription(clientId, api);
          if (!current) return undefined;
          await store.removeSubscription(clientId, api);
          return (await store.saveSubscription(current, to)).cursor;
        },
      };
    };
    await expect(verifyNotificationStore(lenient, { only: ['advanceCursor only moves forward'] })).rejects.toThrow(/advanceCursor only moves forward/);
  });

  it('verifyNotificationStore catches a store that leases one subscription to two workers', async () => {
    const doubleLeasing = () => {
      const store = createInMemoryNotificationStore();
      return { ...store, leaseSubscription: (clientId: string, api: string) => store.getSubscription(clientId, api) };
    };
    await expect(verifyNotificationStore(doubleLeasing, { only: ['a subscription lease has one holder until it ends or is released'] })).rejects.toThrow(
      /held by w1/,
    );
  });
});
