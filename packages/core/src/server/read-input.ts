import type { z } from 'zod';
import type { OperationDefinition } from '../registry';
import type { BronRequest } from './bron-request';
import { readSchoolSelection, selectionFromSchoolReference, type SchoolSelection, type SelectionResult } from '../school';
import { BronError } from './bron-error';
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
  const result = schema.safeParse(value);
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

/**
 * Reads and validates everything an operation takes from a request: query, path parameters and
 * JSON body, then the school it names. Every failure is a BronError (400 / 0011 naming the field).
 */
export async function readOperationInput(
  operation: OperationDefinition,
  request: BronRequest,
  pathParams: Record<string, string>,
): Promise<RawOperationInput> {
  const rawQuery = searchParamsToObject(new URL(request.url).searchParams);
  const query = validate(operation.query, rawQuery, 'query parameter');
  const path = validate(operation.pathParams, pathParams, 'path parameter');
  let body: unknown;
  if (operation.body) {
    body = validate(operation.body, await readJsonBody(request, operation.bodyRequired), 'body field');
  }
  let selection: SchoolSelection | undefined;
  if (operation.schoolSelection === 'query') selection = selectionOrThrow(readSchoolSelection(rawQuery));
  if (operation.schoolSelection === 'body') {
    selection = selectionOrThrow(selectionFromSchoolReference((body as { school?: unknown } | undefined)?.school));
  }
  return { query, path, body, selection };
}
