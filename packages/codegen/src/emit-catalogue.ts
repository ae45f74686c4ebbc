import type { JsonObject } from './bundle';

export interface CatalogueSpec {
  /** Folder name under specs/ and packages/, e.g. `students`. */
  readonly name: string;
  readonly doc: JsonObject;
}

export const camel = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The export name of an API package's registry: `students` → `studentsApi`. */
export const registryExport = (name: string): string => `${camel(name)}Api`;

/**
 * The one list of every API (decision 035): each package's registry, in the order of specs/. It is
 * written into the mock server, which already depends on every API package; the conformance kit and
 * the CLI read it from there.
 */
export function emitApiCatalogue(specs: readonly CatalogueSpec[], header: string): string {
  const imports = specs.map(({ name }) => `import { ${registryExport(name)} } from '@eduvkit/${name}';`);
  return `${header}${imports.join('\n')}

/** Every Edu-V API eduvkit has a spec and a package for: one registry each, in the order of specs/. */
export const API_REGISTRIES: readonly [${specs.map(({ name }) => `typeof ${registryExport(name)}`).join(', ')}] = [${specs.map(({ name }) => registryExport(name)).join(', ')}];

/** Edu-V's name of one of those APIs, e.g. \`students-api\`. */
export type ApiName = (typeof API_REGISTRIES)[number]['api'];
`;
}

export interface NotificationFacts {
  readonly scope: string;
  readonly objectTypes: readonly string[];
  /** Per object type, the by-id GET a consumer fetches a changed object with (`{id}` in its path). */
  readonly fetch?: Readonly<Record<string, string>>;
}

/** The operation `operationId` of the spec, with its method and path. */
function findOperation(doc: JsonObject, operationId: string): { method: string; path: string } | undefined {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if ((operation as { operationId?: unknown } | null)?.operationId === operationId) return { method: method.toUpperCase(), path };
    }
  }
  return undefined;
}

function fetchOperations(api: string, doc: JsonObject, objectTypes: readonly string[], declared: unknown): Record<string, string> | undefined {
  if (declared === undefined) return undefined;
  if (declared === null || typeof declared !== 'object' || Array.isArray(declared))
    throw new Error(`${api}: x-eduvkit-notifications.fetch must map object types to operationIds`);
  for (const [objectType, operationId] of Object.entries(declared)) {
    if (!objectTypes.includes(objectType)) throw new Error(`${api}: x-eduvkit-notifications.fetch names ${objectType}, which is not in objectTypes`);
    const found = typeof operationId === 'string' ? findOperation(doc, operationId) : undefined;
    if (!found || found.method !== 'GET' || !found.path.includes('{id}')) {
      throw new Error(`${api}: x-eduvkit-notifications.fetch.${objectType} must be the operationId of a GET by {id}`);
    }
  }
  return declared as Record<string, string>;
}

/** `info.x-eduvkit-notifications`, checked: the scope is one of the API's, and at least one object type. */
export function notificationFacts(doc: JsonObject, allScopes: readonly string[]): NotificationFacts | undefined {
  const info = doc.info as JsonObject;
  const declared = info['x-eduvkit-notifications'] as { scope?: unknown; objectTypes?: unknown; fetch?: unknown } | undefined;
  if (declared === undefined) return undefined;
  const api = String(info['x-eduv-api']);
  if (typeof declared.scope !== 'string' || !allScopes.includes(declared.scope))
    throw new Error(`${api}: x-eduvkit-notifications.scope must be one of the API's scopes`);
  const objectTypes = declared.objectTypes;
  if (!Array.isArray(objectTypes) || objectTypes.length === 0 || !objectTypes.every((type) => typeof type === 'string' && /^[A-Z][A-Za-z]*$/.test(type))) {
    throw new Error(`${api}: x-eduvkit-notifications.objectTypes must list the object names (PascalCase), the main one first`);
  }
  const fetch = fetchOperations(api, doc, objectTypes as string[], declared.fetch);
  return { scope: declared.scope, objectTypes: objectTypes as string[], ...(fetch ? { fetch } : {}) };
}

/** `info.x-eduvkit-scope-roles`, checked: only scopes of the API, only its calling roles. */
export function scopeRoles(doc: JsonObject, allScopes: readonly string[], calling: readonly string[]): Record<string, string[]> | undefined {
  const info = doc.info as JsonObject;
  const declared = info['x-eduvkit-scope-roles'] as Record<string, unknown> | undefined;
  if (declared === undefined) return undefined;
  for (const [scope, roles] of Object.entries(declared)) {
    if (!allScopes.includes(scope)) throw new Error(`${String(info['x-eduv-api'])}: x-eduvkit-scope-roles names ${scope}, which is no scope of the API`);
    if (!Array.isArray(roles) || !roles.every((role) => calling.includes(role as string))) {
      throw new Error(`${String(info['x-eduv-api'])}: x-eduvkit-scope-roles.${scope} must list calling roles of the API`);
    }
  }
  return declared as Record<string, string[]>;
}

/**
 * For the Notifications package, which depends on no data API: each subscribable API's scope and
 * object types, from the data APIs' specs; they must be exactly the APIs the notifications spec's
 * NotificationApi enum names.
 */
export function emitSubscribableApis(
  specs: readonly CatalogueSpec[],
  subscribable: readonly string[],
  scopesOf: (doc: JsonObject) => readonly string[],
  header: string,
): string {
  const facts: Record<string, NotificationFacts> = {};
  for (const { doc } of specs) {
    const found = notificationFacts(doc, scopesOf(doc));
    if (found) facts[String((doc.info as JsonObject)['x-eduv-api'])] = found;
  }
  const named = Object.keys(facts).sort();
  if (named.join() !== [...subscribable].sort().join()) {
    throw new Error(`the specs with x-eduvkit-notifications (${named.join(', ')}) must be the NotificationApi enum (${subscribable.join(', ')})`);
  }
  const ordered = Object.fromEntries(subscribable.map((api) => [api, facts[api]]));
  return `${header}/** Per data API one can subscribe to: the scope a subscriber needs and the object types it notifies about, the main one first. */
export const SUBSCRIBABLE_APIS = ${JSON.stringify(ordered, null, 2)} as const;

/** An objectType eduvkit uses in notifications. */
export type NotificationObjectType = (typeof SUBSCRIBABLE_APIS)[keyof typeof SUBSCRIBABLE_APIS]['objectTypes'][number];
`;
}
