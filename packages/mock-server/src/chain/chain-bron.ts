import { EduvStatus, type ApiRegistry, type SchoolRecord } from '@eduvkit/core';
import { BronError, createBron, refuseOtherRole, type Bron, type BronHandlers, type BronOptions, type OperationInput } from '@eduvkit/core/server';

type Handler = (input: OperationInput) => unknown;

/**
 * One bron per chain API at `/<api>/v<major>`: every check (token, scope, input, school, consent)
 * in the usual order, then the handler of the part of the mock that plays the providing role. An
 * operation given no handler is the client's side of an exchange (a confirmation endpoint): 405
 * naming the role that provides it (conventions §12.6).
 */
export function chainBron<R extends ApiRegistry>(
  registry: R,
  handlers: Partial<Record<keyof R['operations'], Handler>>,
  options: BronOptions<SchoolRecord>,
): Bron {
  const operations = Object.values(registry.operations);
  const refused = operations.filter((operation) => !handlers[operation.operationId as keyof R['operations']]);
  const all = Object.fromEntries(
    operations.map((operation) => [
      operation.operationId,
      handlers[operation.operationId as keyof R['operations']] ??
        (() => {
          throw BronError.notProvider(operation.implementedBy ?? registry.roles.implementing);
        }),
    ]),
  );
  let bron = createBron(registry, all as unknown as BronHandlers<R>, options);
  const byProvider = new Map<string, string[]>();
  for (const operation of refused) {
    const provider = operation.implementedBy ?? registry.roles.implementing;
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), operation.operationId]);
  }
  for (const [provider, ids] of byProvider) bron = refuseOtherRole(bron, ids, provider);
  return bron;
}

/**
 * A handler that hands the checked request to an exchange party (an ontvanger, or a verzender for
 * confirmations), which authenticates the same bearer token again and answers 202. Its refusal
 * (e.g. a confirmation of a request the mock never sent) becomes this bron's StatusResponse.
 */
export function forwardTo(party: Pick<Bron, 'answer'>): Handler {
  return async ({ request, body }) => {
    const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: JSON.stringify(body) });
    const answer = await party.answer(forwarded);
    if (answer && answer.status >= 200 && answer.status < 300) return undefined;
    const refusal = answer?.body ? (JSON.parse(new TextDecoder().decode(answer.body)) as { status?: number; statusMessage?: string }) : {};
    throw new BronError(answer?.status ?? 500, refusal.status ?? EduvStatus.Other, refusal.statusMessage ?? 'the exchange party did not answer');
  };
}
