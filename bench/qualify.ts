// How long the conformance kit takes: the Students bron suite (aim ≤ 5 s) and all suites, against
// the mock in the same process, as `eduvkit qualify` runs them. Raw JSON on stdout when run alone:
//
//   node --conditions=@eduvkit/source --import tsx bench/qualify.ts
import { readFileSync } from 'node:fs';
import type { SigningAlgorithm } from '@eduvkit/auth';
import { apiName, qualify, QUALIFIABLE_REGISTRIES, type ClientCredentials } from '@eduvkit/conformance';
import { loadClients, startMockServer } from '@eduvkit/mock-server';
import { isMain } from './lib';

export interface SuiteTiming {
  readonly api: string;
  readonly cases: number;
  readonly failed: number;
  /** Median wall time of the rounds, in ms. */
  readonly medianMs: number;
}

export interface QualifyBenchResult {
  readonly rounds: number;
  readonly suites: readonly SuiteTiming[];
  readonly allSuitesMedianMs: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function credentials(clientId: string): ClientCredentials {
  const client = loadClients().clients.find((candidate) => candidate.clientId === clientId)!;
  const key = client.jwks.keys[0]!;
  return { clientId, privateKeyPem: readFileSync(client.privateKeyFile!, 'utf8'), keyId: key.kid, algorithm: key.alg as SigningAlgorithm };
}

export async function runQualifyBench(rounds = 5): Promise<QualifyBenchResult> {
  const server = await startMockServer({ port: 0, seed: 1 });
  try {
    await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/callback`, { method: 'PUT', body: JSON.stringify({ url: 'http://127.0.0.1:9/notifications-api/v0' }) });
    const school = server.world.schools[1]!.orgMasterId;
    const times = new Map<string, number[]>();
    const totals: number[] = [];
    const facts = new Map<string, { cases: number; failed: number }>();
    for (let round = 0; round < rounds; round += 1) {
      const roundStart = performance.now();
      for (const registry of QUALIFIABLE_REGISTRIES) {
        const started = performance.now();
        const report = await qualify({
          api: registry,
          role: 'bron',
          baseUrl: `${server.url}${registry.basePath}`,
          school,
          authorizationServer: { issuer: server.url },
          client: credentials('demo-bestelomgeving'),
          unconsentedClient: credentials('demo-toetssysteem'),
        });
        const name = apiName(registry);
        times.set(name, [...(times.get(name) ?? []), performance.now() - started]);
        facts.set(name, { cases: report.cases.length, failed: report.summary.failed });
      }
      totals.push(performance.now() - roundStart);
    }
    return {
      rounds,
      suites: [...times].map(([api, values]) => ({ api, ...facts.get(api)!, medianMs: Math.round(median(values)) })),
      allSuitesMedianMs: Math.round(median(totals)),
    };
  } finally {
    await server.close();
  }
}

if (isMain(import.meta.url)) {
  console.log(JSON.stringify(await runQualifyBench(), null, 2));
}
