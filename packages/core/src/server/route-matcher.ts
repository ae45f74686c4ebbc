import type { ApiRegistry, OperationDefinition } from '../registry';
import { BoundedMemo } from './bounded-memo';

interface CompiledRoute {
  operation: OperationDefinition;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | {
      kind: 'operation';
      operation: OperationDefinition;
      params: Readonly<Record<string, string>>;
      /** A path parameter whose value is not valid percent-encoding (kept undecoded in `params`): the request is malformed. */
      malformed?: string;
    }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'none' };

function compile(operation: OperationDefinition, basePath: string): CompiledRoute {
  const names: string[] = [];
  const source = `${basePath}${operation.path}`
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name) {
        names.push(name);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { operation, pattern: new RegExp(`^${source}/?$`), names };
}

/** Finds the registry operation for a method and URL path (which includes the API base path). */
export function createRouteMatcher(registry: ApiRegistry, basePath = registry.basePath): (method: string, pathname: string) => RouteMatch {
  // Literal paths win over templates: `/things/school` must not be read as `/things/{id}`.
  const routes = Object.values(registry.operations)
    .map((operation) => compile(operation, basePath))
    .sort((a, b) => a.names.length - b.names.length);
  const find = (key: string): RouteMatch => {
    const space = key.indexOf(' ');
    const method = key.slice(0, space);
    const pathname = key.slice(space + 1);
    const allowed = new Set<string>();
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      if (route.operation.method !== method) {
        allowed.add(route.operation.method);
        continue;
      }
      const params: Record<string, string> = {};
      let malformed: string | undefined;
      route.names.forEach((name, index) => {
        const raw = match[index + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
          malformed ??= name;
        }
      });
      return { kind: 'operation', operation: route.operation, params: Object.freeze(params), ...(malformed ? { malformed } : {}) };
    }
    return allowed.size ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'none' };
  };
  // The same method and path always match the same way: decide once per path, not per request.
  const memo = new BoundedMemo<RouteMatch>();
  return (method, pathname) => memo.get(`${method.toUpperCase()} ${pathname}`, find);
}
