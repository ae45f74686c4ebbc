import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import type { Exchange } from '../http/exchange';
import type { SchemaNode } from './sample';

/** The list operation of a by-id operation: `GET /groups/school/{id}` → `GET /groups/school`. */
export function listOperationFor(registry: ApiRegistry, operation: OperationDefinition): OperationDefinition | undefined {
  // `/courses/{id}` and `/courses/{id}/cmi5e` both take their id from `/courses`.
  const listPath = operation.path.replace(/\/\{[^}]+\}(?:\/[^/{}]+)?$/, '');
  if (listPath === operation.path) return undefined;
  return Object.values(registry.operations).find((candidate) => candidate.method === 'GET' && candidate.path === listPath);
}

/** GET operations without path parameters: the lists the kit reads test data from. */
export const listOperationsOf = (registry: ApiRegistry): OperationDefinition[] =>
  Object.values(registry.operations).filter((operation) => operation.method === 'GET' && !operation.parameters.some((parameter) => parameter.in === 'path'));

const firstSegment = (path: string): string => path.split('/').filter(Boolean)[0] ?? '';

/**
 * The id of a list item: the string property named after the collection (`groupId` in
 * `/groups/…`, `schoolPeriodId` in `/schoolperiods/…`), else `id`.
 */
export function idOfItem(item: unknown, listPath: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const collection = firstSegment(listPath).toLowerCase();
  const entries = Object.entries(item as Record<string, unknown>).filter(([, value]) => typeof value === 'string' && value !== '');
  const named = entries.find(([key]) => key.endsWith('Id') && collection.startsWith(key.slice(0, -2).toLowerCase()));
  const value = named?.[1] ?? entries.find(([key]) => key === 'id')?.[1];
  return typeof value === 'string' ? value : undefined;
}

function project(item: Record<string, unknown>, node: SchemaNode): Record<string, unknown> | undefined {
  const keys = Object.keys(node.properties ?? {}).filter((key) => item[key] !== undefined && item[key] !== '');
  return keys.length ? Object.fromEntries(keys.map((key) => [key, item[key]])) : undefined;
}

/**
 * A reference to a person the bron knows, for a body property such as `student`: taken from a
 * list item that carries that property (an enrollment's `student`), or built from an item of the
 * person's own list (`/students/school`).
 */
export async function findPerson(
  field: string,
  node: SchemaNode,
  lists: readonly OperationDefinition[],
  read: (list: OperationDefinition) => Promise<Exchange | { readonly skipped: string }>,
): Promise<Record<string, unknown> | undefined> {
  for (const list of lists) {
    const ownList = firstSegment(list.path) === `${field}s`;
    const answer = await read(list);
    const items = 'skipped' in answer ? undefined : answer.response?.body;
    if (!Array.isArray(items)) continue;
    for (const item of items as Record<string, unknown>[]) {
      const carried = item[field];
      const reference = ownList
        ? project(item, node)
        : typeof carried === 'object' && carried !== null
          ? project(carried as Record<string, unknown>, node)
          : undefined;
      if (reference) return reference;
    }
  }
  return undefined;
}
