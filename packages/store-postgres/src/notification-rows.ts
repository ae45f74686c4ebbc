import type { StoredNotification, StoredSubscription } from '@eduvkit/notifications';
import { fromJsonb } from './json';

export interface LogRow {
  sequence: string;
  api: string;
  org_master_id: string | null;
  notification: string;
}

export interface SubscriptionRow {
  client_id: string;
  api: string;
  callback_url: string;
  delivered_through: string;
}

/** bigint columns come back as text; sequence numbers stay far below 2^53. */
export function toStoredNotification(row: LogRow): StoredNotification {
  return {
    ...(fromJsonb(row.notification) as Omit<StoredNotification, 'sequence' | 'api'>),
    sequence: Number(row.sequence),
    api: row.api,
    ...(row.org_master_id === null ? {} : { orgMasterId: row.org_master_id }),
  };
}

export const toStoredSubscription = (row: SubscriptionRow): StoredSubscription => ({
  clientId: row.client_id,
  api: row.api,
  callbackUrl: row.callback_url,
  cursor: Number(row.delivered_through),
});
