// The file groups of issue #14, each mutated against the suites that test it most directly: every
// mutant reruns the suites covering it, beforeAll included, so suites that start several mock
// servers (refusals, fuzz) are left out to let a run finish on a small machine. Shared by stryker.config.mjs and
// vitest.config.ts through MUTATION_GROUP; run.mjs runs them one after another.
export const GROUPS = {
  'core-server': {
    mutate: ['packages/core/src/server/**/*.ts', '!packages/core/src/server/index.ts'],
    projects: {
      core: ['test/server-bron.test.ts', 'test/access-token.test.ts', 'test/consent-authorizer.test.ts', 'test/bron-input.test.ts'],
      'mock-server': ['test/check-order.test.ts'],
    },
  },
  auth: {
    mutate: ['packages/auth/src/**/*.ts', '!packages/auth/src/index.ts'],
    projects: { auth: ['test/**/*.test.ts'], 'mock-server': ['test/secrets-in-logs.test.ts'] },
  },
  'consent-store': {
    mutate: ['packages/consent/src/bron/store.ts'],
    projects: { consent: ['test/**/*.test.ts'], 'mock-server': ['test/consent.test.ts'] },
  },
  'authorization-server': {
    mutate: ['packages/mock-server/src/auth/**/*.ts'],
    projects: { 'mock-server': ['test/token-endpoint.test.ts', 'test/authorization-server.test.ts', 'test/afnemer-flow.test.ts'] },
  },
};

export function currentGroup() {
  const name = process.env.MUTATION_GROUP ?? '';
  const group = GROUPS[name];
  if (!group) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(', ')} (got "${name}")`);
  return { name, ...group };
}
