import { checkIdentifier } from './tables';

/** The fully qualified, quoted names of the notification store's tables. */
export interface NotificationTables {
  readonly schema: string | undefined;
  /** One row: the last sequence number and created given out; appends lock it, which keeps sequence order = commit order. */
  readonly head: string;
  readonly log: string;
  readonly subscriptions: string;
  index(name: string): string;
}

export function notificationTables(schema: string | undefined, tablePrefix = 'eduvkit_notification_'): NotificationTables {
  const qualifier = schema === undefined ? '' : `"${checkIdentifier(schema, 'schema')}".`;
  const prefix = tablePrefix === '' ? '' : checkIdentifier(tablePrefix, 'tablePrefix');
  const table = (name: string) => `${qualifier}"${prefix}${name}"`;
  return { schema, head: table('head'), log: table('log'), subscriptions: table('subscriptions'), index: (name) => `"${prefix}${name}"` };
}
