import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { emitRegistryModule } from '../src/emit-registry';
import { emitStatusModule } from '../src/emit-status';
import { emitZodModule } from '../src/emit-zod';

const period = { status: 2008, httpStatus: 400, message: 'SchoolPeriod unknown', trigger: { in: 'query', name: 'schoolPeriodId' }, 'x-eduv-src': 'T' };

/** A one-operation document: a search with a school in its body and a schoolPeriodId filter. */
function docWith(codes: unknown): JsonObject {
  return {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0', 'x-eduv-api': 'things-api', 'x-eduv-roles': { implementing: 'Bron', calling: ['Afnemer'] } },
    components: {
      schemas: {
        Search: {
          type: 'object',
          required: ['school', 'thing'],
          properties: { school: { type: 'object', properties: { id: { type: 'string' } } }, thing: { type: 'string' }, note: { type: 'string' } },
        },
      },
    },
    paths: {
      '/things': {
        post: {
          operationId: 'findThing',
          'x-eduv-interaction': 'push-sync',
          'x-eduv-business-codes': codes,
          parameters: [{ name: 'schoolPeriodId', in: 'query', schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Search' } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };
}

const emit = (codes: unknown): string => {
  const doc = docWith(codes);
  return emitRegistryModule(doc, emitZodModule(doc, ''), 'thingsApi', 'ThingsOperations', '');
};

describe('x-eduv-business-codes', () => {
  it('is emitted as businessCodes, with the assumption as `assumed`, next to the required body fields', () => {
    const school = {
      status: 2001,
      httpStatus: 400,
      message: 'School unknown',
      trigger: { in: 'school', name: 'school' },
      'x-eduvkit-assumed': 'no HTTP status published',
    };
    const thing = { status: 2002, httpStatus: 404, message: 'Thing unknown', trigger: { in: 'body', name: 'thing' }, 'x-eduvkit-assumed': 'no code published' };
    const source = emit([period, school, thing]);
    const codes = JSON.parse(/businessCodes: (\[.*\]),\n/.exec(source)![1]!) as unknown;
    expect(codes).toEqual([
      { status: 2008, httpStatus: 400, message: 'SchoolPeriod unknown', trigger: { in: 'query', name: 'schoolPeriodId' } },
      { status: 2001, httpStatus: 400, message: 'School unknown', trigger: { in: 'school', name: 'school' }, assumed: 'no HTTP status published' },
      { status: 2002, httpStatus: 404, message: 'Thing unknown', trigger: { in: 'body', name: 'thing' }, assumed: 'no code published' },
    ]);
    expect(source).toContain('requiredBodyFields: ["school","thing"],');
  });

  it('is an empty list when the operation lists none', () => {
    expect(emit(undefined)).toContain('businessCodes: [],');
  });

  it.each([
    ['a list', { ...period }, /must be a list/],
    ['a 20xx status', [{ ...period, status: 11 }], /status must be an integer 2000-2099/],
    ['a 4xx HTTP status', [{ ...period, httpStatus: 200 }], /httpStatus must be an integer 400-499/],
    ['a message', [{ ...period, message: ' ' }], /message must be a non-empty string/],
    ['a known trigger place', [{ ...period, trigger: { in: 'header', name: 'schoolPeriodId' } }], /trigger.in must be one of query, path, body, school/],
    [
      'a trigger that exists',
      [{ ...period, trigger: { in: 'query', name: 'studyOfferingId' } }],
      /trigger query studyOfferingId is not an element of the operation/,
    ],
    ['a school trigger that is the selection', [{ ...period, trigger: { in: 'school', name: 'thing' } }], /trigger school thing is not an element/],
    [
      'a provenance marker',
      [{ status: 2008, httpStatus: 400, message: 'SchoolPeriod unknown', trigger: { in: 'query', name: 'schoolPeriodId' } }],
      /needs x-eduv-src or x-eduvkit-assumed/,
    ],
    ['only known keys', [{ ...period, http: 400 }], /unknown keys http/],
  ])('refuses an entry without %s, naming the operation and the entry', (_what, codes, message) => {
    expect(() => emit(codes)).toThrow(message);
    expect(() => emit(codes)).toThrow(/^findThing: x-eduv-business-codes/);
  });
});

describe('generated/status.ts', () => {
  it('names the constants <Api>Status, or <Api>BusinessStatus when a schema already has that name', () => {
    const doc = docWith([period]);
    expect(emitStatusModule(doc, 'Things', 'thingsApi', '')).toContain(
      'export const ThingsStatus = {\n  /** 2008 SchoolPeriod unknown. */\n  SchoolPeriodUnknown: 2008,',
    );
    ((doc.components as JsonObject).schemas as JsonObject).ThingsStatus = { type: 'string', enum: ['new', 'old'] };
    const renamed = emitStatusModule(doc, 'Things', 'thingsApi', '');
    expect(renamed).toContain('export const ThingsBusinessStatus = {');
    expect(renamed).not.toContain('export const ThingsStatus');
  });
});
