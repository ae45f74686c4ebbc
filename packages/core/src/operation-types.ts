/**
 * Compile-time types of an operation's request and success response, derived from the operation
 * object openapi-typescript writes for `paths[path][method]` (the idea of openapi-fetch, keyed by
 * operationId through the registry instead of by path).
 */
export interface OperationTypes {
  /** The request parts as `call()` takes them: `query`, `path`, `body`, each required iff the spec requires it. */
  readonly request: object;
  /** The JSON body of the success response; undefined when it has none. */
  readonly response: unknown;
}

/** The part of an openapi-typescript operation object this module reads. */
export interface OpenApiOperation {
  readonly parameters: { readonly query?: unknown; readonly path?: unknown };
  readonly requestBody?: unknown;
  readonly responses: object;
}

type IsOptional<T, K extends keyof T> = undefined extends T[K] ? true : false;

/** Input is never mutated, so readonly arrays and objects are accepted wherever the spec has one. */
type ReadonlyDeep<T> = T extends readonly (infer Item)[]
  ? readonly ReadonlyDeep<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;

/** `{ name?: never }` when the spec has no such part, else `{ name: T }` or `{ name?: T }`. */
type Part<Name extends string, T, Optional extends boolean> = [NonNullable<T>] extends [never]
  ? { readonly [P in Name]?: never }
  : Optional extends true
    ? { readonly [P in Name]?: ReadonlyDeep<NonNullable<T>> }
    : { readonly [P in Name]: ReadonlyDeep<NonNullable<T>> };

type JsonBody<T> = T extends { readonly content: { readonly 'application/json': infer Body } } ? Body : undefined;

type Flatten<T> = { [K in keyof T]: T[K] };

export type RequestOf<Op extends OpenApiOperation> = Flatten<
  Part<'query', Op['parameters']['query'], IsOptional<Op['parameters'], 'query'>> &
    Part<'path', Op['parameters']['path'], IsOptional<Op['parameters'], 'path'>> &
    Part<'body', JsonBody<NonNullable<Op['requestBody']>>, IsOptional<Op, 'requestBody'>>
>;

export type ResponseOf<Op extends OpenApiOperation, Status extends number> = Status extends keyof Op['responses'] ? JsonBody<Op['responses'][Status]> : never;

/** What codegen emits per operation: `OperationTypesOf<paths['/students/school']['get'], 200>`. */
export interface OperationTypesOf<Op extends OpenApiOperation, Status extends number> extends OperationTypes {
  readonly request: RequestOf<Op>;
  readonly response: ResponseOf<Op, Status>;
}

/** The types of a registry built without generated types (tests, hand-made registries). */
export interface UntypedOperation extends OperationTypes {
  readonly request: {
    readonly query?: Readonly<Record<string, unknown>>;
    readonly path?: Readonly<Record<string, string | number>>;
    readonly body?: unknown;
  };
  readonly response: unknown;
}
