import { http, type HttpHandler } from 'msw';
import { EduvConfigError } from '../errors';
import type { ApiRegistry, OperationIds } from '../registry';
import type { Bron } from '../server/bron';
import { jsonResponse } from '../server/responses';
import { statusCodeDefinition, EduvStatus } from '../status-codes';

/** `/students/{id}` → `/students/:id`, as MSW writes path parameters. */
function mswPath(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.replace(/\{([^}]+)\}/g, ':$1')}`;
}

function methodHandler(method: string) {
  const factory = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete, PATCH: http.patch }[method];
  if (!factory) throw new Error(`no MSW handler factory for ${method}`);
  return factory;
}

/**
 * One MSW handler per registry operation, each answered by the same bron the mock server runs,
 * so a test against MSW sees exactly what the mock server would answer.
 */
export function bronHandlers(registry: ApiRegistry, bron: Bron, baseUrl: string): HttpHandler[] {
  return Object.values(registry.operations).map((operation) =>
    methodHandler(operation.method)(mswPath(baseUrl, operation.path), async ({ request }) => {
      const response = await bron.handle(request);
      return response ?? new Response(null, { status: 404 });
    }),
  );
}

export interface OverrideReply {
  /** HTTP status to answer with. */
  readonly status: number;
  /** JSON body; for an error status it defaults to the StatusResponse of the matching Edu-V code. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer like this only once, then fall back to the regular handlers. */
  readonly once?: boolean;
}

function defaultBody(status: number): unknown {
  if (status < 400) return undefined;
  const code = { 400: EduvStatus.SchemaIncorrect, 401: EduvStatus.ScopeRequired, 403: EduvStatus.ConsentRequired }[status] ?? EduvStatus.Other;
  return { status: code, statusMessage: statusCodeDefinition(code)?.message ?? 'error' };
}

/**
 * A handler for `server.use(...)` that makes one operation answer with a chosen status and body:
 * for testing how a client copes with refusals, outages and odd data.
 */
export function overrideHandler<R extends ApiRegistry>(registry: R, operationId: OperationIds<R>, reply: OverrideReply, baseUrl: string): HttpHandler {
  const operation = registry.operations[operationId];
  if (!operation) throw new EduvConfigError(`${registry.api} has no operation "${String(operationId)}"`);
  const body = 'body' in reply ? reply.body : defaultBody(reply.status);
  return methodHandler(operation.method)(mswPath(baseUrl, operation.path), () => jsonResponse(registry.version, reply.status, body, reply.headers), {
    once: reply.once ?? false,
  });
}

/** The path part of an absolute base URL, where the bron answers. */
function basePathOf(baseUrl: string): string {
  if (!URL.canParse(baseUrl)) throw new EduvConfigError('baseUrl must be an absolute URL');
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}

export interface ApiHandlersOptions<Source, BronOptions> {
  /** Base URL including the major version; default the API's `DEFAULT_<API>_BASE_URL`. */
  baseUrl?: string;
  /** The data behind the handlers; default a seeded world (see `seed`). */
  source?: Source;
  /** Seed of the default world; the same as `eduvkit mock --seed`. Default 1. */
  seed?: number;
  /** Bron options, e.g. `authenticate` to check tokens or `authorize` to simulate consent. */
  bron?: BronOptions;
}

export interface ApiMswDefinition<R extends ApiRegistry, Source, BronOptions> {
  readonly registry: R;
  readonly defaultBaseUrl: string;
  readonly createBron: (source: Source, options: BronOptions & { basePath: string; dangerouslyAcceptAnyToken?: boolean }) => Bron;
  /** The in-memory source over the package's seeded world. */
  readonly seededSource: (seed: number) => Source;
}

/**
 * The `./msw` entry of an API package: handlers that answer exactly like the mock server (the
 * same bron over the same seeded world) and one-operation overrides for `server.use(...)`.
 */
export function defineApiMsw<R extends ApiRegistry, Source, BronOptions extends object>(definition: ApiMswDefinition<R, Source, BronOptions>) {
  return {
    handlers(options: ApiHandlersOptions<Source, BronOptions> = {}): HttpHandler[] {
      const baseUrl = options.baseUrl ?? definition.defaultBaseUrl;
      const source = options.source ?? definition.seededSource(options.seed ?? 1);
      // A test double: it accepts any bearer token unless the test gives `bron.authenticate` (decision 036).
      const bron = definition.createBron(source, {
        dangerouslyAcceptAnyToken: true,
        ...(options.bron ?? ({} as BronOptions)),
        basePath: basePathOf(baseUrl),
      });
      return bronHandlers(definition.registry, bron, baseUrl);
    },
    override(operationId: OperationIds<R>, reply: OverrideReply, options: { baseUrl?: string } = {}): HttpHandler {
      return overrideHandler(definition.registry, operationId, reply, options.baseUrl ?? definition.defaultBaseUrl);
    },
  };
}
