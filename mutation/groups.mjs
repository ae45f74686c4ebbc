// The file groups of issue #14, each mutated against the suites that test it most directly: every
// mutant reruns the suites covering it, beforeAll included, so suites that start several mock
// servers (refusals, fuzz) are left out to let a run finish on a small machine. Shared by stryker.config.mjs and
// vitest.config.ts through MUTATION_GROUP; run.mjs runs them one after another.
export const GROUPS = {
  'core-server': {
    mutate: ['packages/core/src/server/**/*.ts', '!packages/core/src/server/index.ts'],
    projects: {
      core: [
        'test/server-bron.test.ts',
        'test/access-token.test.ts',
        'test/consent-authorizer.test.ts',
        'test/bron-input.test.ts',
        'test/bron-request.test.ts',
        'test/answer-cache.test.ts',
        'test/error-hooks.test.ts',
        'test/unknown-school.test.ts',
        'test/server-node.test.ts',
        'test/server-node-units.test.ts',
        'test/server-helpers.test.ts',
      ],
      'mock-server': ['test/check-order.test.ts', 'test/keep-alive.test.ts'],
    },
    // Split like auth: the Node adapter (server/node) doubled the group to ~900 mutants.
    parts: {
      bron: [
        'packages/core/src/server/bron.ts',
        'packages/core/src/server/bron-request.ts',
        'packages/core/src/server/read-input.ts',
        'packages/core/src/server/route-matcher.ts',
        'packages/core/src/server/bounded-memo.ts',
        'packages/core/src/server/answer-cache.ts',
      ],
      checks: [
        'packages/core/src/server/access-token.ts',
        'packages/core/src/server/consent.ts',
        'packages/core/src/server/school-access.ts',
        'packages/core/src/server/attribute-scopes.ts',
        'packages/core/src/server/refuse-other-role.ts',
      ],
      answers: ['packages/core/src/server/bron-error.ts', 'packages/core/src/server/responses.ts', 'packages/core/src/server/describe-issues.ts'],
      node: ['packages/core/src/server/node/*.ts', '!packages/core/src/server/node/index.ts'],
    },
  },
  auth: {
    mutate: ['packages/auth/src/**/*.ts', '!packages/auth/src/index.ts'],
    projects: { auth: ['test/**/*.test.ts'], 'mock-server': ['test/secrets-in-logs.test.ts'] },
    // One Stryker run per part (reports/auth.<part>.json), so a run cut short keeps the parts it finished.
    parts: {
      'token-provider': ['packages/auth/src/token-provider.ts'],
      keys: ['packages/auth/src/keys.ts'],
      discovery: ['packages/auth/src/discovery.ts'],
      transport: ['packages/auth/src/mtls.ts', 'packages/auth/src/http.ts', 'packages/auth/src/errors.ts'],
      assertion: ['packages/auth/src/assertion.ts', 'packages/auth/src/token-response.ts', 'packages/auth/src/scopes.ts'],
    },
  },
  'consent-store': {
    mutate: ['packages/consent/src/bron/store.ts'],
    projects: { consent: ['test/**/*.test.ts'], 'mock-server': ['test/consent.test.ts'] },
  },
  'authorization-server': {
    mutate: ['packages/mock-server/src/auth/**/*.ts'],
    projects: {
      'mock-server': [
        'test/token-endpoint.test.ts',
        'test/client-registry.test.ts',
        'test/authorization-server-setup.test.ts',
        'test/authorization-server.test.ts',
        'test/afnemer-flow.test.ts',
      ],
    },
  },
};

/** The group (MUTATION_GROUP) and, for a split group, the part (MUTATION_PART) being run. */
export function currentGroup() {
  const name = process.env.MUTATION_GROUP ?? '';
  const group = GROUPS[name];
  if (!group) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(', ')} (got "${name}")`);
  const part = process.env.MUTATION_PART;
  if (!part) return { name, report: name, ...group };
  if (!group.parts?.[part]) throw new Error(`MUTATION_PART must be one of ${Object.keys(group.parts ?? {}).join(', ')} (got "${part}")`);
  return { name, report: `${name}.${part}`, ...group, mutate: group.parts[part] };
}
