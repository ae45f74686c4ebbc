import type { WarningHook } from './error-hooks';
import type { TokenProvider } from './auth';
import {
  EduvApiError,
  EduvConfigError,
  EduvNetworkError,
  EduvTimeoutError,
  EduvValidationError,
  formatValidationMessage,
  parseStatusResponse,
  urlWithoutQuery,
  type RequestContext,
} from './errors';
import { buildRequest, readBody } from './http';
import { redact, redactingLogger, silentLogger, type Logger } from './logger';
import type { OperationTypes, UntypedOperation } from './operation-types';
import type { ApiRegistry, OperationDefinition, OperationIds, OperationTypesFor } from './registry';
import { decideRetry, resolveRetryOptions, type RetryOptions } from './retry';
import { abortReason, attemptSignal } from './signals';
import { VALIDATION_MODES, validateResponse, type ValidationMode } from './validation';

export interface ApiClientOptions {
  /** The API base URL including the major version, e.g. `https://bron.example/students-api/v1`. */
  readonly baseUrl: string;
  readonly tokenProvider?: TokenProvider;
  /** Defaults to the global fetch, looked up at call time. */
  readonly fetch?: typeof fetch;
  /** Response validation; default `warn`. */
  readonly validation?: ValidationMode;
  /** Retry policy for idempotent operations; `false` disables retries. */
  readonly retry?: Partial<RetryOptions> | false;
  /** Per-attempt timeout; default 30000. `Infinity` disables it. */
  readonly timeoutMs?: number;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly logger?: Logger;
  /** Receives validation warnings; defaults to `logger.warn` when a logger is given, else console.warn. */
  readonly onWarning?: WarningHook;
}

/** The options of every call, whatever the operation. */
export interface TransportOptions {
  readonly signal?: AbortSignal;
  /** Overrides the client's timeoutMs for this call. */
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Scopes to ask the token provider for. Default: the operation's scopes, or its first scope
   * alternative; pass the alternative that fits when the spec offers several.
   */
  readonly scopes?: readonly string[];
}

/** The options of one call: the transport options plus the operation's `query`, `path` and `body`. */
export type CallOptions<T extends OperationTypes = UntypedOperation> = TransportOptions & T['request'];

/** The options argument may be left out only when the operation requires no query, path or body. */
export type CallArgs<T extends OperationTypes> = Partial<T['request']> extends T['request'] ? [options?: CallOptions<T>] : [options: CallOptions<T>];

export interface EduvResponse<T> {
  readonly data: T;
  /** The full API version from the `API-Version` response header. */
  readonly apiVersion: string | undefined;
  readonly httpStatus: number;
  readonly headers: Headers;
}

export interface ApiClient<R extends ApiRegistry = ApiRegistry> {
  readonly registry: R;
  readonly baseUrl: string;
  /** Calls one operation; its query, path, body and response data are typed from the spec. */
  call<K extends OperationIds<R>>(operationId: K, ...options: CallArgs<OperationTypesFor<R, K>>): Promise<EduvResponse<OperationTypesFor<R, K>['response']>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

type AttemptOutcome =
  | { readonly kind: 'response'; readonly response: Response; readonly body: unknown; readonly token?: string }
  | { readonly kind: 'failure'; readonly error: EduvNetworkError | EduvTimeoutError };

function checkBaseUrl(baseUrl: unknown): string {
  let parsed: URL;
  try {
    parsed = new URL(String(baseUrl));
  } catch {
    throw new EduvConfigError('baseUrl must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new EduvConfigError(`baseUrl must use http or https, got ${parsed.protocol}`);
  }
  if (parsed.search || parsed.hash) {
    throw new EduvConfigError('baseUrl must not contain a query string or fragment');
  }
  return String(baseUrl).replace(/\/+$/, '');
}

function checkTimeout(timeoutMs: number): number {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs <= 0) {
    throw new EduvConfigError(`timeoutMs must be a positive number (or Infinity), got ${String(timeoutMs)}`);
  }
  return timeoutMs;
}

type WireOptions = CallOptions<UntypedOperation>;

function checkPathParams(operation: OperationDefinition, path: WireOptions['path']): void {
  for (const [, name] of operation.path.matchAll(/\{([^{}]+)\}/g)) {
    const value = name === undefined ? undefined : path?.[name];
    if (value === undefined || value === '') {
      throw new EduvConfigError(`${operation.operationId} needs path parameter "${name}"`);
    }
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Builds the client for one API from its registry: one call() for every operation. */
export function createApiClient<R extends ApiRegistry>(registry: R, options: ApiClientOptions): ApiClient<R> {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const validation = options.validation ?? 'warn';
  if (!VALIDATION_MODES.includes(validation)) {
    throw new EduvConfigError(`validation must be one of ${VALIDATION_MODES.join(', ')}`);
  }
  const retryOptions = resolveRetryOptions(options.retry);
  const defaultTimeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const logger = redactingLogger(options.logger ?? silentLogger);
  const onWarning = options.onWarning ?? (options.logger ? (message: string) => logger.warn(message) : (message: string) => console.warn(message));
  const { tokenProvider } = options;
  const fetchImpl = (request: Request): Promise<Response> => (options.fetch ?? globalThis.fetch)(request);

  async function attempt(operation: OperationDefinition, callOptions: WireOptions, timeoutMs: number, context: { url: string }): Promise<AttemptOutcome> {
    const signal = attemptSignal(callOptions.signal, timeoutMs);
    const requestContext = (): RequestContext => ({
      operationId: operation.operationId,
      method: operation.method,
      url: context.url,
    });
    let fetchStarted = false;
    try {
      const token = tokenProvider
        ? await tokenProvider.getToken({
            scopes: callOptions.scopes ?? [...operation.scopes, ...(operation.scopeAlternatives?.[0] ?? [])],
            signal: signal.signal,
          })
        : undefined;
      const request = buildRequest(baseUrl, {
        method: operation.method,
        path: operation.path,
        query: callOptions.query,
        pathParams: callOptions.path,
        body: callOptions.body,
        headers: [{ Accept: 'application/json' }, options.headers, callOptions.headers, { Authorization: token === undefined ? undefined : `Bearer ${token}` }],
        signal: signal.signal,
      });
      fetchStarted = true;
      context.url = urlWithoutQuery(request.url);
      logger.debug(`${operation.operationId}: ${operation.method} ${context.url}`);
      const response = await fetchImpl(request);
      // Bodies are read as text and parsed in successData: a malformed body must not surface as a bare SyntaxError.
      return { kind: 'response', response, body: await readBody(response), token };
    } catch (error) {
      if (signal.callerAborted() && callOptions.signal) {
        throw abortReason(callOptions.signal);
      }
      if (signal.timedOut()) {
        return { kind: 'failure', error: new EduvTimeoutError(requestContext(), timeoutMs, { cause: error }) };
      }
      if (fetchStarted) {
        return { kind: 'failure', error: new EduvNetworkError(requestContext(), error) };
      }
      throw error;
    }
  }

  function successData<T>(operation: OperationDefinition, response: Response, body: unknown): T {
    const context = { operationId: operation.operationId, httpStatus: response.status, onWarning };
    let data: unknown = body;
    if (typeof body === 'string') {
      const parsed = body === '' ? { ok: true as const, value: undefined } : parseJson(body);
      if (parsed.ok) {
        data = parsed.value;
      } else if (validation !== 'off') {
        const subject = `Response of ${operation.operationId} (HTTP ${response.status})`;
        const issues = [{ path: '$', message: 'response body is not valid JSON' }];
        if (validation === 'strict') {
          throw new EduvValidationError(subject, issues, context);
        }
        onWarning(redact(formatValidationMessage(subject, issues)));
        return body as T;
      }
    }
    return validateResponse<T>(operation.responses[response.status], data, validation, context);
  }

  async function call<K extends OperationIds<R>>(
    operationId: K,
    ...args: CallArgs<OperationTypesFor<R, K>>
  ): Promise<EduvResponse<OperationTypesFor<R, K>['response']>> {
    type T = OperationTypesFor<R, K>['response'];
    // The operation's types exist at compile time only; on the wire every call has this shape.
    const callOptions = (args[0] ?? {}) as WireOptions;
    const operation: OperationDefinition | undefined = registry.operations[operationId];
    if (operation === undefined) {
      throw new EduvConfigError(`${registry.api} has no operation "${String(operationId)}"`);
    }
    checkPathParams(operation, callOptions.path);
    const timeoutMs = checkTimeout(callOptions.timeoutMs ?? defaultTimeoutMs);
    const retries = operation.idempotent ? retryOptions.retries : 0;
    const policy: RetryOptions = { ...retryOptions, retries };
    const callerSignal = callOptions.signal;
    const context = { url: `${baseUrl}${operation.path}` };
    let retriesDone = 0;
    let tokenRefreshed = false;

    for (;;) {
      if (callerSignal?.aborted) {
        throw abortReason(callerSignal);
      }
      const outcome = await attempt(operation, callOptions, timeoutMs, context);
      let failure: EduvApiError | EduvNetworkError | EduvTimeoutError;
      let retryAfter: string | null = null;

      if (outcome.kind === 'failure') {
        failure = outcome.error;
      } else {
        const { response, body, token } = outcome;
        const apiVersion = response.headers.get('API-Version') ?? undefined;
        if (response.ok) {
          const data = successData<T>(operation, response, body);
          return { data, apiVersion, httpStatus: response.status, headers: response.headers };
        }
        // A rejected token may only be stale; one fresh token is worth a try even for a POST,
        // because the server refused the request before acting on it.
        if (response.status === 401 && token !== undefined && tokenProvider?.invalidate && !tokenRefreshed) {
          tokenRefreshed = true;
          tokenProvider.invalidate(token);
          logger.info(`${operationId}: HTTP 401, retrying once with a fresh token`);
          continue;
        }
        const { status, statusMessage } = parseStatusResponse(body);
        failure = new EduvApiError({
          operationId: operation.operationId,
          method: operation.method,
          url: context.url,
          httpStatus: response.status,
          eduvStatus: status,
          statusMessage,
          apiVersion,
          body,
          headers: response.headers,
        });
        retryAfter = response.headers.get('Retry-After');
      }

      const decision = decideRetry(retriesDone, policy, {
        httpStatus: failure instanceof EduvApiError ? failure.httpStatus : undefined,
        retryAfter,
      });
      if (!decision.retry) {
        throw failure;
      }
      retriesDone += 1;
      logger.warn(`${failure.message}; retry ${retriesDone} of ${policy.retries} in ${decision.delayMs} ms`);
      await policy.sleep(decision.delayMs, callerSignal);
    }
  }

  return { registry, baseUrl, call };
}
