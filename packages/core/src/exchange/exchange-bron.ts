import type { ApiRegistry, OperationDefinition } from '../registry';
import type { SchoolRecord } from '../school';
import { createBron, type Bron, type BronHandlers, type BronOptions, type OperationInput } from '../server/bron';
import { BronError } from '../server/bron-error';
import { refuseOtherRole } from '../server/refuse-other-role';
import { EduvStatus } from '../status-codes';
import { providingRole } from './exchange-operations';

type Handler = (input: OperationInput) => unknown;

/**
 * Handlers for the operations of the API, other than the exchange's, that this party serves (e.g. a
 * GET source). An exchange bron resolves no school: such a handler gets the selection and resolves
 * it itself (schoolAccess of `@eduvkit/core/server`).
 */
export type OtherHandlers<R extends ApiRegistry> = Partial<BronHandlers<R, SchoolRecord, false>>;

export interface ExchangeBronParts {
  readonly registry: ApiRegistry;
  /** The role this party plays: operations another role provides answer 405 (§12.6). */
  readonly role: string;
  /** The exchange operations this party receives, by operationId. */
  readonly served: Readonly<Record<string, Handler>>;
  readonly others: Readonly<Record<string, unknown>> | undefined;
  readonly authenticate?: BronOptions['authenticate'] | undefined;
  readonly dangerouslyAcceptAnyToken?: boolean | undefined;
  /** Path prefix; default the registry's `/<api>/v<major>`. */
  readonly basePath?: string | undefined;
  readonly onUnexpectedError?: BronOptions['onUnexpectedError'] | undefined;
}

function bronOptions({ authenticate, dangerouslyAcceptAnyToken, basePath, onUnexpectedError }: ExchangeBronParts): BronOptions {
  return {
    ...(authenticate ? { authenticate } : {}),
    ...(dangerouslyAcceptAnyToken !== undefined ? { dangerouslyAcceptAnyToken } : {}),
    ...(basePath !== undefined ? { basePath: basePath.replace(/\/+$/, '') } : {}),
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
  };
}

/**
 * One bron for one side of an exchange, built on createBron: the operations this party receives,
 * any others it was given handlers for, 405 naming the provider for what another role provides,
 * and 501 for an operation of its own role that it was given no handler for.
 */
export function exchangeBron(parts: ExchangeBronParts): Bron {
  const { registry, role, served, others } = parts;
  const operations = Object.values(registry.operations);
  const notServed =
    (operation: OperationDefinition): Handler =>
    () => {
      throw new BronError(501, EduvStatus.Other, `${operation.operationId} is not served here`);
    };
  const handlers = Object.fromEntries(
    operations.map((operation) => [
      operation.operationId,
      served[operation.operationId] ?? (others?.[operation.operationId] as Handler | undefined) ?? notServed(operation),
    ]),
  );
  let bron = createBron(registry, handlers as BronHandlers<ApiRegistry>, bronOptions(parts));
  const refusedByRole = new Map<string, string[]>();
  for (const operation of operations) {
    const provider = providingRole(registry, operation);
    if (provider === role || served[operation.operationId] || others?.[operation.operationId]) continue;
    refusedByRole.set(provider, [...(refusedByRole.get(provider) ?? []), operation.operationId]);
  }
  for (const [provider, operationIds] of refusedByRole) bron = refuseOtherRole(bron, operationIds, provider);
  return bron;
}
