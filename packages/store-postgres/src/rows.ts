import type { ExchangeKey, OutboundMessage, ReceivedRequest, SentRequest } from '@eduvkit/core/exchange';
import { fromJsonb } from './json';

export interface KeyColumns {
  api: string;
  operation_id: string;
  peer: string;
  reference_id: string;
}

export interface ReceivedRow extends KeyColumns {
  body: string | null;
  received_at: Date;
  state: ReceivedRequest['state'];
  attempts: number;
  available_at: Date;
  confirmation: string | null;
  processed_at: Date | null;
  last_error: string | null;
}

export interface OutboundRow {
  id: string;
  kind: OutboundMessage['kind'];
  key_api: string;
  key_operation_id: string;
  key_peer: string;
  key_reference_id: string;
  operation_id: string;
  body: string | null;
  state: OutboundMessage['state'];
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
}

export interface SentRow extends KeyColumns {
  body: string | null;
  sent_at: Date;
  confirmation: string | null;
  confirmed_at: Date | null;
  confirmations: number;
}

/** The key as bind parameters $1–$4, in the order of the key columns. */
export const keyParams = (key: ExchangeKey) => [key.api, key.operationId, key.peer, key.referenceId];

/** Optional fields are left out when the column is NULL, as the in-memory store leaves them unset. */
const optional = <K extends string, V>(name: K, value: V | null | undefined) =>
  value === null || value === undefined ? {} : ({ [name]: value } as Record<K, V>);

export function toReceivedRequest(row: ReceivedRow): ReceivedRequest {
  return {
    key: { api: row.api, operationId: row.operation_id, peer: row.peer, referenceId: row.reference_id },
    body: fromJsonb(row.body),
    receivedAt: row.received_at,
    state: row.state,
    attempts: row.attempts,
    availableAt: row.available_at,
    ...(row.processed_at === null ? {} : { confirmation: fromJsonb(row.confirmation) }),
    ...optional('processedAt', row.processed_at),
    ...optional('lastError', row.last_error),
  };
}

export function toOutboundMessage(row: OutboundRow): OutboundMessage {
  return {
    id: row.id,
    kind: row.kind,
    key: { api: row.key_api, operationId: row.key_operation_id, peer: row.key_peer, referenceId: row.key_reference_id },
    operationId: row.operation_id,
    body: fromJsonb(row.body),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    ...optional('deliveredAt', row.delivered_at),
    ...optional('lastError', row.last_error),
  };
}

export function toSentRequest(row: SentRow): SentRequest {
  return {
    key: { api: row.api, operationId: row.operation_id, peer: row.peer, referenceId: row.reference_id },
    body: fromJsonb(row.body),
    sentAt: row.sent_at,
    ...(row.confirmed_at === null ? {} : { confirmation: fromJsonb(row.confirmation) }),
    ...optional('confirmedAt', row.confirmed_at),
    confirmations: row.confirmations,
  };
}
