import type { JsonObject } from './bundle';
import { readBusinessCodes, type BusinessCodeEntry } from './business-codes';
import { listOperations } from './spec-model';

/** `SchoolPeriod unknown` → `SchoolPeriodUnknown`. */
export function statusName(message: string): string {
  return message
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

interface NamedCode {
  readonly status: number;
  readonly entry: BusinessCodeEntry;
}

/** Every business code the API lists, by name; one name standing for two codes is refused. */
function namedCodes(doc: JsonObject): Map<string, NamedCode> {
  const named = new Map<string, NamedCode>();
  for (const { operation } of listOperations(doc)) {
    for (const entry of readBusinessCodes(doc, operation)) {
      const name = statusName(entry.message);
      const seen = named.get(name);
      if (seen && seen.status !== entry.status) {
        throw new Error(`${operation.operationId}: business code ${entry.status} "${entry.message}" has the name ${name} of code ${seen.status}`);
      }
      // The first entry that says "assumed" carries the reason, so an assumed code is never shown as published.
      if (!seen || (!seen.entry.assumed && entry.assumed)) named.set(name, { status: entry.status, entry });
    }
  }
  return named;
}

/**
 * `<Api>Status`, or `<Api>BusinessStatus` where the spec has a schema `<Api>Status` (Progress's
 * SEM status): the package barrel exports both modules, so the names must differ.
 */
export function statusConstantName(doc: JsonObject, pascalName: string): string {
  const schemas = ((doc.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject;
  return Object.hasOwn(schemas, `${pascalName}Status`) ? `${pascalName}BusinessStatus` : `${pascalName}Status`;
}

/**
 * `generated/status.ts`: the API's business codes as `<Api>Status` constants, and `<api>Refusal`,
 * which answers a code with the HTTP status the operation's spec gives it. Only the codes an
 * operation lists type-check for it. Undefined when the API lists no business codes.
 */
export function emitStatusModule(doc: JsonObject, pascalName: string, registry: string, header: string): string | undefined {
  const named = namedCodes(doc);
  if (named.size === 0) return undefined;
  const constants = [...named]
    .sort(([, a], [, b]) => a.status - b.status)
    .map(([name, { status, entry }]) => {
      const note = entry.assumed ? ` Assumed by eduvkit: ${entry.assumed.replace(/\*\//g, '*\\/')}` : '';
      return `  /** ${status} ${entry.message}.${note} */\n  ${name}: ${status},`;
    });
  const perOperation = listOperations(doc).map(({ operation }) => {
    const codes = [...new Set(readBusinessCodes(doc, operation).map((entry) => entry.status))];
    return `  ${operation.operationId}: ${codes.length ? codes.join(' | ') : 'never'};`;
  });
  const refusal = `${registry.replace(/Api$/, '')}Refusal`;
  return `${header}import { BronError } from '@eduvkit/core/server';
import { ${registry} } from './registry';

/** The business (20xx) codes of the ${String((doc.info as JsonObject).title)}, named after their messages in the spec. */
export const ${statusConstantName(doc, pascalName)} = {
${constants.join('\n')}
} as const;

/** Per operation, the business codes its spec lists. */
export interface ${pascalName}Refusals {
${perOperation.join('\n')}
}

/**
 * A refusal of \`operationId\` with one of its business codes; the HTTP status and the message prefix
 * are the spec's, so the bron cannot answer a code with another status than the spec gives it.
 */
export function ${refusal}<K extends keyof ${pascalName}Refusals>(operationId: K, status: ${pascalName}Refusals[K], detail: string): BronError {
  return BronError.refusal(${registry}.operations[operationId], status, detail);
}
`;
}
