import { reportError, type ErrorHook } from '../error-hooks';
import type { z } from 'zod';
import { EduvConfigError } from '../errors';
import type { ApiRegistry, OperationDefinition, SchoolSelectionSource } from '../registry';
import { resolveSchool, type ResolvedSchool, type SchoolRecord, type SchoolSelection } from '../school';
import { AnswerBytesCache } from './answer-cache';
import { releaseScopedAttributes } from './attribute-scopes';
import { BronError } from './bron-error';
import { pathOf, toFetchRequest, type BronRequest } from './bron-request';
import { readInputNow, type RawOperationInput } from './read-input';
import { answerOf, bytesAnswer, statusAnswer, toResponse, type BronAnswer } from './responses';
import { createRouteMatcher } from './route-matcher';
import { responseProblem } from './response-problem';
import { EduvStatus } from '../status-codes';

/** Who is calling, as the authentication step established it. */
export interface CallerContext {
  readonly clientId?: string;
  /** Scopes in the access token; 'all' when the bron does not check scopes. */
  readonly scopes: ReadonlySet<string> | 'all';
}

type Output<Op, Key extends string> = Op extends { [K in Key]: infer S } ? (S extends z.ZodType ? z.output<S> : undefined) : undefined;

/** Where an operation takes its school, as the registry states it (a literal in a generated registry). */
type SchoolSource<Op> = Op extends { readonly schoolSelection: infer Source } ? Source : SchoolSelectionSource;

/**
 * The school of a handler's input follows what readOperationInput and createBron do at runtime: an
 * operation with `schoolSelection` 'query' or 'body' never reaches its handler without a school
 * selection (400 / 0011 first), and the bron resolves it when it was given `schools` (else 400 / 2001
 * or 0023 first). `Resolves` says whether it was: true, false, or boolean when not known.
 */
type SchoolInput<Op, S extends SchoolRecord, Resolves extends boolean> = [SchoolSource<Op>] extends ['none']
  ? {
      /** This operation names no school. */
      readonly selection: undefined;
      /** This operation names no school. */
      readonly school: undefined;
    }
  : [SchoolSource<Op>] extends ['query' | 'body']
    ? {
        /** The school selection as the request gave it. */
        readonly selection: SchoolSelection;
        /** The school, resolved through the bron's `schools`; undefined only in a bron without `schools`. */
        readonly school: Resolves extends true ? ResolvedSchool<S> : undefined;
      }
    : {
        /** The school selection as the request gave it; undefined for operations without a school. */
        readonly selection: SchoolSelection | undefined;
        /** The school, resolved through the bron's `schools`; undefined for operations without a school. */
        readonly school: ResolvedSchool<S> | undefined;
      };

interface OperationInputFields<Op extends OperationDefinition> {
  readonly operation: Op;
  readonly query: Output<Op, 'query'>;
  readonly path: Output<Op, 'pathParams'>;
  readonly body: Output<Op, 'body'>;
  readonly caller: CallerContext;
  /** The request as a Fetch `Request` (built on first use when the bron was called with another BronRequest). */
  readonly request: Request;
}

/**
 * What a handler gets. `Resolves`: whether the bron resolves schools (it does when given
 * `schools`); createBron decides it from its options, boolean leaves `school` possibly undefined.
 */
export type OperationInput<
  Op extends OperationDefinition = OperationDefinition,
  S extends SchoolRecord = SchoolRecord,
  Resolves extends boolean = boolean,
> = OperationInputFields<Op> & SchoolInput<Op, S, Resolves>;

/** An array body may come back readonly: a data source's cached list is returned as it is. */
type AllowReadonly<T> = T extends (infer Item)[] ? T | readonly Item[] : T;

/** The body an operation handler returns: the input type of its success response schema. */
export type OperationResult<Op extends OperationDefinition> = Op extends { successStatus: infer Status; responses: infer R }
  ? Status extends keyof R
    ? R[Status] extends z.ZodType
      ? AllowReadonly<z.input<R[Status]>>
      : undefined
    : never
  : never;

export type BronHandlers<R extends ApiRegistry, S extends SchoolRecord = SchoolRecord, Resolves extends boolean = boolean> = {
  [K in keyof R['operations']]: (
    input: OperationInput<R['operations'][K], S, Resolves>,
  ) => OperationResult<R['operations'][K]> | Promise<OperationResult<R['operations'][K]>>;
};

export interface BronOptions<S extends SchoolRecord = SchoolRecord> {
  /**
   * Establishes the caller from the request (verifies the access token) or throws a BronError (401).
   * Required unless `dangerouslyAcceptAnyToken` is set. It gets a BronRequest (a Fetch `Request` is
   * one): read method, url, headers and body only, so the Node adapter need not build a Fetch
   * `Request` per call.
   */
  authenticate?(request: BronRequest, operation: OperationDefinition): CallerContext | Promise<CallerContext>;
  /**
   * For local experiments and test doubles only: without `authenticate`, accept any bearer token
   * unverified and grant it every scope. Without either, createBron throws (decision 036).
   */
  dangerouslyAcceptAnyToken?: boolean;
  /** The schools this bron serves; a school outside it is refused with unknownSchoolRefusal (400 / 2001 or 0023). */
  schools?: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Checks the school's activation for this caller; throw BronError.consentRequired() to refuse (403 / 0022). */
  authorize?: (caller: CallerContext, school: ResolvedSchool<S>, operation: OperationDefinition, registry: ApiRegistry) => void | Promise<void>;
  /** Validate handler output against the response schema (a bron bug becomes a 500). Default true. */
  validateResponses?: boolean;
  /**
   * Remember, per returned object, that it passed validation and its serialised JSON per scope set.
   * Only for data sources that return immutable objects and the same instance for the same answer
   * (the in-memory sources of the mock server do); default false.
   */
  cacheResponses?: boolean;
  /**
   * With `cacheResponses`: the most bytes of serialised answers of 64 KiB and more this bron keeps
   * (least recently served go first); an answer's bytes never outlive the object it was made from. Default 32 MiB.
   */
  responseCacheBytes?: number;
  /** Path prefix the API is served under; default the registry's `/<api>/v<major>`. */
  basePath?: string;
  /** Called with errors that are not BronErrors (bugs); the client gets 500 / 0099. */
  onUnexpectedError?: ErrorHook<OperationDefinition | undefined>;
}

export interface Bron {
  readonly registry: ApiRegistry;
  readonly basePath: string;
  /** Answers a request under this API's base path; undefined when the path belongs elsewhere. */
  handle(request: Request): Promise<Response | undefined>;
  /**
   * The same answer as status, headers and bytes, without Fetch objects: `handle` is this plus
   * `toResponse`, and the Node adapter writes it straight to the socket (decision 009).
   */
  answer(request: BronRequest): Answered<BronAnswer | undefined>;
}

/**
 * An answer now, or a promise of it. A bron answers at once when every step did (decision 046);
 * `await` takes either.
 */
export type Answered<T> = T | Promise<T>;

const BEARER = /^Bearer\s+\S+$/i;

/**
 * Whether a step that may answer at once (`T`) or later (`PromiseLike<T>`) answered later: await
 * only then. A thenable as `await` sees one: an object or function with a `then` method.
 */
export const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  ((typeof value === 'object' && value !== null) || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';

const grantsAll = (granted: ReadonlySet<string>, scopes: readonly string[]): boolean => {
  for (const scope of scopes) if (!granted.has(scope)) return false;
  return true;
};

// Loops, not filter/some: no closure per request on the hot path.
function checkScopes(operation: OperationDefinition, granted: ReadonlySet<string>): void {
  if (!grantsAll(granted, operation.scopes)) throw BronError.scopeRequired(operation.scopes.filter((scope) => !granted.has(scope)));
  const alternatives = operation.scopeAlternatives;
  if (!alternatives) return;
  for (const set of alternatives) if (grantsAll(granted, set)) return;
  throw new BronError(401, EduvStatus.ScopeRequired, `scope required: one of ${alternatives.map((set) => set.join(' ')).join(' | ')}`);
}

/** A request whose body text is kept once read, so a handler can still have it as a Fetch Request. */
class BodyKeepingRequest implements BronRequest {
  bodyText: string | undefined;
  constructor(private readonly inner: BronRequest) {}
  get method(): string {
    return this.inner.method;
  }
  get url(): string {
    return this.inner.url;
  }
  get headers(): BronRequest['headers'] {
    return this.inner.headers;
  }
  async text(): Promise<string> {
    return (this.bodyText = await this.inner.text());
  }
}

/** A handler's input: one class (one shape for V8), its Fetch Request built only when asked for. */
class HandlerInput {
  readonly query: unknown;
  readonly path: unknown;
  readonly body: unknown;
  readonly selection: SchoolSelection | undefined;
  readonly #source: BronRequest;
  readonly #reading: BronRequest;
  #request: Request | undefined;

  constructor(
    readonly operation: OperationDefinition,
    raw: RawOperationInput,
    readonly school: ResolvedSchool | undefined,
    readonly caller: CallerContext,
    source: BronRequest,
    reading: BronRequest,
  ) {
    this.#source = source;
    this.#reading = reading;
    this.query = raw.query;
    this.path = raw.path;
    this.body = raw.body;
    this.selection = raw.selection;
  }

  /** The request as a Fetch `Request` (built on first use when the bron was called with another BronRequest). */
  get request(): Request {
    return (this.#request ??= toFetchRequest(this.#source, this.#reading instanceof BodyKeepingRequest ? this.#reading.bodyText : undefined));
  }
}

export const requireBearerToken = (request: BronRequest): CallerContext => {
  if (!BEARER.test(request.headers.get('authorization') ?? '')) {
    throw BronError.unauthenticated('the request carries no bearer access token (Authorization: Bearer <token>)');
  }
  return { scopes: 'all' };
};

/** The stand-in for a missing `authenticate`: only with the explicit opt-out, else a configuration error. */
function acceptAnyToken(registry: ApiRegistry, optedOut: boolean | undefined): NonNullable<BronOptions['authenticate']> {
  if (optedOut === true) return requireBearerToken;
  throw new EduvConfigError(
    `the ${registry.title} bron needs \`authenticate\` to verify access tokens; to skip token verification (local experiments and test doubles only) pass \`dangerouslyAcceptAnyToken: true\``,
  );
}

/** A Bron from its `answer`: `handle` is the same answer as a Fetch Response. For brons that wrap a bron. */
export function bronOf(registry: ApiRegistry, basePath: string, answer: Bron['answer']): Bron {
  return {
    registry,
    basePath,
    answer,
    async handle(request) {
      const answered = await answer(request);
      return answered && toResponse(answered);
    },
  };
}

/** A lookup of a school selection in `schools` (a list or a resolver); undefined without schools. */
export function schoolResolver<S extends SchoolRecord>(schools: BronOptions<S>['schools']) {
  if (!schools) return undefined;
  if (typeof schools === 'function') return schools;
  return (selection: SchoolSelection): ResolvedSchool<S> | undefined => {
    const result = resolveSchool(selection, schools);
    return result.ok ? result : undefined;
  };
}

/**
 * Builds a framework-neutral bron (implementing role) for one API from its registry: routing,
 * authentication, scope and school checks, input validation, attribute scopes, `API-Version` on
 * every answer and StatusResponse bodies for every refusal. Handlers only hold business logic.
 */
export function createBron<R extends ApiRegistry, S extends SchoolRecord = SchoolRecord>(
  registry: R,
  handlers: BronHandlers<R, S, true>,
  options: BronOptions<S> & { readonly schools: NonNullable<BronOptions<S>['schools']> },
): Bron;
/** Without `schools` no school is resolved: handlers get the selection and `school: undefined`. */
export function createBron<R extends ApiRegistry, S extends SchoolRecord = SchoolRecord>(
  registry: R,
  handlers: BronHandlers<R, S, false>,
  options?: BronOptions<S> & { readonly schools?: undefined },
): Bron;
export function createBron<R extends ApiRegistry, S extends SchoolRecord = SchoolRecord>(
  registry: R,
  handlers: BronHandlers<R, S>,
  options?: BronOptions<S>,
): Bron;
export function createBron<R extends ApiRegistry, S extends SchoolRecord = SchoolRecord>(
  registry: R,
  handlers: BronHandlers<R, S>,
  options: BronOptions<S> = {},
): Bron {
  const basePath = options.basePath ?? registry.basePath;
  const match = createRouteMatcher(registry, basePath);
  const authenticate = options.authenticate ?? acceptAnyToken(registry, options.dangerouslyAcceptAnyToken);
  const validateResponses = options.validateResponses ?? true;
  const version = registry.version;
  const resolveSelection = schoolResolver(options.schools);
  const cache = options.cacheResponses
    ? { validated: new WeakSet<object>(), bodies: new AnswerBytesCache(options.responseCacheBytes ?? 32 * 1024 * 1024) }
    : undefined;
  const encoder = new TextEncoder();

  // The verifier hands out the same scope set for the same token: sort it once, not per request.
  const scopeKeys = new WeakMap<ReadonlySet<string>, string>();
  const scopeKey = (scopes: CallerContext['scopes']): string => {
    if (scopes === 'all') return '*';
    let key = scopeKeys.get(scopes);
    if (key === undefined) scopeKeys.set(scopes, (key = [...scopes].sort().join(' ')));
    return key;
  };

  const encode = (result: unknown, operation: OperationDefinition, scopes: CallerContext['scopes']): Uint8Array =>
    encoder.encode(JSON.stringify(releaseScopedAttributes(result, operation.attributeScopes, scopes)));
  const serialise = (result: unknown, operation: OperationDefinition, scopes: CallerContext['scopes']): Uint8Array => {
    if (!cache || typeof result !== 'object' || result === null) return encode(result, operation, scopes);
    const key = scopeKey(scopes);
    let bytes = cache.bodies.get(result, key);
    if (!bytes) cache.bodies.set(result, key, (bytes = encode(result, operation, scopes)));
    return bytes;
  };

  // Each step may answer at once (a token verified before, a GET's input, a synchronous check). The
  // steps are chained functions that go on at once when the step before answered at once, and
  // through `then` only when it returned a promise: a cached answer costs no promise at all.
  const run = (operation: OperationDefinition, request: BronRequest, params: Record<string, string>, malformed: string | undefined): Answered<BronAnswer> => {
    const authenticated = authenticate(request, operation);
    if (isThenable(authenticated)) return Promise.resolve(authenticated).then((caller) => afterAuthentication(operation, request, params, malformed, caller));
    return afterAuthentication(operation, request, params, malformed, authenticated);
  };

  const afterAuthentication = (
    operation: OperationDefinition,
    request: BronRequest,
    params: Record<string, string>,
    malformed: string | undefined,
    caller: CallerContext,
  ): Answered<BronAnswer> => {
    if (caller.scopes !== 'all') checkScopes(operation, caller.scopes);
    // Input errors come after the token and scope checks, a path that cannot be decoded too.
    if (malformed) throw BronError.malformedPathParameter(malformed);
    // Only a body a handler may want as a Fetch Request again needs its text kept.
    const reading = request instanceof Request || !operation.body ? request : new BodyKeepingRequest(request);
    const raw = readInputNow(operation, reading, params);
    if (isThenable(raw)) return Promise.resolve(raw).then((read) => afterInput(operation, request, reading, caller, read));
    return afterInput(operation, request, reading, caller, raw);
  };

  const afterInput = (
    operation: OperationDefinition,
    request: BronRequest,
    reading: BronRequest,
    caller: CallerContext,
    raw: RawOperationInput,
  ): Answered<BronAnswer> => {
    let school: ResolvedSchool<S> | undefined;
    if (raw.selection && resolveSelection) {
      school = resolveSelection(raw.selection);
      if (!school) throw BronError.unknownSchool(operation);
      const authorized = options.authorize?.(caller, school, operation, registry);
      if (isThenable(authorized)) {
        const resolved = school;
        return Promise.resolve(authorized).then(() => callHandler(operation, request, reading, caller, raw, resolved));
      }
    }
    return callHandler(operation, request, reading, caller, raw, school);
  };

  const callHandler = (
    operation: OperationDefinition,
    request: BronRequest,
    reading: BronRequest,
    caller: CallerContext,
    raw: RawOperationInput,
    school: ResolvedSchool<S> | undefined,
  ): Answered<BronAnswer> => {
    const handler = handlers[operation.operationId as keyof R['operations']] as (input: OperationInput) => unknown;
    const handled = handler(new HandlerInput(operation, raw, school, caller, request, reading) as unknown as OperationInput);
    if (isThenable(handled)) return Promise.resolve(handled).then((result) => answerWith(operation, caller, result));
    return answerWith(operation, caller, handled);
  };

  const answerWith = (operation: OperationDefinition, caller: CallerContext, result: unknown): Answered<BronAnswer> => {
    if (result instanceof Response) return answerOf(result);
    const schema = operation.responses[operation.successStatus];
    const known = cache !== undefined && typeof result === 'object' && result !== null && cache.validated.has(result);
    if (validateResponses && schema && !known) {
      const problem = responseProblem(schema, result);
      if (problem !== undefined) {
        throw new Error(`${operation.operationId} handler returned a body that does not match the spec: ${problem}`);
      }
      if (cache && typeof result === 'object' && result !== null) cache.validated.add(result);
    }
    if (result === undefined) return bytesAnswer(version, operation.successStatus, undefined);
    return bytesAnswer(version, operation.successStatus, serialise(result, operation, caller.scopes));
  };

  /** A BronError as its StatusResponse; anything else is a bug: reported, and a 500. */
  const refusal = (error: unknown, operation: OperationDefinition): BronAnswer => {
    if (error instanceof BronError) return statusAnswer(version, error.httpStatus, error.eduvStatus, error.statusMessage);
    reportError(options.onUnexpectedError, error, operation);
    return statusAnswer(version, 500, EduvStatus.Other, 'internal error in the bron');
  };

  const answer = (request: BronRequest): Answered<BronAnswer | undefined> => {
    const pathname = pathOf(request.url);
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
    const found = match(request.method, pathname);
    if (found.kind === 'none') {
      return statusAnswer(version, 404, EduvStatus.Other, `no endpoint ${pathname} in ${registry.title} ${version}`);
    }
    if (found.kind === 'method-not-allowed') {
      return statusAnswer(version, 405, EduvStatus.Other, `method ${request.method} not allowed; use ${found.allowed.join(', ')}`, {
        allow: found.allowed.join(', '),
      });
    }
    const operation = found.operation;
    try {
      const answered = run(operation, request, found.params, found.malformed);
      return isThenable(answered) ? answered.then(undefined, (error: unknown) => refusal(error, operation)) : answered;
    } catch (error) {
      return refusal(error, operation);
    }
  };

  return bronOf(registry, basePath, answer);
}
