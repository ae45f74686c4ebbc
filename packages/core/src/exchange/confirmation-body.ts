import type { ExchangeFacts } from '../registry';
import { describeIssues } from '../server/describe-issues';
import type { ExchangeOperation } from './exchange-operations';

/** A confirmation body as the supplier's `process` returns it: the machinery fills the exchange fields it leaves out. */
export type ConfirmationDraft = Record<string, unknown>;

/**
 * The confirmation to store and send: the draft with the request's reference id echoed, the
 * ontvanger's own reference (a new uuid unless the draft has one) and the moment of processing
 * (unless the draft states one), each in the field the confirmation operation names.
 */
export function completeConfirmation(draft: unknown, facts: ExchangeFacts, referenceId: string, processedAt: Date): ConfirmationDraft {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    throw new TypeError(`process() must return the confirmation body as an object, got ${Array.isArray(draft) ? 'an array' : typeof draft}`);
  }
  const body: ConfirmationDraft = { ...(draft as ConfirmationDraft), [facts.reference]: referenceId };
  if (facts.receipt && (body[facts.receipt] === undefined || body[facts.receipt] === '')) body[facts.receipt] = crypto.randomUUID();
  if (facts.processedAt && body[facts.processedAt] === undefined) body[facts.processedAt] = processedAt.toISOString();
  return body;
}

/** Throws when the confirmation does not match the confirmation operation's body schema: a bug in `process`. */
export function checkConfirmation(body: ConfirmationDraft, operation: ExchangeOperation): void {
  const checked = operation.body?.safeParse(body);
  if (checked && !checked.success) {
    throw new TypeError(`the confirmation process() returned does not match ${operation.operationId}: ${describeIssues('body field', checked.error.issues)}`);
  }
}
