import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { emitRegistryModule } from '../src/emit-registry';
import { emitZodModule } from '../src/emit-zod';

/**
 * `schoolSelection` is emitted as a literal: read-input decides from it whether a request must name
 * a school, and the bron's handler types whether `school` is there (decision 040).
 */
const orgMasterId = { name: 'orgMasterId', in: 'query', required: false, schema: { type: 'string' } };
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };
const get = (operationId: string, parameters: unknown[], extra: JsonObject = {}) => ({
  get: { operationId, 'x-eduv-interaction': 'pull-sync', parameters, responses: ok, ...extra },
});

function emit(paths: JsonObject): string {
  const doc: JsonObject = {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0', 'x-eduv-api': 'things-api', 'x-eduv-roles': { implementing: 'Bron', calling: ['Afnemer'] } },
    components: { schemas: { SchoolReference: { type: 'object', properties: { organisationMasterIdentifier: { type: 'string' } } } } },
    paths,
  };
  return emitRegistryModule(doc, emitZodModule(doc, ''), 'thingsApi', 'ThingsOperations', '');
}

const selectionOf = (source: string, operationId: string): string =>
  /schoolSelection: ("\w+")/.exec(source.slice(source.indexOf(`operationId: "${operationId}"`)))![1]!;

describe('schoolSelection in the registry', () => {
  const source = emit({
    '/things/school': get('listThingsForSchool', [orgMasterId]),
    '/things/school/find': {
      post: {
        operationId: 'findThing',
        'x-eduv-interaction': 'pull-sync',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { school: { $ref: '#/components/schemas/SchoolReference' } } } } },
        },
        responses: ok,
      },
    },
    '/things/{id}': get('getThing', [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]),
    '/things/maybe': get('listThingsMaybeForSchool', [orgMasterId], { 'x-eduv-school-selection': 'none' }),
  });

  it('is "query" with an orgMasterId query parameter, "body" with a body school, else "none"', () => {
    expect(selectionOf(source, 'listThingsForSchool')).toBe('"query"');
    expect(selectionOf(source, 'findThing')).toBe('"body"');
    expect(selectionOf(source, 'getThing')).toBe('"none"');
  });

  it('follows x-eduv-school-selection over the parameters, and refuses an unknown value', () => {
    expect(selectionOf(source, 'listThingsMaybeForSchool')).toBe('"none"');
    expect(() => emit({ '/things/school': get('listThingsForSchool', [orgMasterId], { 'x-eduv-school-selection': 'header' }) })).toThrow(
      'listThingsForSchool: x-eduv-school-selection must be one of query, body, none',
    );
  });
});
