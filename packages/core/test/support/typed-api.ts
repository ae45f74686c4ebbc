import { z } from 'zod';
import type { OperationTypesOf } from '../../src/operation-types';
import { defineTypedApi, type OperationDefinition } from '../../src/registry';

interface Student {
  studentId: string;
  familyName: string;
}

/** A `paths` object in the shape openapi-typescript writes, for a two-operation API. */
export interface paths {
  '/students/school': {
    get: {
      parameters: {
        query: { orgMasterId: string; schoolPeriodId?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': Student[] } };
        400: { headers: { [name: string]: unknown }; content: { 'application/json': { status: number } } };
      };
    };
  };
  '/students/{id}': {
    put: {
      parameters: { query?: { dryRun?: boolean }; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { 'application/json': { familyName: string; nickname?: string } } };
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
    };
  };
}

export interface TestOperations {
  listStudents: OperationTypesOf<paths['/students/school']['get'], 200>;
  putStudent: OperationTypesOf<paths['/students/{id}']['put'], 204>;
}

/** An operation definition with harmless defaults, for registries built by hand in tests. */
export function operation(definition: Partial<OperationDefinition> & Pick<OperationDefinition, 'operationId'>): OperationDefinition {
  return {
    method: 'GET',
    path: '/',
    summary: '',
    interaction: 'pull-sync',
    idempotent: true,
    scopes: ['eduv.student'],
    attributeScopes: {},
    parameters: [],
    schoolSelection: 'none',
    bodyRequired: false,
    requiredBodyFields: [],
    businessCodes: [],
    successStatus: 200,
    responses: {},
    ...definition,
  };
}

const students = z.array(z.object({ studentId: z.string(), familyName: z.string() }));

export const typedApi = defineTypedApi<TestOperations>()({
  api: 'students-api',
  title: 'Typed test API',
  version: '1.0.0',
  major: 1,
  basePath: '/students-api/v1',
  roles: { implementing: 'bron', calling: ['afnemer'] },
  consentRequired: false,
  scopes: [],
  operations: {
    listStudents: operation({ operationId: 'listStudents', path: '/students/school', responses: { 200: students } }),
    putStudent: operation({ operationId: 'putStudent', method: 'PUT', path: '/students/{id}', successStatus: 204, responses: { 204: undefined } }),
  },
});
