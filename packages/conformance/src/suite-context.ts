import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import type { TokenSource } from './auth/client-credentials';
import { kvtBaseCode } from './case-id';
import { findPerson, idOfItem, listOperationFor, listOperationsOf } from './data/discovery';
import { jsonSchemaOf, sampleValue, type SchemaNode } from './data/sample';
import type { TestData } from './data/test-data';
import type { Exchange, OutgoingRequest, Target } from './http/exchange';
import { scopesFor } from './registry-facts';

/** A request for one operation, filled in with test data; the cases vary it. */
export interface PlannedRequest {
  readonly operation: OperationDefinition;
  readonly caseCode: string;
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly scopes: readonly string[];
}

export type Plan = { readonly ok: true; readonly request: PlannedRequest } | { readonly ok: false; readonly reason: string };

/** Who the request claims to be: the configured client, the client without consent, nobody, or a given token. */
export type Credentials = 'client' | 'unconsented' | 'none' | { readonly token: string };

export interface SuiteSettings {
  readonly registry: ApiRegistry;
  /** orgMasterId of the school the client's exchange is activated for. */
  readonly school: string;
  readonly target: Target;
  readonly tokens: TokenSource;
  readonly unconsentedTokens?: TokenSource | undefined;
  readonly testData: TestData;
}

export const fillPath = (template: string, params: Readonly<Record<string, string>>): string =>
  template.replace(/\{([^}]+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : encodeURIComponent(params[name])));

const schemaCache = new WeakMap<object, SchemaNode>();
export function schemaNode(schema: NonNullable<OperationDefinition['body']>): SchemaNode {
  let node = schemaCache.get(schema);
  if (!node) schemaCache.set(schema, (node = jsonSchemaOf(schema)));
  return node;
}

/** Body properties that reference a person the bron must know (a search for one student or employee). */
const PERSON_FIELDS = new Set(['student', 'employee']);

const SELECTION_PARAMS = new Set(['orgMasterId', 'orgId', 'orgIdType', 'filterByOrgId']);

/** State one suite run shares between its cases: plans, the positive answers, every exchange. */
export class SuiteContext {
  /** Every exchange of the run with the operation it addressed: the run-wide cases read them. */
  readonly exchanges: { readonly operation: OperationDefinition; readonly exchange: Exchange }[] = [];
  private readonly plans = new Map<string, Promise<Plan>>();
  private readonly positives = new Map<string, Promise<Exchange | { readonly skipped: string }>>();

  constructor(readonly settings: SuiteSettings) {}

  get registry(): ApiRegistry {
    return this.settings.registry;
  }

  schoolReference(orgMasterId = this.settings.school): Record<string, unknown> {
    return { organisationMasterIdentifier: orgMasterId };
  }

  plan(operation: OperationDefinition): Promise<Plan> {
    let plan = this.plans.get(operation.operationId);
    if (!plan) this.plans.set(operation.operationId, (plan = this.buildPlan(operation)));
    return plan;
  }

  /** The answer to the operation's positive request, sent once and shared by the cases that read it. */
  positive(operation: OperationDefinition): Promise<Exchange | { readonly skipped: string }> {
    let answer = this.positives.get(operation.operationId);
    if (!answer) {
      answer = this.plan(operation).then<Exchange | { readonly skipped: string }>((plan) => (plan.ok ? this.send(plan.request) : { skipped: plan.reason }));
      this.positives.set(operation.operationId, answer);
    }
    return answer;
  }

  async send(
    request: PlannedRequest,
    credentials: Credentials = 'client',
    headers: Readonly<Record<string, string>> = {},
    rawBody?: string,
  ): Promise<Exchange> {
    const token = await this.tokenFor(request.scopes, credentials);
    const outgoing: OutgoingRequest = {
      method: request.operation.method,
      path: request.path,
      query: request.query,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(rawBody === undefined ? {} : { rawBody }),
    };
    const exchange = await this.settings.target.send(outgoing);
    this.exchanges.push({ operation: request.operation, exchange });
    return exchange;
  }

  private async tokenFor(scopes: readonly string[], credentials: Credentials): Promise<string | undefined> {
    if (credentials === 'none') return undefined;
    if (typeof credentials === 'object') return credentials.token;
    const source = credentials === 'client' ? this.settings.tokens : this.settings.unconsentedTokens;
    if (!source) throw new Error('no unconsented client configured');
    return source.getToken(scopes);
  }

  private async buildPlan(operation: OperationDefinition): Promise<Plan> {
    const caseCode = kvtBaseCode(operation);
    const data = this.settings.testData;
    const pathParams: Record<string, string> = {};
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
      const value = data.pathParam(caseCode, parameter.name) ?? (await this.pathValue(operation, parameter.name));
      if (typeof value !== 'string') return { ok: false, reason: value.reason };
      pathParams[parameter.name] = value;
    }
    const path = fillPath(operation.path, pathParams);
    const query: Record<string, string> = {};
    // The school goes wherever the operation takes an orgMasterId, also where it is one of several selections.
    if (operation.schoolSelection === 'query' || operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'orgMasterId')) {
      query.orgMasterId = this.settings.school;
    }
    const queryNode = operation.query ? schemaNode(operation.query) : undefined;
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
      const given = data.queryParam(caseCode, parameter.name);
      if (given !== undefined) query[parameter.name] = given;
      else if (parameter.required && !SELECTION_PARAMS.has(parameter.name)) {
        const node = queryNode?.properties?.[parameter.name];
        const sample = node ? sampleValue(node) : undefined;
        if (sample === undefined)
          return { ok: false, reason: `no value for the required query parameter ${parameter.name}; give query.${caseCode}.${parameter.name} in --test-data` };
        query[parameter.name] = String(sample);
      }
    }
    const request = { operation, caseCode, path, pathParams, query, scopes: scopesFor(operation, Object.values(pathParams)) };
    if (!operation.body) return { ok: true, request };
    const given = data.body(caseCode);
    if (given !== undefined) return { ok: true, request: { ...request, body: given } };
    const sampled = await this.sampleBody(operation);
    return 'reason' in sampled
      ? { ok: false, reason: `${sampled.reason}; give body.${caseCode} in --test-data` }
      : { ok: true, request: { ...request, body: sampled.body } };
  }

  private async pathValue(operation: OperationDefinition, name: string): Promise<string | { reason: string }> {
    const caseCode = kvtBaseCode(operation);
    const hint = `give path.${caseCode}.${name} in --test-data`;
    if (name !== 'id') {
      const node = operation.pathParams ? schemaNode(operation.pathParams).properties?.[name] : undefined;
      const sample = node ? sampleValue(node) : undefined;
      return sample === undefined ? { reason: `no value for the path parameter ${name}; ${hint}` } : String(sample);
    }
    const list = listOperationFor(this.registry, operation);
    if (!list) return { reason: `no list operation to find an id from; ${hint}` };
    const answer = await this.positive(list);
    if ('skipped' in answer) return { reason: `the list ${list.path} could not be read (${answer.skipped}); ${hint}` };
    const items = answer.response?.body;
    if (answer.response?.status !== list.successStatus || !Array.isArray(items)) {
      return { reason: `the list ${list.path} answered HTTP ${answer.response?.status ?? answer.error}; ${hint}` };
    }
    const id = items.length ? idOfItem(items[0], list.path) : undefined;
    return id ?? { reason: `the list ${list.path} of school ${this.settings.school} holds no item with an id; ${hint}` };
  }

  /** A body from the schema, with the school and any person it names taken from the bron's own lists. */
  private async sampleBody(operation: OperationDefinition): Promise<{ body: unknown } | { reason: string }> {
    const node = schemaNode(operation.body!);
    const people = new Map<string, unknown>();
    for (const name of node.required ?? []) {
      const property = node.properties?.[name];
      if (name === 'school' || !property?.properties || !PERSON_FIELDS.has(name)) continue;
      const person = await findPerson(name, property, listOperationsOf(this.registry), (list) => this.positive(list));
      if (person === undefined) return { reason: `found no ${name} at school ${this.settings.school} in the bron's lists` };
      people.set(name, person);
    }
    return { body: sampleValue(node, (name) => (name === 'school' ? this.schoolReference() : people.get(name))) };
  }
}
