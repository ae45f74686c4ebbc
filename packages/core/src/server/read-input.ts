import { compiledSchema } from '../compiled-schema';
import type { z } from 'zod';
import type { OperationDefinition } from '../registry';
import type { BronRequest } from './bron-request';
import { readSchoolSelection, selectionFromSchoolReference, type SchoolSelection, type SelectionResult } from '../school';
import { BronError } from './bron-error';
import { BoundedMemo } from './bounded-memo';
import { describeIssues, type InputLocation } from './describe-issues';

export interface RawOperationInput {
  query: unknown;
  path: unknown;
  body: unknown;
  selection: SchoolSelection | undefined;
}

/** Upper bound for a request body; Edu-V search bodies are a few hundred bytes. */
export const MAX_BODY_BYTES = 1_000_000;

function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function validate(schema: z.ZodType | undefined, value: unknown, location: InputLocation): unknown {
  if (!schema) return undefined;
  const result = compiledSchema(schema).safeParse(value);
  if (!result.success) throw BronError.schema(describeIssues(location, result.error.issues));
  return result.data;
}

function selectionOrThrow(result: SelectionResult): SchoolSelection {
  if (!result.ok) throw new BronError(result.error.httpStatus, result.error.eduvStatus, result.error.statusMessage);
  return result.selection;
}

async function readJsonBody(request: BronRequest, required: boolean): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw BronError.bodyTooLarge(MAX_BODY_BYTES);
  if (!text.trim()) {
    if (required) throw BronError.schema('the request body is required');
    return undefined;
  }
  const type = request.headers.get('content-type');
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw BronError.schema(`Content-Type must be application/json, not ${type.slice(0, 80)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw BronError.schema('request body is not valid JSON');
  }
}

/** The query string of an absolute URL (from `?`, before any `#`); '' without one. */
function searchOf(url: string): string {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const mark = url.indexOf('?');
  return mark === -1 || mark > end ? '' : url.slice(mark, end);
}

interface ReadQuery {
  readonly raw: Record<string, string | string[]>;
  readonly query: unknown;
  /** Only for operations that take their school from the query. */
  readonly selection: SelectionResult | undefined;
}

/**
 * A query that passed validation, per operation and query string: the same string gives the same
 * result, so a repeated request is not parsed and validated again. Invalid ones are not kept.
 */
const readQueries = new WeakMap<OperationDefinition, BoundedMemo<ReadQuery>>();
/** Validated path parameters by the route matcher's params object (one per method and path). */
const readPaths = new WeakMap<object, unknown>();

function readQuery(operation: OperationDefinition, url: string): ReadQuery {
  let memo = readQueries.get(operation);
  if (!memo) readQueries.set(operation, (memo = new BoundedMemo()));
  return memo.get(searchOf(url), (search) => {
    // Parsed as `URL` does (its percent-encoding of the query, then form decoding), only on a miss.
    const raw = searchParamsToObject(new URL(`http://memo/${search}`).searchParams);
    const query = validate(operation.query, raw, 'query parameter');
    return { raw, query: query && Object.freeze(query), selection: operation.schoolSelection === 'query' ? readSchoolSelection(raw) : undefined };
  });
}

function readPath(operation: OperationDefinition, pathParams: Readonly<Record<string, string>>): unknown {
  if (!operation.pathParams) return undefined;
  if (readPaths.has(pathParams)) return readPaths.get(pathParams);
  const path = validate(operation.pathParams, pathParams, 'path parameter');
  if (Object.isFrozen(pathParams)) readPaths.set(pathParams, path && Object.freeze(path));
  return path;
}

/**
 * Reads and validates everything an operation takes from a request: query, path parameters and
 * JSON body, then the school it names. Every failure is a BronError (400 / 0011 naming the field),
 * in that order whether or not the query and path were seen before.
 */
export async function readOperationInput(
  operation: OperationDefinition,
  request: BronRequest,
  pathParams: Readonly<Record<string, string>>,
): Promise<RawOperationInput> {
  return readInputNow(operation, request, pathParams);
}

/**
 * readOperationInput without a promise for an operation without a body (what the bron's hot path
 * calls: a GET needs no microtask here); it throws its BronError instead of rejecting.
 */
export function readInputNow(
  operation: OperationDefinition,
  request: BronRequest,
  pathParams: Readonly<Record<string, string>>,
): RawOperationInput | Promise<RawOperationInput> {
  const read = readQuery(operation, request.url);
  const path = readPath(operation, pathParams);
  if (operation.body) return withBody(operation, request, read, path);
  let selection = read.selection ? selectionOrThrow(read.selection) : undefined;
  if (operation.schoolSelection === 'body') selection = selectionOrThrow(selectionFromSchoolReference(undefined));
  return { query: read.query, path, body: undefined, selection };
}

async function withBody(operation: OperationDefinition, request: BronRequest, read: ReadQuery, path: unknown): Promise<RawOperationInput> {
  const body = validate(operation.body, await readJsonBody(request, operation.bodyRequired), 'body field');
  let selection: SchoolSelection | undefined;
  if (read.selection) selection = selectionOrThrow(read.selection);
  if (operation.schoolSelection === 'body') {
    selection = selectionOrThrow(selectionFromSchoolReference((body as { school?: unknown } | undefined)?.school));
  }
  return { query: read.query, path, body, selection };
}
