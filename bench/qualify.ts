// How long the conformance kit takes: the Students bron suite (aim ≤ 5 s) and all suites, against
// the mock in the same process, as `eduvkit qualify` runs them. Run alone, it prints the JSON and
// rewrites section 6 of bench/RESULTS.md (run.ts keeps that section):
//
//   node --conditions=@eduvkit/source --import tsx bench/qualify.ts
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClientCredentialsTokenProvider, loadPrivateKey, type SigningAlgorithm } from '@eduvkit/auth';
import { apiName, createTestData, qualify, QUALIFIABLE_REGISTRIES, type ClientCredentials } from '@eduvkit/conformance';
import { consentApi } from '@eduvkit/consent';
import { registeredClientKey, startMockServer } from '@eduvkit/mock-server';
import { consentTestData } from '../packages/conformance/test/support/consent-test-data';
import { pushClients, pushTestData } from '../packages/conformance/test/support/push-test-data';
import { BENCH_DIR, isMain, machineInfo, REPO_ROOT } from './lib';

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
  const key = registeredClientKey(clientId)!;
  return { ...key, algorithm: key.algorithm as SigningAlgorithm | undefined };
}

async function consentToken(issuer: string): Promise<string> {
  const client = credentials('demo-bestelomgeving');
  const provider = createClientCredentialsTokenProvider({
    clientId: client.clientId,
    privateKey: loadPrivateKey(client.privateKeyPem),
    keyId: client.keyId,
    issuer,
  });
  try {
    return await provider.getToken({ scopes: ['consent'] });
  } finally {
    await provider.close();
  }
}

export async function runQualifyBench(rounds = 5): Promise<QualifyBenchResult> {
  const server = await startMockServer({ port: 0, seed: 1 });
  try {
    await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/callback`, {
      method: 'PUT',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/notifications-api/v0' }),
    });
    const school = server.world.schools[1]!.orgMasterId;
    const times = new Map<string, number[]>();
    const totals: number[] = [];
    const facts = new Map<string, { cases: number; failed: number }>();
    for (let round = 0; round < rounds; round += 1) {
      const roundStart = performance.now();
      for (const registry of QUALIFIABLE_REGISTRIES) {
        // Consent's exchanges need bodies that fit the mock's state, as in the kit's own tests and CI.
        const student = server.world.students.get(school)!.find((record) => record.student.userMasterIdentifier)!.student.userMasterIdentifier!;
        const testData = createTestData(
          registry === consentApi
            ? await consentTestData(`${server.url}${consentApi.basePath}`, await consentToken(server.url), school)
            : pushTestData(school, { userMasterIdentifier: student }),
        );
        const clients = pushClients(registry, 'demo-bestelomgeving', 'demo-toetssysteem');
        const started = performance.now();
        const report = await qualify({
          testData,
          api: registry,
          role: 'bron',
          baseUrl: `${server.url}${registry.basePath}`,
          school,
          authorizationServer: { issuer: server.url },
          client: credentials(clients.client),
          unconsentedClient: credentials(clients.unconsented),
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

const STUDENTS_AIM_MS = 5_000;

/** Section 6 of RESULTS.md, between markers so the other runs keep it. */
export function renderQualifySection(result: QualifyBenchResult): string {
  const commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const machine = machineInfo();
  const students = result.suites.find((suite) => suite.api === 'students')!;
  const rows = result.suites.map((suite) => `| ${suite.api} | ${suite.cases} | ${suite.failed} | ${suite.medianMs} |`).join('\n');
  return `<!-- qualify:start -->
## 6. The conformance kit (issue #8)

Run by \`bench/qualify.ts\` on ${machine.date.slice(0, 10)} at commit \`${commit}\`, Node ${machine.node}: every bron suite against the mock in the
same process (\`qualify()\`, as \`eduvkit qualify\` runs it: demo-bestelomgeving, demo-toetssysteem without consent, school 158V148),
${result.rounds} rounds, the median round counts. Wall time includes the kit's token requests (one per scope set) and the preflight.

| suite | cases | failed | median ms |
| --- | ---: | ---: | ---: |
${rows}

- Students suite: ${students.medianMs} ms — aim ≤ ${STUDENTS_AIM_MS / 1000} s **${students.medianMs <= STUDENTS_AIM_MS ? 'met' : 'not met'}**.
- All ${result.suites.length} suites one after the other: ${result.allSuitesMedianMs} ms.
<!-- qualify:end -->`;
}

if (isMain(import.meta.url)) {
  const result = await runQualifyBench();
  console.log(JSON.stringify(result, null, 2));
  const file = join(BENCH_DIR, 'RESULTS.md');
  const section = renderQualifySection(result);
  const current = readFileSync(file, 'utf8');
  const marked = /<!-- qualify:start -->[\s\S]*<!-- qualify:end -->/;
  writeFileSync(file, marked.test(current) ? current.replace(marked, section) : current.replace(/\n---\n_/, `\n${section}\n\n---\n_`));
  console.log('wrote bench/RESULTS.md section 6');
}
