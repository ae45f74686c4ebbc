import { redact, redactingLogger, type Logger } from '../logger';
import type { ExchangeKey } from './store';

/** What the exchange machinery reports; errors are text that never carries a secret. */
export type ExchangeEvent =
  | { readonly type: 'received'; readonly key: ExchangeKey }
  /** A request with a reference id already received: not processed again (§12.5). */
  | { readonly type: 'repeated'; readonly key: ExchangeKey; readonly redelivered: boolean }
  | { readonly type: 'processed'; readonly key: ExchangeKey; readonly attempt: number }
  | { readonly type: 'process-failed'; readonly key: ExchangeKey; readonly attempt: number; readonly error: string; readonly retryAt: Date }
  | { readonly type: 'sent'; readonly key: ExchangeKey; readonly repeated: boolean }
  | { readonly type: 'delivered'; readonly messageId: string; readonly kind: 'request' | 'confirmation'; readonly key: ExchangeKey; readonly attempts: number }
  | {
      readonly type: 'attempt-failed';
      readonly messageId: string;
      readonly kind: 'request' | 'confirmation';
      readonly key: ExchangeKey;
      readonly attempt: number;
      readonly httpStatus?: number;
      readonly error: string;
      readonly nextAttemptAt: Date;
    }
  | {
      readonly type: 'gave-up';
      readonly messageId: string;
      readonly kind: 'request' | 'confirmation';
      readonly key: ExchangeKey;
      readonly attempts: number;
      readonly error: string;
    }
  /** The verzender matched a confirmation to a request it sent; `repeated` when it had one already. */
  | { readonly type: 'confirmed'; readonly key: ExchangeKey; readonly repeated: boolean }
  /** A confirmation for a reference id this verzender never sent: refused. */
  | { readonly type: 'unknown-confirmation'; readonly api: string; readonly operationId: string; readonly referenceId: string; readonly caller?: string }
  /** A worker loop failed (e.g. the store was unreachable); it tries again after its poll interval. */
  | { readonly type: 'loop-error'; readonly loop: string; readonly error: string };

export interface ExchangeHooks {
  /** Every event, as it happens. Exceptions thrown here are ignored. */
  onEvent?: (event: ExchangeEvent) => void;
  /** Receives the events as log lines, redacted. */
  logger?: Logger;
}

const LEVELS: Record<ExchangeEvent['type'], keyof Logger> = {
  received: 'debug',
  repeated: 'info',
  processed: 'debug',
  'process-failed': 'warn',
  sent: 'debug',
  delivered: 'debug',
  'attempt-failed': 'warn',
  'gave-up': 'error',
  confirmed: 'debug',
  'unknown-confirmation': 'warn',
  'loop-error': 'error',
};

/** Text for an error that may be logged: its message only (no stack, no cause), redacted. */
export const errorText = (error: unknown): string => redact(error instanceof Error ? error.message : String(error)).slice(0, 500);

/** One function that hands an event to the hook and the logger, and never throws. */
export function eventEmitter(hooks: ExchangeHooks): (event: ExchangeEvent) => void {
  const logger = hooks.logger && redactingLogger(hooks.logger);
  return (event) => {
    try {
      hooks.onEvent?.(event);
    } catch {
      // a failing hook must not stop the exchange
    }
    try {
      const { type, ...details } = event;
      // Dates as ISO text: redaction walks objects by their own keys, and a Date has none.
      const loggable = Object.fromEntries(Object.entries(details).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]));
      logger?.[LEVELS[type]](`exchange ${type}`, loggable);
    } catch {
      // nor a failing logger
    }
  };
}
