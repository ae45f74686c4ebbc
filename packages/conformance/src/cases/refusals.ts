import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { EduvStatus, unknownSchoolRefusal } from '@eduvkit/core';
import { QUALIFIABLE_REGISTRIES } from '../apis';
import { eduvkitCode, kvtBaseCode } from '../case-id';
import { wrongTypeValue } from '../data/sample';
import { schemaNode, type PlannedRequest, type SuiteContext } from '../suite-context';
import { withUnknownSchool } from './business';
import { judge, skipped, type CaseDefinition, type ExpectedAnswer } from './case';

const label = (operation: OperationDefinition): string => `${operation.method} ${operation.path}`;

function refusalCase(
  operation: OperationDefinition,
  check: string,
  title: string,
  severity: CaseDefinition['severity'],
  attempt: (request: PlannedRequest, context: SuiteContext) => Promise<{ exchangeFor: () => ReturnType<SuiteContext['send']>; expected: ExpectedAnswer } | { skip: string }>,
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

/** Scopes to try for a token that lacks what the operation needs: the API's others first, then other APIs'. */
function scopesWithout(operation: OperationDefinition, registry: ApiRegistry): string[] {
  const needed = new Set(operation.scopes);
  const alternatives = operation.scopeAlternatives ?? [];
  const all = [...registry.scopes, ...QUALIFIABLE_REGISTRIES.flatMap((candidate) => candidate.scopes)];
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

/** The first parameter or body field the spec constrains, given a value of the wrong type. */
function malformed(request: PlannedRequest): { request: PlannedRequest; name: string } | undefined {
  const { operation } = request;
  if (operation.query) {
    const node = schemaNode(operation.query);
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
      const property = node.properties?.[parameter.name];
      if (!property || !(property.enum || property.type === 'boolean' || property.type === 'integer' || property.format)) continue;
      return { name: parameter.name, request: { ...request, query: { ...request.query, [parameter.name]: String(wrongTypeValue(property)) } } };
    }
  }
  if (operation.body) {
    const node = schemaNode(operation.body);
    const field = operation.requiredBodyFields[0];
    const property = field ? node.properties?.[field] : undefined;
    if (field && property) return { name: field, request: { ...request, body: { ...(request.body as object), [field]: wrongTypeValue(property) } } };
  }
  return undefined;
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
      if (!token) return { skip: `the authorization server granted ${context.settings.tokens.clientId} no token without ${operation.scopes.join(' ') || 'the required scopes'}` };
      return { exchangeFor: () => context.send(request, { token }), expected: { httpStatus: 401, status: EduvStatus.ScopeRequired } };
    }),
  ];
  if (registry.consentRequired && operation.schoolSelection !== 'none') {
    cases.push(
      refusalCase(operation, 'NOCONSENT', 'a client whose exchange the school has not activated → 403 / 0022', 'Kritiek', async (request, context) => {
        if (!context.settings.unconsentedTokens) return { skip: 'no client without consent given (--unconsented-client or --unconsented-client-id)' };
        return { exchangeFor: () => context.send(request, 'unconsented'), expected: { httpStatus: 403, status: EduvStatus.ConsentRequired } };
      }),
    );
  }
  // Where the spec gives the school its own business code, the testlab's BUSINESS case checks it already.
  if (operation.schoolSelection !== 'none' && !operation.businessCodes.some((code) => code.trigger.in === 'school')) {
    const answer = unknownSchoolRefusal(operation);
    const code = String(answer.status).padStart(4, '0');
    cases.push(
      refusalCase(operation, 'UNKNOWNSCHOOL', `a school the bron does not know → ${answer.httpStatus} / ${code}`, 'Middel', async (request, context) => ({
        exchangeFor: () => context.send(withUnknownSchool(request, context)),
        expected: { httpStatus: answer.httpStatus, status: answer.status },
      })),
    );
  }
  cases.push(
    refusalCase(operation, 'MALFORMED', 'a malformed parameter → 400 / 0011 naming it', 'Middel', async (request, context) => {
      const bad = malformed(request);
      if (!bad) return { skip: 'the operation has no constrained parameter or body field to malform' };
      return { exchangeFor: () => context.send(bad.request), expected: { httpStatus: 400, status: EduvStatus.SchemaIncorrect, names: bad.name } };
    }),
  );
  return cases;
}
