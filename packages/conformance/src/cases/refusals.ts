import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { EduvStatus, unknownSchoolRefusal } from '@eduvkit/core';
import { QUALIFIABLE_REGISTRIES } from '../apis';
import { eduvkitCode, kvtBaseCode } from '../case-id';
import { wrongTypeValue, type SchemaNode } from '../data/sample';
import { schemaNode, type PlannedRequest, type SuiteContext } from '../suite-context';
import { withUnknownSchool } from './business';
import { judge, skipped, type CaseDefinition, type ExpectedAnswer } from './case';

const label = (operation: OperationDefinition): string => `${operation.method} ${operation.path}`;

function refusalCase(
  operation: OperationDefinition,
  check: string,
  title: string,
  severity: CaseDefinition['severity'],
  attempt: (
    request: PlannedRequest,
    context: SuiteContext,
  ) => Promise<{ exchangeFor: () => ReturnType<SuiteContext['send']>; expected: ExpectedAnswer } | { skip: string }>,
): CaseDefinition {
  return {
    id: eduvkitCode(check, kvtBaseCode(operation)),
    title: `${label(operation)}: ${title}`,
    severity,
    async run(context) {
      const plan = await context.plan(operation);
      if (!plan.ok) return skipped(plan.reason);
      const prepared = await attempt(plan.request, context);
      if ('skip' in prepared) return skipped(prepared.skip);
      return judge(await prepared.exchangeFor(), prepared.expected);
    },
  };
}

/**
 * Scopes to try for a token that lacks what the operation needs: the API's others first, then those
 * of APIs with a calling role in common (the client probably plays it), then every other API's.
 */
export function scopesWithout(operation: OperationDefinition, registry: ApiRegistry): string[] {
  const needed = new Set(operation.scopes);
  const alternatives = operation.scopeAlternatives ?? [];
  const sharesRole = (candidate: ApiRegistry) => candidate.roles.calling.some((role) => registry.roles.calling.includes(role));
  const all = [
    ...registry.scopes,
    ...QUALIFIABLE_REGISTRIES.filter(sharesRole).flatMap((candidate) => candidate.scopes),
    ...QUALIFIABLE_REGISTRIES.flatMap((candidate) => candidate.scopes),
  ];
  return [...new Set(all)].filter((scope) => !needed.has(scope) && !alternatives.some((set) => set.length === 1 && set[0] === scope));
}

const MAX_SCOPE_TRIES = 8;

async function tokenWithoutScope(operation: OperationDefinition, context: SuiteContext): Promise<string | undefined> {
  for (const scope of scopesWithout(operation, context.registry).slice(0, MAX_SCOPE_TRIES)) {
    try {
      return await context.settings.tokens.getToken([scope]);
    } catch {
      // The authorization server does not grant this client that scope; try the next.
    }
  }
  return undefined;
}

const isConstrained = (node: SchemaNode | undefined): node is SchemaNode =>
  !!node && !!(node.enum || node.type === 'boolean' || node.type === 'integer' || node.format);

/** Where a malformed-input case can put a value of the wrong type: the first constrained query parameter, else the first required body field. */
function malformTarget(operation: OperationDefinition): { in: 'query' | 'body'; name: string; node: SchemaNode } | undefined {
  if (operation.query) {
    const node = schemaNode(operation.query);
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
      const property = node.properties?.[parameter.name];
      if (isConstrained(property)) return { in: 'query', name: parameter.name, node: property };
    }
  }
  const field = operation.requiredBodyFields[0];
  const property = field && operation.body ? schemaNode(operation.body).properties?.[field] : undefined;
  return field && property ? { in: 'body', name: field, node: property } : undefined;
}

function malformed(request: PlannedRequest, target: NonNullable<ReturnType<typeof malformTarget>>): PlannedRequest {
  const value = wrongTypeValue(target.node);
  if (target.in === 'query') return { ...request, query: { ...request.query, [target.name]: String(value) } };
  return { ...request, body: { ...(request.body as object), [target.name]: value } };
}

/** eduvkit's refusal cases for one operation: token, scope, consent, school and input. */
export function refusalCases(operation: OperationDefinition, registry: ApiRegistry): CaseDefinition[] {
  const cases: CaseDefinition[] = [
    refusalCase(operation, 'NOTOKEN', 'no access token → 401 StatusResponse', 'Kritiek', async (request, context) => ({
      exchangeFor: () => context.send(request, 'none'),
      expected: { httpStatus: 401 },
    })),
    refusalCase(operation, 'NOSCOPE', "a token without the operation's scope → 401 / 0021", 'Kritiek', async (request, context) => {
      const token = await tokenWithoutScope(operation, context);
      if (!token)
        return {
          skip: `the authorization server granted ${context.settings.tokens.clientId} no token without ${operation.scopes.join(' ') || 'the required scopes'}`,
        };
      return { exchangeFor: () => context.send(request, { token }), expected: { httpStatus: 401, eduvStatus: EduvStatus.ScopeRequired } };
    }),
  ];
  if (registry.consentRequired && operation.schoolSelection !== 'none') {
    cases.push(
      refusalCase(operation, 'NOCONSENT', 'a client whose exchange the school has not activated → 403 / 0022', 'Kritiek', async (request, context) => {
        const tokens = context.settings.unconsentedTokens;
        if (!tokens) return { skip: 'no client without consent given (--unconsented-client or --unconsented-client-id)' };
        let token: string;
        try {
          token = await tokens.getToken(request.scopes);
        } catch (error) {
          return {
            skip: `the client without consent (${tokens.clientId}) got no token for ${request.scopes.join(' ')}: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
        return { exchangeFor: () => context.send(request, { token }), expected: { httpStatus: 403, eduvStatus: EduvStatus.ConsentRequired } };
      }),
    );
  }
  // Where the spec gives the school its own business code, the testlab's BUSINESS case checks it already.
  if (operation.schoolSelection !== 'none' && !operation.businessCodes.some((code) => code.trigger.in === 'school')) {
    const answer = unknownSchoolRefusal(operation);
    const code = String(answer.eduvStatus).padStart(4, '0');
    cases.push(
      refusalCase(operation, 'UNKNOWNSCHOOL', `a school the bron does not know → ${answer.httpStatus} / ${code}`, 'Middel', async (request, context) => ({
        exchangeFor: () => context.send(withUnknownSchool(request, context)),
        expected: { httpStatus: answer.httpStatus, eduvStatus: answer.eduvStatus },
      })),
    );
  }
  const target = malformTarget(operation);
  if (target) {
    cases.push(
      refusalCase(
        operation,
        'MALFORMED',
        `a malformed ${target.in === 'query' ? 'query parameter' : 'body field'} "${target.name}" → 400 / 0011 naming it`,
        'Middel',
        async (request, context) => ({
          exchangeFor: () => context.send(malformed(request, target)),
          expected: { httpStatus: 400, eduvStatus: EduvStatus.SchemaIncorrect, names: target.name },
        }),
      ),
    );
  }
  return cases;
}
