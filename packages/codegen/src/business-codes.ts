import type { JsonObject } from './bundle';
import { deref, type OperationNode } from './spec-model';

/** One entry of an operation's `x-eduv-business-codes`, as the registry carries it. */
export interface BusinessCodeEntry {
  status: number;
  httpStatus: number;
  message: string;
  trigger: { in: 'query' | 'path' | 'body' | 'school'; name: string };
  assumed?: string;
}

const ENTRY_KEYS = new Set(['status', 'httpStatus', 'message', 'trigger', 'x-eduv-src', 'x-eduvkit-assumed']);
const TRIGGER_PLACES = ['query', 'path', 'body', 'school'] as const;

/** Top-level properties the request body schema marks required; empty without a body. */
export function requiredBodyFields(doc: JsonObject, operation: OperationNode): string[] {
  const schema = operation.requestBody?.content['application/json']?.schema;
  return schema ? [...(deref(doc, schema).required ?? [])] : [];
}

function bodyProperties(doc: JsonObject, operation: OperationNode): string[] {
  const schema = operation.requestBody?.content['application/json']?.schema;
  return schema ? Object.keys(deref(doc, schema).properties ?? {}) : [];
}

function checkTrigger(doc: JsonObject, operation: OperationNode, trigger: unknown, problems: string[]): void {
  if (typeof trigger !== 'object' || trigger === null) {
    problems.push('trigger must be an object {in, name}');
    return;
  }
  const { in: place, name, ...rest } = trigger as Record<string, unknown>;
  if (Object.keys(rest).length) problems.push(`trigger has unknown keys ${Object.keys(rest).join(', ')}`);
  if (!TRIGGER_PLACES.includes(place as never)) problems.push(`trigger.in must be one of ${TRIGGER_PLACES.join(', ')}`);
  if (typeof name !== 'string' || !name) {
    problems.push('trigger.name must be a non-empty string');
    return;
  }
  const parameters = (operation.parameters ?? []).map((parameter) => deref(doc, parameter));
  const body = bodyProperties(doc, operation);
  const exists =
    place === 'query' || place === 'path'
      ? parameters.some((parameter) => parameter.in === place && parameter.name === name)
      : place === 'body'
        ? body.includes(name)
        : place === 'school'
          ? (name === 'orgMasterId' && parameters.some((parameter) => parameter.in === 'query' && parameter.name === name)) ||
            (name === 'school' && body.includes(name))
          : true;
  if (!exists) problems.push(`trigger ${String(place)} ${name} is not an element of the operation`);
}

/**
 * Reads and checks an operation's `x-eduv-business-codes`: each entry needs a 20xx status, a 4xx
 * HTTP status, a message, a trigger that names a real element of the operation, and a provenance
 * marker. Anything else is refused, like an unmarked element.
 */
export function readBusinessCodes(doc: JsonObject, operation: OperationNode): BusinessCodeEntry[] {
  const declared = operation['x-eduv-business-codes'];
  if (declared === undefined) return [];
  const id = operation.operationId;
  if (!Array.isArray(declared)) throw new Error(`${id}: x-eduv-business-codes must be a list`);
  return declared.map((raw: unknown, index) => {
    const problems: string[] = [];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new Error(`${id}: x-eduv-business-codes[${index}] must be an object`);
    }
    const entry = raw as Record<string, unknown>;
    const unknownKeys = Object.keys(entry).filter((key) => !ENTRY_KEYS.has(key));
    if (unknownKeys.length) problems.push(`unknown keys ${unknownKeys.join(', ')}`);
    const { status, httpStatus, message, trigger } = entry;
    if (!Number.isInteger(status) || (status as number) < 2000 || (status as number) > 2099)
      problems.push('status must be an integer 2000-2099 (an Edu-V 20xx code)');
    if (!Number.isInteger(httpStatus) || (httpStatus as number) < 400 || (httpStatus as number) > 499) problems.push('httpStatus must be an integer 400-499');
    if (typeof message !== 'string' || !message.trim()) problems.push('message must be a non-empty string');
    checkTrigger(doc, operation, trigger, problems);
    const source = entry['x-eduv-src'];
    const assumed = entry['x-eduvkit-assumed'];
    if (typeof source !== 'string' && typeof assumed !== 'string') problems.push('needs x-eduv-src or x-eduvkit-assumed');
    if (problems.length) throw new Error(`${id}: x-eduv-business-codes[${index}]: ${problems.join('; ')}`);
    const { in: place, name } = trigger as BusinessCodeEntry['trigger'];
    return {
      status: status as number,
      httpStatus: httpStatus as number,
      message: message as string,
      trigger: { in: place, name },
      ...(typeof assumed === 'string' ? { assumed } : {}),
    };
  });
}
