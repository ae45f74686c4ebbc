// CI step: every conformance suite, run through the `eduvkit` command exactly as a supplier runs it,
// against the mock. Exits non-zero when any suite has a failed case. From the repository root:
//
//   node --conditions=@eduvkit/source --import tsx scripts/qualify-mock.ts
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';
import { apiName, EXCHANGE_REGISTRIES, QUALIFIABLE_REGISTRIES } from '@eduvkit/conformance';
import { consentApi } from '@eduvkit/consent';
import { registeredClientKey, startMockServer } from '@eduvkit/mock-server';
import { consentTestData } from '../packages/conformance/test/support/consent-test-data';
import { pushClients, pushTestData } from '../packages/conformance/test/support/push-test-data';

const cli = resolve(import.meta.dirname, '../packages/cli/bin/eduvkit.js');
const tsNode = [process.execPath, '--conditions=@eduvkit/source', '--import', 'tsx'];
const failures: string[] = [];

/** Runs `eduvkit <args>` asynchronously, so the mock in this process keeps answering while it runs. */
function eduvkit(args: readonly string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(tsNode[0]!, [...tsNode.slice(1), cli, ...args]);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => done({ status: code, output }));
  });
}

/** A port nothing listens on right now, for the kit's confirmation endpoints. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function tally(name: string, { status, output }: { status: number | null; output: string }): void {
  const summary = /^\d+ cases in .*$/m.exec(output)?.[0] ?? '';
  console.log(`eduvkit qualify ${name}: exit ${status}; ${summary}`);
  if (status !== 0) console.log(output);
  if (status !== 0) failures.push(name);
}

const server = await startMockServer({ port: 0, seed: 1 });
try {
  // Subscribing needs a callback URL on file; nothing changes during the run, so nothing is pushed.
  await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/callback`, {
    method: 'PUT',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/notifications-api/v0' }),
  });
  // The demo test system is active at the first school only: at the second it is the client without consent.
  const school = server.world.schools[1]!.orgMasterId;
  const dir = mkdtempSync(join(tmpdir(), 'eduvkit-qualify-mock-'));
  const testData = join(dir, 'test-data.json');
  const demo = registeredClientKey('demo-bestelomgeving')!;
  const tokens = createClientCredentialsTokenProvider({
    clientId: demo.clientId,
    privateKey: loadPrivateKey(demo.privateKeyPem),
    keyId: demo.keyId,
    issuer: server.url,
  });
  // Results and Progress have no lists to find a student in: their bodies name one of the school's.
  const student = {
    userMasterIdentifier: server.world.students.get(school)!.find((record) => record.student.userMasterIdentifier)!.student.userMasterIdentifier!,
  };
  writeFileSync(
    testData,
    JSON.stringify({
      ...(await consentTestData(`${server.url}${consentApi.basePath}`, await tokens.getToken({ scopes: ['consent'] }), school)),
      ...pushTestData(school, student),
    }),
  );
  await tokens.close();
  for (const registry of QUALIFIABLE_REGISTRIES) {
    const api = apiName(registry);
    const args = ['qualify', api, '--role', 'bron', '--base-url', `${server.url}${registry.basePath}`, '--issuer', server.url];
    // The ordering environment calls every API but Course; there the suite acts as a client whose role calls it.
    const calling = server.clients.some((candidate) => candidate.clientId === 'demo-bestelomgeving' && registry.roles.calling.includes(candidate.role))
      ? 'demo-bestelomgeving'
      : server.clients.find((candidate) => registry.roles.calling.includes(candidate.role))!.clientId;
    const { client, unconsented } = pushClients(registry, calling, 'demo-toetssysteem');
    args.push('--client', client, '--unconsented-client', unconsented, '--school', school, '--test-data', testData);
    args.push('--report-dir', join(dir, api));
    tally(api, await eduvkit(args));
  }
  // The mock is the ontvanger of every chain request: the kit plays the verzender, and the mock
  // confirms to the kit's endpoints, registered as the demo client's own (PUT /_admin/clients/…/endpoints).
  for (const registry of EXCHANGE_REGISTRIES) {
    const api = apiName(registry);
    const port = await freePort();
    const endpoints = { [registry.api]: `http://127.0.0.1:${port}${registry.basePath}` };
    await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/endpoints`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(endpoints),
    });
    const args = [
      'qualify',
      api,
      '--role',
      'ontvanger',
      '--base-url',
      `${server.url}${registry.basePath}`,
      '--issuer',
      server.url,
      '--client',
      'demo-bestelomgeving',
    ];
    args.push('--callback-port', String(port), '--school', school, '--report-dir', join(dir, `${api}-ontvanger`));
    // The mock is Licentieregistratie and Aanspraakmanager at once, so it serves PUT /entitlements/confirmations
    // too: a single-role supplier answers that path 405, the mock cannot.
    if (registry.api === 'entitlement-api')
      args.push(
        '--only',
        'EDUVKIT-ONTVANGER-ACCEPT*,EDUVKIT-ONTVANGER-CONFIRMED*,EDUVKIT-ONTVANGER-CONFIRMATION-VALID*,EDUVKIT-ONTVANGER-REPEAT*,EDUVKIT-ONTVANGER-MISSING*,EDUVKIT-ONTVANGER-NOTOKEN*',
      );
    tally(`${api} --role ontvanger`, await eduvkit(args));
  }
  // The afnemer kit starts its own recording mock; the example client is the command it judges.
  const example = resolve(import.meta.dirname, '../examples/afnemer-students/src/main.ts');
  const afnemerArgs = [
    'qualify',
    'students',
    '--role',
    'afnemer',
    '--client',
    'demo-bestelomgeving',
    '--report-dir',
    join(dir, 'students-afnemer'),
    '--',
    ...tsNode,
    example,
  ];
  tally('students --role afnemer', await eduvkit(afnemerArgs));
  const notificationsClient = resolve(import.meta.dirname, '../packages/conformance/test/support/afnemer-clients/notifications-client.mjs');
  const notificationsArgs = [
    'qualify',
    'notifications',
    '--role',
    'afnemer',
    '--client',
    'demo-bestelomgeving',
    '--report-dir',
    join(dir, 'notifications-afnemer'),
    '--',
    process.execPath,
    notificationsClient,
  ];
  tally('notifications --role afnemer', await eduvkit(notificationsArgs));
  console.log(`reports in ${dir}`);
} finally {
  await server.close();
}
if (failures.length) {
  console.error(`qualify against the mock failed for: ${failures.join(', ')}`);
  process.exitCode = 1;
}
