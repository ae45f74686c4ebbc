import { randomUUID } from 'node:crypto';
import { unknownSchoolRefusal, type ApiRegistry, type OperationDefinition } from '@eduvkit/core';
import {
  activationCodeRequest,
  activationCodeRevokeRequest,
  activationCodeConfirmation,
  activationCodeRevokeConfirmation,
} from '@eduvkit/activationcode/fixtures';
import { createRandom, type Random } from '@eduvkit/core/fixtures';
import { deliveryOrder, deliveryOrderConfirmation, deliveryOrderRequest } from '@eduvkit/delivery/fixtures';
import {
  changeLicenseStatusRequest,
  createEntitlement,
  entitlementConfirmation,
  entitlementRequest,
  licenseStatusConfirmation,
} from '@eduvkit/entitlement/fixtures';
import { notificationsApi } from '@eduvkit/notifications';
import { creditOrderConfirmation, creditOrderRequest, orderConfirmation, orderRequest } from '@eduvkit/order/fixtures';
import { initialActivation, initialActivationConfirmation } from '@eduvkit/usage/fixtures';
import { expect } from 'vitest';
import { MOCK_REGISTRIES, type MockServer, type MockWorld } from '../../src/index';
import { demoToken } from './assertions';

/** Every API the mock serves, the Notifications producer included: the tables below loop over these. */
export const SERVED_REGISTRIES: readonly ApiRegistry[] = [...MOCK_REGISTRIES, notificationsApi];

/**
 * Endpoints the other side of an exchange implements: the mock answers them 405 before any check.
 * Of the chain's confirmation endpoints the mock serves only `confirmEntitlement`: it sends
 * entitlements (as Aanspraakmanager); every other confirmation goes to the client's endpoint.
 */
export const OTHER_ROLE_OPERATIONS: ReadonlySet<string> = new Set([
  'receiveNotification',
  'receiveNotifications',
  'confirmOrder',
  'confirmCreditOrder',
  'confirmDeliveryOrder',
  'confirmLicenseStatusChange',
  'confirmActivationCodes',
  'confirmActivationCodeRevoke',
  'confirmInitialActivation',
]);

export interface OperationCase {
  readonly name: string;
  readonly registry: ApiRegistry;
  readonly operation: OperationDefinition;
}

/** Every operation of every served API, named `<api> <METHOD> <path>`. */
export const EVERY_OPERATION: readonly OperationCase[] = SERVED_REGISTRIES.flatMap((registry) =>
  Object.values(registry.operations).map((operation) => ({ name: `${registry.api} ${operation.method} ${operation.path}`, registry, operation })),
);

/** The operations a caller of the providing side may use (every one but the other role's endpoints). */
export const PROVIDED_OPERATIONS = EVERY_OPERATION.filter(({ operation }) => !OTHER_ROLE_OPERATIONS.has(operation.operationId));

/** Operations that act for one school the bron resolves (query or body), so school and consent checks apply. */
export const schoolChecked = ({ operation }: OperationCase): boolean => operation.schoolSelection !== 'none';
export const consentChecked = (item: OperationCase): boolean => item.registry.consentRequired && schoolChecked(item);

/** The Edu-V refusal an answer must carry: HTTP status, Edu-V status and (part of) the message. */
export interface Refusal {
  readonly httpStatus: number;
  readonly eduvStatus: number;
  readonly message?: RegExp;
}

/** The answer to a school the bron does not know: the rule brons and the conformance kit share (decision 008). */
export function expectedUnknownSchool(_registry: ApiRegistry, operation: OperationDefinition): Refusal {
  const refusal = unknownSchoolRefusal(operation);
  return { httpStatus: refusal.httpStatus, eduvStatus: refusal.eduvStatus, message: new RegExp(refusal.message) };
}

export const UNKNOWN_SCHOOL = '999Z999';

/** A school id and, per body operation, the people a valid search names. */
export interface RequestContext {
  readonly world: MockWorld;
  readonly orgMasterId: string;
}

const schoolReference = (orgMasterId: string) => ({ organisationMasterIdentifier: orgMasterId });
const firstStudent = ({ world, orgMasterId }: RequestContext) => {
  const student = world.students.get(orgMasterId)?.[0]?.student;
  return student?.userMasterIdentifier ? { userMasterIdentifier: student.userMasterIdentifier } : { userMasterIdentifier: 'https://ketenid.nl/201703/unknown' };
};
const firstEmployee = ({ world, orgMasterId }: RequestContext) => {
  const userIds = world.employees.get(orgMasterId)?.[0]?.employee.userIds;
  return { userIds: userIds?.length ? userIds : [{ userId: 'unknown', userIdType: 'ASI' }] };
};
const consentBody = ({ orgMasterId }: RequestContext, extra: Record<string, unknown>) => ({
  school: schoolReference(orgMasterId),
  api: 'students-api',
  scopes: ['eduv.student.basic'],
  ...extra,
});
const notification = ({ orgMasterId }: RequestContext) => ({
  id: randomUUID(),
  notificationType: 'object',
  objectType: 'Student',
  school: schoolReference(orgMasterId),
  created: new Date().toISOString(),
});

const resultsDelivery = (context: RequestContext) => ({
  school: schoolReference(context.orgMasterId),
  assessmentDateTime: '2026-03-12T09:30:00Z',
  assessmentDefinition: { id: randomUUID(), name: 'Toets rekenen blok 3' },
  studentScoresAndResults: [{ student: firstStudent(context), results: [{ resultType: '1.0-10.0', result: '7.4' }] }],
});
const simpleProgress = (context: RequestContext) => ({
  id: randomUUID(),
  student: firstStudent(context),
  school: schoolReference(context.orgMasterId),
  assignableUnitId: 'blok-1',
  courseId: 'rekenen-groep-5',
  status: 'completed',
  timestamp: '2026-03-12T10:05:00Z',
});

/** A fresh random stream per body: every request gets new reference ids. */
const fresh = (): Random => createRandom(Math.floor(Math.random() * 2 ** 31));
const schoolOf = ({ world, orgMasterId }: RequestContext) =>
  world.schools.find((school) => school.orgMasterId === orgMasterId) ?? { ...world.schools[0]!, orgMasterId };
/** A digital product of the mock chain's range (the Order package's range for the world's seed). */
const productOf = ({ world }: RequestContext) => world.products.find((product) => product.type === 'digital')!.productId;
const anOrder = (context: RequestContext) => orderRequest(fresh(), { productId: productOf(context) });
const aDeliveryOrder = (context: RequestContext) =>
  deliveryOrderRequest(fresh(), deliveryOrder(fresh(), { productId: productOf(context), school: schoolOf(context) }));
const anEntitlement = (context: RequestContext) =>
  createEntitlement(fresh(), { productId: productOf(context), school: schoolOf(context), entitlementType: 'school-student' });
const userSearch = (context: RequestContext) => ({ school: schoolReference(context.orgMasterId), user: firstStudent(context) });
const activation = (context: RequestContext) =>
  initialActivation(fresh(), { entitlement: { ...anEntitlement(context), school: schoolReference(context.orgMasterId) }, user: firstStudent(context) });

/** The chain's bodies, from the packages' fixtures. */
const CHAIN_BODIES: Readonly<Record<string, (context: RequestContext) => unknown>> = {
  placeOrder: anOrder,
  confirmOrder: (context) => orderConfirmation(fresh(), anOrder(context)),
  placeCreditOrder: (context) => creditOrderRequest(fresh(), anOrder(context)),
  confirmCreditOrder: (context) => creditOrderConfirmation(fresh(), creditOrderRequest(fresh(), anOrder(context))),
  sendDeliveryOrder: aDeliveryOrder,
  confirmDeliveryOrder: (context) => deliveryOrderConfirmation(fresh(), aDeliveryOrder(context)),
  listDeliveryOrdersForUser: userSearch,
  sendEntitlement: (context) => entitlementRequest(fresh(), { productId: productOf(context), school: schoolOf(context) }),
  confirmEntitlement: (context) =>
    entitlementConfirmation(entitlementRequest(fresh(), { productId: productOf(context), school: schoolOf(context) }), {
      random: fresh(),
      receiver: { role: 'Licentieregistratie' },
    }),
  changeLicenseStatus: (context) => changeLicenseStatusRequest(fresh(), { entitlement: anEntitlement(context), user: firstStudent(context) }),
  confirmLicenseStatusChange: (context) =>
    licenseStatusConfirmation(changeLicenseStatusRequest(fresh(), { entitlement: anEntitlement(context), user: firstStudent(context) }), { random: fresh() }),
  listEntitlementsForUser: userSearch,
  requestActivationCodes: (context) => activationCodeRequest(fresh(), { productId: productOf(context), quantity: 3 }),
  confirmActivationCodes: (context) => activationCodeConfirmation(fresh(), activationCodeRequest(fresh(), { productId: productOf(context), quantity: 3 })),
  revokeActivationCode: () => activationCodeRevokeRequest(fresh(), 'K7QM-2XPA-9RTL'),
  confirmActivationCodeRevoke: () => activationCodeRevokeConfirmation(fresh(), activationCodeRevokeRequest(fresh(), 'K7QM-2XPA-9RTL')),
  reportInitialActivation: activation,
  confirmInitialActivation: (context) => initialActivationConfirmation(activation(context), { random: fresh() }),
  listUserUsage: userSearch,
};

/**
 * A valid body per operation that takes one, in the spec's own terms: the only hand-written part of
 * the tables (a test checks that every operation with a body has one, so a new API cannot slip by).
 */
export const VALID_BODIES: Readonly<Record<string, (context: RequestContext) => unknown>> = {
  findStudent: (context) => ({ school: schoolReference(context.orgMasterId), student: firstStudent(context) }),
  findEmployee: (context) => ({ school: schoolReference(context.orgMasterId), employee: firstEmployee(context) }),
  findEnrollmentsForStudent: (context) => ({ school: schoolReference(context.orgMasterId), student: firstStudent(context) }),
  findAssignmentsForEmployee: (context) => ({ school: schoolReference(context.orgMasterId), employee: firstEmployee(context) }),
  sendConsentRequest: (context) => consentBody(context, { consumerReferenceId: randomUUID(), consumerStatus: 'requested' }),
  sendConsentNotification: (context) => consentBody(context, { providerReferenceId: randomUUID(), providerStatus: 'granted' }),
  sendConsentRevoke: (context) => consentBody(context, { providerReferenceId: randomUUID(), consumerReferenceId: randomUUID() }),
  sendConsentConfirmation: (context) =>
    consentBody(context, { providerReferenceId: randomUUID(), consumerReferenceId: randomUUID(), consumerStatus: 'confirmed' }),
  receiveNotifications: (context) => [notification(context)],
  receiveNotification: (context) => notification(context),
  postResults: resultsDelivery,
  putSimpleProgress: simpleProgress,
  ...CHAIN_BODIES,
};

/** Path parameters that are enums in the spec get a valid member; every other one a placeholder or a real id. */
const PATH_VALUES: Readonly<Record<string, string>> = { api: 'students-api' };

export interface EduvRequest {
  readonly method: string;
  /** The path under the server, base path included, parameters filled in. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The raw body text, when a case sends something that is not JSON. */
  readonly rawBody?: string;
}

/** A request the operation accepts: the school in the query or the body, valid body, path parameters filled. */
export function validRequest({ registry, operation }: OperationCase, context: RequestContext, ids: Readonly<Record<string, string>> = {}): EduvRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(ids[name] ?? PATH_VALUES[name] ?? 'no-such-id'));
  const takesOrgMasterId = operation.parameters.some((parameter) => parameter.name === 'orgMasterId');
  const query: Record<string, string> = operation.schoolSelection === 'query' || takesOrgMasterId ? { orgMasterId: context.orgMasterId } : {};
  const makeBody = VALID_BODIES[operation.operationId];
  if (operation.body && !makeBody) throw new Error(`add a valid body for ${operation.operationId} to VALID_BODIES`);
  return { method: operation.method, path: `${registry.basePath}${path}`, query, ...(operation.body ? { body: makeBody!(context) } : {}) };
}

/** The same request for another school: in the query or in the body's `school`. */
export function forSchool(request: EduvRequest, orgMasterId: string): EduvRequest {
  const query = 'orgMasterId' in request.query ? { ...request.query, orgMasterId } : request.query;
  const body =
    request.body && typeof request.body === 'object' && 'school' in request.body ? { ...request.body, school: schoolReference(orgMasterId) } : request.body;
  return { ...request, query, body };
}

/** A value no enum, uuid, date or boolean parameter accepts. */
export const MALFORMED_VALUE = '%not valid%';
const SCHOOL_PARAMETERS = new Set(['orgMasterId', 'orgId', 'orgIdType', 'filterByOrgId']);

/**
 * The same request with one malformed input, found from the registry's own schemas: the first query
 * or path parameter whose schema refuses MALFORMED_VALUE (school selection parameters last), else a
 * body field (other than `school`) retyped to a number. Returns the request and the field it broke.
 */
export function malformedRequest({ operation }: OperationCase, request: EduvRequest): { request: EduvRequest; field: string } {
  const byPreference = [...operation.parameters].sort((a, b) => Number(SCHOOL_PARAMETERS.has(a.name)) - Number(SCHOOL_PARAMETERS.has(b.name)));
  for (const parameter of byPreference) {
    if (parameter.in === 'query' && operation.query) {
      const query = { ...request.query, [parameter.name]: MALFORMED_VALUE };
      if (!operation.query.safeParse(query).success) return { request: { ...request, query }, field: parameter.name };
    }
    if (parameter.in === 'path' && operation.pathParams && !operation.pathParams.safeParse({ [parameter.name]: MALFORMED_VALUE }).success) {
      const path = request.path.replace(encodeURIComponent(PATH_VALUES[parameter.name] ?? 'no-such-id'), encodeURIComponent(MALFORMED_VALUE));
      return { request: { ...request, path }, field: parameter.name };
    }
  }
  if (request.body && typeof request.body === 'object') {
    const target = Array.isArray(request.body) ? (request.body[0] as Record<string, unknown>) : (request.body as Record<string, unknown>);
    const field = Object.keys(target).find((key) => key !== 'school')!;
    const broken = { ...target, [field]: 42 };
    return { request: { ...request, body: Array.isArray(request.body) ? [broken] : broken }, field };
  }
  throw new Error(`no malformed input derivable for ${operation.operationId}`);
}

/** Whether malformedRequest finds an input to break: a body, or a parameter whose schema refuses MALFORMED_VALUE (GET /courses has neither). */
export function hasMalformableInput(item: OperationCase): boolean {
  if (item.operation.body) return true;
  try {
    malformedRequest(item, { method: item.operation.method, path: item.operation.path, query: {} });
    return true;
  } catch {
    return false;
  }
}

export interface EduvAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body, undefined when there is none or it is not JSON. */
  readonly json: unknown;
}

/** Sends a request over HTTP to the running server, with `Bearer <token>` when a token is given. */
export async function send(baseUrl: string, request: EduvRequest, token?: string, headers: Record<string, string> = {}): Promise<EduvAnswer> {
  const url = new URL(`${baseUrl}${request.path}`);
  for (const [key, value] of Object.entries(request.query)) url.searchParams.set(key, value);
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const response = await fetch(url, {
    method: request.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Asserts an answer is the refusal: HTTP status, API-Version of the API and a StatusResponse body. */
export function refusalOf(answer: EduvAnswer): { httpStatus: number; eduvStatus: unknown; statusMessage: unknown; apiVersion: string | null } {
  const body = (answer.json ?? {}) as { status?: unknown; statusMessage?: unknown };
  return { httpStatus: answer.status, eduvStatus: body.status, statusMessage: body.statusMessage, apiVersion: answer.headers.get('api-version') };
}

export function matchesRefusal(refusal: Refusal, apiVersion: string) {
  return {
    httpStatus: refusal.httpStatus,
    eduvStatus: refusal.eduvStatus,
    statusMessage: refusal.message ? (expect.stringMatching(refusal.message) as unknown) : (expect.any(String) as unknown),
    apiVersion,
  };
}

/** A token holding every scope demo-bestelomgeving may have (every API's scopes but none reserved to others). */
export const FULL_CLIENT = 'demo-bestelomgeving';
/** The demo client that sends Results and Progress: the ordering environment calls neither. */
export const VERZENDER_CLIENT = 'demo-gebruiksomgeving';

/** The demo client that may call every operation of the API: FULL_CLIENT, or for the push APIs it does not call, VERZENDER_CLIENT. */
export const clientFor = (registry?: ApiRegistry): string =>
  !registry || registry.roles.calling.includes('Bestelomgeving leermiddelen') || !registry.roles.calling.includes('Gebruiksomgeving digitaal leermateriaal')
    ? FULL_CLIENT
    : VERZENDER_CLIENT;

/** Tokens per scope set from the mock's own authorization server, each fetched once. */
export function tokenSource(server: MockServer) {
  const cache = new Map<string, Promise<string>>();
  const tokenFor = (clientId: string, scope?: string) => {
    const key = `${clientId} ${scope ?? '*'}`;
    if (!cache.has(key)) cache.set(key, demoToken(server.authorizationServer.tokenEndpoint, clientId, scope));
    return cache.get(key)!;
  };
  /**
   * The demo client holding every scope of `registry`: clientFor's, unless that one's role does not
   * call the API (the Course API is not the Bestelomgeving's); then a demo client whose role does.
   */
  const fullClientOf = (registry?: ApiRegistry): string => {
    const preferred = clientFor(registry);
    const calls = (clientId: string) => server.clients.some((client) => client.clientId === clientId && registry!.roles.calling.includes(client.role));
    if (!registry || calls(preferred)) return preferred;
    const other = server.clients.find((client) => calls(client.clientId));
    if (!other) throw new Error(`no demo client plays a calling role of ${registry.api}`);
    return other.clientId;
  };
  /** A token of the full client with one scope it may have but the operation does not accept. */
  const withoutScopeOf = (operation: OperationDefinition, registry?: ApiRegistry) => {
    const client = fullClientOf(registry);
    const accepted = new Set([...operation.scopes, ...(operation.scopeAlternatives ?? []).flat()]);
    const other = [...server.authorizationServer.allowedScopes(client)!].sort().find((scope) => !accepted.has(scope));
    if (!other) throw new Error(`${client} holds no scope outside ${operation.operationId}'s`);
    return tokenFor(client, other);
  };
  return { tokenFor, full: (registry?: ApiRegistry) => tokenFor(fullClientOf(registry)), withoutScopeOf };
}

/** Switches the calling demo client's activation off at one school for every consent-checked API, through the admin endpoint. */
export async function withdrawConsent(server: MockServer, orgMasterId: string): Promise<void> {
  for (const registry of new Set(PROVIDED_OPERATIONS.filter(consentChecked).map((item) => item.registry))) {
    const response = await fetch(`${server.url}/_admin/consents`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: clientFor(registry), orgMasterId, api: registry.api, active: false }),
    });
    if (response.status !== 200) throw new Error(`could not withdraw consent: ${response.status} ${await response.text()}`);
  }
}
