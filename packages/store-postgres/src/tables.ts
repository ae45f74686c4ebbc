import { EduvConfigError } from '@eduvkit/core';

/** The fully qualified, quoted names of the store's tables. */
export interface ExchangeTables {
  readonly schema: string | undefined;
  readonly received: string;
  readonly outbox: string;
  readonly sent: string;
  /** An index name; indexes live in their table's schema, so it is not qualified. */
  index(name: string): string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,29}$/;

/**
 * Schema and prefix end up inside SQL text (identifiers cannot be bound as parameters), so only
 * plain lower-case identifiers are accepted.
 */
export function checkIdentifier(value: string, what: string): string {
  if (!IDENTIFIER.test(value)) throw new EduvConfigError(`${what} must match ${IDENTIFIER} (got ${JSON.stringify(value)})`);
  return value;
}

export function exchangeTables(schema: string | undefined, tablePrefix = 'eduvkit_exchange_'): ExchangeTables {
  const qualifier = schema === undefined ? '' : `"${checkIdentifier(schema, 'schema')}".`;
  const prefix = tablePrefix === '' ? '' : checkIdentifier(tablePrefix, 'tablePrefix');
  const table = (name: string) => `${qualifier}"${prefix}${name}"`;
  return { schema, received: table('received'), outbox: table('outbox'), sent: table('sent'), index: (name) => `"${prefix}${name}"` };
}
