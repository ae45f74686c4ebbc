import type { z } from 'zod';
import type { OperationTypes, UntypedOperation } from './operation-types';

/** How an Edu-V exchange flows; named after the testlab's classification. */
export type InteractionType = 'pull-sync' | 'push-sync' | 'push-async' | 'notification';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Where an operation takes the school it acts for, derived from the spec by codegen. */
export type SchoolSelectionSource = 'query' | 'body' | 'none';

export interface OperationParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required: boolean;
}

/** An Edu-V business (20xx) refusal an operation can answer, from the spec's x-eduv-business-codes. */
export interface BusinessCode {
  /** Edu-V status, e.g. 2008. */
  readonly status: number;
  /** HTTP status it travels with, e.g. 400 or 404. */
  readonly httpStatus: number;
  /** e.g. "SchoolPeriod unknown". */
  readonly message: string;
  /** The request element whose unknown value triggers it; 'school' = the school selection (query orgMasterId/orgId or body school). */
  readonly trigger: { readonly in: 'query' | 'path' | 'body' | 'school'; readonly name: string };
  /** Present when Edu-V did not publish this code or its HTTP status for this operation: eduvkit's reason. */
  readonly assumed?: string;
}

/**
 * One operation of an Edu-V API as codegen derives it from the OpenAPI document. Clients, bron
 * helpers, MSW handlers, the mock server and the conformance kit all read this, never the spec.
 */
export interface OperationDefinition {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path relative to the API base URL, OpenAPI template syntax (`/things/{id}`). */
  readonly path: string;
  readonly summary: string;
  readonly interaction: InteractionType;
  /** Safe to retry: GET/PUT/DELETE, or a POST the spec marks `x-eduv-idempotent` (a search). */
  readonly idempotent: boolean;
  /** Scopes the access token must carry to call the operation at all. */
  readonly scopes: readonly string[];
  /**
   * When the spec lists several security requirements (OpenAPI: any one of them suffices), the
   * scope sets of which the token must fully hold at least one; `scopes` is then empty.
   */
  readonly scopeAlternatives?: readonly (readonly string[])[];
  /** Response attributes released only with an extra scope (attribute name → scope). */
  readonly attributeScopes: Readonly<Record<string, string>>;
  readonly parameters: readonly OperationParameter[];
  readonly schoolSelection: SchoolSelectionSource;
  /** Validates (and coerces) the query string; undefined when the operation has no query parameters. */
  readonly query?: z.ZodType;
  /** Validates (and coerces) the path parameters. */
  readonly pathParams?: z.ZodType;
  /** Validates the JSON request body. */
  readonly body?: z.ZodType;
  readonly bodyRequired: boolean;
  /** Top-level properties the spec marks required in the request body (empty without a body). */
  readonly requiredBodyFields: readonly string[];
  /** The business refusals the spec lists for this operation (empty when it lists none). */
  readonly businessCodes: readonly BusinessCode[];
  /** HTTP status of a successful answer. */
  readonly successStatus: number;
  /** Response body schemas by HTTP status; a status without a body maps to undefined. */
  readonly responses: Readonly<Record<number, z.ZodType | undefined>>;
  /**
   * The reference component that implements this operation when it is not the API's
   * `roles.implementing` (a confirmation endpoint lives at the verzender), from `x-eduv-implemented-by`.
   */
  readonly implementedBy?: string;
  /** For a push-asynchronous operation: its half of the melding–bevestiging pair (conventions §12). */
  readonly exchange?: ExchangeFacts;
}

/**
 * How one push-asynchronous operation takes part in a request–confirmation exchange, from the spec's
 * `x-eduvkit-exchange`: a `request` (verzender → ontvanger, answered 202, later confirmed) or the
 * `confirmation` that answers it (ontvanger → verzender, answered 202).
 */
export interface ExchangeFacts {
  readonly message: 'request' | 'confirmation';
  /** Body field with the verzender's reference id, in the request and echoed in the confirmation (e.g. `requestReferenceId`). */
  readonly reference: string;
  /** Body field of the confirmation with the ontvanger's own reference (e.g. `responseReferenceId`), when there is one. */
  readonly receipt?: string;
  /** Body field of the confirmation with the moment of processing (`processedTimestamp`), when there is one. */
  readonly processedAt?: string;
  /** operationId of the other half: the confirmation of a request, or the request a confirmation answers. */
  readonly pair: string;
}

export interface ApiRoles {
  /** The reference component that offers (implements) the API: the bron or ontvanger. */
  readonly implementing: string;
  /** Reference components that call it: afnemers or verzenders. */
  readonly calling: readonly string[];
}

/**
 * Everything eduvkit knows about one Edu-V API (gegevensdienst), generated from its spec. `Types`
 * are the compile-time request and response types of its operations (see `defineTypedApi`).
 */
export interface ApiRegistry<Ops extends Record<string, OperationDefinition> = Record<string, OperationDefinition>, Types = unknown> {
  /** The name Edu-V uses in consent and notifications, e.g. `students-api`. */
  readonly api: string;
  readonly title: string;
  /** Full semantic version, sent in the `API-Version` response header. */
  readonly version: string;
  readonly major: number;
  /** Path prefix under which eduvkit serves the API: `/<api>/v<major>`. */
  readonly basePath: string;
  readonly roles: ApiRoles;
  readonly consentRequired: boolean;
  readonly scopes: readonly string[];
  /** Scopes Edu-V reserves for some of the calling roles (scope → roles), from `x-eduvkit-scope-roles`; others are open to every calling role. */
  readonly scopeRoles?: Readonly<Record<string, readonly string[]>>;
  /** For a data API one can subscribe to (Notifications API): its scope and object types, the main one first; from `x-eduvkit-notifications`. */
  readonly notifications?: {
    readonly scope: string;
    readonly objectTypes: readonly string[];
    /** Per object type, the operationId of the by-id GET a consumer fetches a changed object with. */
    readonly fetch?: Readonly<Record<string, string>>;
  };
  readonly operations: Ops;
  /** Type-only: never present at runtime. Carries `Types` so that `call()` can infer them. */
  readonly '~types'?: Types;
}

export function defineApi<const Ops extends Record<string, OperationDefinition>>(registry: ApiRegistry<Ops>): ApiRegistry<Ops> {
  return registry;
}

/**
 * A registry whose operations carry types, as codegen writes it:
 * `defineTypedApi<StudentsOperations>()({ ... })`. Every typed operation needs a definition.
 */
export function defineTypedApi<Types extends { [K in keyof Types]: OperationTypes }>() {
  return <const Ops extends Record<string, OperationDefinition> & Record<keyof Types, OperationDefinition>>(
    registry: ApiRegistry<Ops, Types>,
  ): ApiRegistry<Ops, Types> => registry;
}

export type OperationIds<R extends ApiRegistry> = keyof R['operations'] & string;

/** The types of one operation of `R`; untyped for a registry without `Types`. */
export type OperationTypesFor<R extends ApiRegistry, K extends OperationIds<R>> = unknown extends R['~types']
  ? UntypedOperation
  : K extends keyof NonNullable<R['~types']>
    ? NonNullable<R['~types']>[K] & OperationTypes
    : UntypedOperation;
