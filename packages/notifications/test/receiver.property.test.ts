import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNotificationReceiver, type Notification } from '../src/index';

const BASE = 'https://afnemer.example/notifications-api/v0';

// A pool of notifications; deliveries draw from it with repeats, in any order.
const pool: Notification[] = Array.from({ length: 12 }, (_, index) => ({
  id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  notificationType: 'object',
  objectType: 'Student',
  objectId: `s${index % 4}`,
  created: new Date(Date.UTC(2024, 8, 27, 10, Math.floor(index / 2))).toISOString(),
}));

describe('createNotificationReceiver (property)', () => {
  it('hands every notification over once, each batch sorted by created, whatever the producer resends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 8 }), { maxLength: 10 }), async (deliveries) => {
        const handed: Notification[][] = [];
        const receiver = createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: (batch) => void handed.push(batch) });
        for (const indexes of deliveries) {
          const body = JSON.stringify(indexes.map((index) => pool[index]));
          const response = await receiver.handle(
            new Request(`${BASE}/notifications`, { method: 'POST', headers: { authorization: 'Bearer p', 'content-type': 'application/json' }, body }),
          );
          expect(response?.status).toBe(202);
        }
        const ids = handed.flat().map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(deliveries.flat().map((index) => pool[index]!.id)));
        for (const batch of handed) {
          const times = batch.map((n) => Date.parse(n.created));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
      }),
      { numRuns: 60 },
    );
  });
});
