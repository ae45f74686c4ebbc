import { z } from 'zod';
import { defineApi } from '../../src/registry';

/** One operation per school source: the query (`…/school?orgMasterId=`), a body `school`, and none. */
const Thing = z.object({ id: z.string(), school: z.string().optional() });
const common = {
  summary: '',
  interaction: 'pull-sync',
  idempotent: true,
  scopes: [],
  attributeScopes: {},
  parameters: [],
  requiredBodyFields: [],
  businessCodes: [],
  successStatus: 200,
} as const;

export const schoolApi = defineApi({
  api: 'school-things-api',
  title: 'School things',
  version: '1.0.0',
  major: 1,
  basePath: '/school-things-api/v1',
  roles: { implementing: 'Bron', calling: ['Afnemer'] },
  consentRequired: false,
  scopes: [],
  operations: {
    listThingsForSchool: {
      ...common,
      operationId: 'listThingsForSchool',
      method: 'GET',
      path: '/things/school',
      schoolSelection: 'query',
      query: z.object({ orgMasterId: z.string().optional(), orgId: z.string().optional(), orgIdType: z.string().optional() }),
      bodyRequired: false,
      responses: { 200: z.array(Thing) },
    },
    findThing: {
      ...common,
      operationId: 'findThing',
      method: 'POST',
      path: '/things/school/find',
      schoolSelection: 'body',
      body: z.object({ school: z.object({ organisationMasterIdentifier: z.string() }).optional(), id: z.string() }),
      bodyRequired: true,
      responses: { 200: Thing },
    },
    getThing: {
      ...common,
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{id}',
      schoolSelection: 'none',
      pathParams: z.object({ id: z.string() }),
      bodyRequired: false,
      responses: { 200: Thing },
    },
  },
});

export const schoolDirectory = [{ orgMasterId: '104A158', name: 'De Regenboog', sector: 'po' as const, ids: [] }];
