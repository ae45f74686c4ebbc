import { EduvConfigError } from '../errors';
import type { ApiRegistry, ExchangeFacts, OperationDefinition } from '../registry';
import { BronError } from '../server/bron-error';
import type { ExchangeKey } from './store';

/** A push-asynchronous operation with its half of the melding–bevestiging pair. */
export type ExchangeOperation = OperationDefinition & { readonly exchange: ExchangeFacts };

/** The request operations of a registry and, for each, the confirmation operation that answers it. */
export interface ExchangePair {
  readonly request: ExchangeOperation;
  readonly confirmation: ExchangeOperation;
}

const isExchange = (operation: OperationDefinition): operation is ExchangeOperation => operation.exchange !== undefined;

/**
 * Every request ↔ confirmation pair of a registry, optionally only the request operations named in
 * `only`. Throws EduvConfigError when a request names a pair that is missing or is not a confirmation.
 */
export function exchangePairs(registry: ApiRegistry, only?: readonly string[]): ExchangePair[] {
  const operations = registry.operations;
  const requests = Object.values(operations)
    .filter(isExchange)
    .filter((operation) => operation.exchange.message === 'request');
  if (only) {
    for (const id of only) {
      if (!requests.some((operation) => operation.operationId === id))
        throw new EduvConfigError(`${registry.api} has no push-asynchronous request operation ${id}`);
    }
  }
  const chosen = only ? requests.filter((operation) => only.includes(operation.operationId)) : requests;
  if (!chosen.length) throw new EduvConfigError(`${registry.api} has no push-asynchronous request operations`);
  return chosen.map((request) => {
    const confirmation = operations[request.exchange.pair];
    if (!confirmation || !isExchange(confirmation) || confirmation.exchange.message !== 'confirmation') {
      throw new EduvConfigError(
        `${registry.api} ${request.operationId} names ${request.exchange.pair} as its confirmation, which is not a confirmation operation`,
      );
    }
    return { request, confirmation };
  });
}

/** The role that provides an operation's endpoint: a confirmation lives at the verzender. */
export const providingRole = (registry: ApiRegistry, operation: OperationDefinition): string => operation.implementedBy ?? registry.roles.implementing;

/** The reference id in a request or confirmation body, when the field holds a non-empty string. */
export function referenceOf(body: unknown, facts: ExchangeFacts): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[facts.reference];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The reference id of a received request or confirmation; 400 / 0011 naming the field when it has none. */
export function requireReference(body: unknown, facts: ExchangeFacts): string {
  const referenceId = referenceOf(body, facts);
  if (referenceId === undefined) throw BronError.schema(`body field "${facts.reference}" is required`);
  return referenceId;
}

/** A sent request is keyed without a peer: the verzender names the ontvanger by URL, not by client id. */
export const sentKey = (api: string, operationId: string, referenceId: string): ExchangeKey => ({ api, operationId, peer: '', referenceId });

/** The endpoint of `operation` under an API base URL (confirmation and request paths carry no parameters). */
export const operationUrl = (baseUrl: string, operation: Pick<OperationDefinition, 'path'>): string => `${baseUrl.replace(/\/+$/, '')}${operation.path}`;

/**
 * The outbox id of an exchange's message: derived from its key, so a repeated request finds the
 * confirmation to send again. Readable and free of NUL, which a database text column refuses.
 */
export const outboundId = (kind: 'request' | 'confirmation', key: ExchangeKey): string =>
  [kind, key.api, key.operationId, key.peer, key.referenceId].map(encodeURIComponent).join('/');
