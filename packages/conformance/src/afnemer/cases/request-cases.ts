import { EduvStatus, parseStatusCode } from '@eduvkit/core';
import { dataCalls, issuedTokens, operationOf, requestedScopesOf, selectedSchool, type AfnemerRun } from '../afnemer-run';
import { bearerTokenOf, jsonOf, type TrafficEntry } from '../traffic';
import { implementedOperations } from '../../registry-facts';
import { afnemerCode, verdictOver, type AfnemerCase } from './afnemer-case';

/** The scopes the data calls of the run could use: each operation's required and attribute scopes. */
function usableScopes(calls: readonly TrafficEntry[]): Set<string> {
  const scopes = new Set<string>();
  for (const call of calls) {
    const operation = operationOf(call)?.operation;
    if (!operation) continue;
    for (const scope of [...operation.scopes, ...(operation.scopeAlternatives ?? []).flat(), ...Object.values(operation.attributeScopes)]) scopes.add(scope);
  }
  return scopes;
}

/** Token requests name their scopes, and only scopes the calls made with the token can use. */
export const scopesCase: AfnemerCase = {
  id: afnemerCode('SCOPES'),
  title: 'the scopes asked are those the calls need, no more',
  severity: 'Middel',
  judge(run) {
    const tokens = issuedTokens(run);
    const calls = dataCalls(run);
    const offenders = tokens.flatMap(({ entry, accessToken }) => {
      const asked = requestedScopesOf(entry);
      if (!asked.length) return [{ entry, why: 'it names no scope, so it gets every scope the client may have' }];
      const usable = usableScopes(calls.filter((call) => bearerTokenOf(call) === accessToken));
      const extra = asked.filter((scope) => !usable.has(scope));
      return extra.length ? [{ entry, why: `no call made with the token needs ${extra.join(' ')}` }] : [];
    });
    return verdictOver(
      tokens.map(({ entry }) => entry),
      offenders,
      'only scopes the calls need',
      'token requests',
    );
  },
};

const acceptsJson = (accept: string | undefined): boolean =>
  (accept ?? '').split(',').some((range) => range.split(';')[0]!.trim().toLowerCase() === 'application/json');

export const acceptCase: AfnemerCase = {
  id: afnemerCode('ACCEPT'),
  title: 'every data call sends Accept: application/json',
  severity: 'Middel',
  judge(run) {
    const calls = dataCalls(run);
    const offenders = calls.flatMap((entry) =>
      acceptsJson(entry.headers.accept) ? [] : [{ entry, why: entry.headers.accept ? `Accept is "${entry.headers.accept}"` : 'no Accept header' }],
    );
    return verdictOver(calls, offenders, 'Accept: application/json', 'data calls');
  },
};

const SCHOOL_REFUSALS = new Set<number>([EduvStatus.SchemaIncorrect, EduvStatus.SchoolUnknown, EduvStatus.EduOrgIdUnknown]);

function schoolProblem(entry: TrafficEntry, run: AfnemerRun): string | undefined {
  const selected = selectedSchool(entry);
  if (selected !== undefined && selected !== run.school && selected !== run.schoolNoConsent)
    return `it selects school ${selected.slice(0, 40)}, which is neither EDUVKIT_SCHOOL nor EDUVKIT_SCHOOL_NO_CONSENT`;
  const status = parseStatusCode((jsonOf(entry.responseBody) as { status?: unknown } | undefined)?.status);
  if (entry.status === 400 && status !== undefined && SCHOOL_REFUSALS.has(status)) {
    return `the bron refused the school selection: ${String((jsonOf(entry.responseBody) as { statusMessage?: unknown }).statusMessage ?? status)}`;
  }
  return selected === undefined ? 'it selects no school by orgMasterId' : undefined;
}

/** Calls that act for a school select one of the schools the kit gave, in a form the bron accepts. */
export const schoolCase: AfnemerCase = {
  id: afnemerCode('SCHOOL'),
  title: 'calls select a valid school (EDUVKIT_SCHOOL or EDUVKIT_SCHOOL_NO_CONSENT)',
  severity: 'Hoog',
  judge(run) {
    const calls = dataCalls(run).filter((entry) => !entry.injected && (operationOf(entry)?.operation.schoolSelection ?? 'none') !== 'none');
    const offenders = calls.flatMap((entry) => {
      const why = schoolProblem(entry, run);
      return why ? [{ entry, why }] : [];
    });
    return verdictOver(calls, offenders, 'a valid school selection', 'calls for a school');
  },
};

/** Every data call addresses an operation the bron side implements: the afnemer calls nothing else. */
export const roleEndpointsCase: AfnemerCase = {
  id: afnemerCode('ROLE-ENDPOINTS'),
  title: 'only endpoints of the calling role are called',
  severity: 'Hoog',
  judge(run) {
    const calls = dataCalls(run);
    const offenders = calls.flatMap((entry) => {
      const found = operationOf(entry);
      if (!found) return [{ entry, why: 'no operation of any Edu-V API has this method and path' }];
      if (implementedOperations(found.registry).includes(found.operation)) return [];
      return [{ entry, why: `${found.operation.operationId} is implemented by the calling side itself, not by the bron it calls` }];
    });
    return verdictOver(calls, offenders, 'an endpoint of the bron', 'data calls');
  },
};
