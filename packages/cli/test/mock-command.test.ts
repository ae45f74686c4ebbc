import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The built CLI, what the published package runs (`npm start` runs the same source through tsx).
const cli = resolve(import.meta.dirname, '../dist/cli.js');
const running: ChildProcessWithoutNullStreams[] = [];

function start(args: string[]): { child: ChildProcessWithoutNullStreams; output: Promise<string> } {
  const child = spawn(process.execPath, [cli, ...args]);
  running.push(child);
  let stdout = '';
  const output = new Promise<string>((resolveOutput, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl+C')) resolveOutput(stdout);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${stdout}`)));
  });
  return { child, output };
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

const repoRoot = resolve(import.meta.dirname, '../../..');

/** A product of the mock's range, from a seeded delivery order of the first school. */
async function firstProduct(url: string): Promise<string> {
  const school = (await (await fetch(`${url}/_admin/world`)).json()) as { schools: { orgMasterId: string }[] };
  const orders = (await (
    await fetch(`${url}/delivery-api/v2/deliveryorders/school?orgMasterId=${school.schools[0]!.orgMasterId}`, { headers: { authorization: 'Bearer any' } })
  ).json()) as { productId: string }[];
  return orders[0]!.productId;
}

function shell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn('sh', ['-c', command], { cwd: repoRoot, env: { ...process.env, npm_config_yes: 'false', npm_config_offline: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [cli, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('eduvkit mock', () => {
  it('prints the demo clients and a token command plus curl line that work as printed', async () => {
    const { output } = start(['mock', '--port', '0', '--seed', '2']);
    const banner = await output;
    expect(banner).toMatch(/demo-bestelomgeving\s+Bestelomgeving leermiddelen/);
    expect(banner).toContain('DEVELOPMENT ONLY');
    const tokenLine = /TOKEN=\$\(npx eduvkit (token [^)]+)\)/.exec(banner);
    expect(tokenLine).not.toBeNull();
    // Exactly as printed, from the repository root, through the linked `eduvkit` command.
    const token = await shell(`npx eduvkit ${tokenLine![1]!}`);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const curl = /curl -i -H "Authorization: Bearer \$TOKEN" '([^']+)'/.exec(banner);
    const response = await fetch(curl![1]!, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('api-version')).toBe('1.1.0');
    const ps256 = await run(['token', '--client', 'demo-toetssysteem', '--url', curl![1]!.split('/students-api')[0]!]);
    expect(ps256.code).toBe(0);
    const refused = await run(['token', '--client', 'demo-dashboard', '--scope', 'eduv.student.basic', '--url', curl![1]!.split('/students-api')[0]!]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('invalid_scope');
  });

  it('with --auth any-bearer prints a curl line that works as printed', async () => {
    const { child, output } = start(['mock', '--port', '0', '--seed', '2', '--auth', 'any-bearer']);
    const banner = await output;
    expect(banner).toMatch(/Students API 1\.1\.0/);
    expect(banner).toMatch(/\bpo\s+\d{3}[A-Z]\d{3}/);
    expect(banner).toMatch(/\bvo\s+\d{3}[A-Z]\d{3}/);
    const curl = /curl -i -H 'Authorization: Bearer ([^']+)' '([^']+)'/.exec(banner);
    expect(curl).not.toBeNull();
    const [, token, url] = curl!;
    const withToken = await fetch(url!, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('api-version')).toBe('1.1.0');
    expect(((await withToken.json()) as unknown[]).length).toBeGreaterThan(0);
    expect((await fetch(url!)).status).toBe(401);

    const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('is deterministic: the same seed prints the same schools', async () => {
    // The schools table only: the lines after it name the (random) port.
    const schools = async () => (await start(['mock', '--port', '0', '--seed', '9']).output).split('Seeded schools')[1]!.split('\n\n')[0];
    const first = await schools();
    expect(first).toMatch(/\n {2}(po|vo) {2}\S+/);
    expect(await schools()).toEqual(first);
  });

  it('generates a key pair and refuses to overwrite it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eduvkit-keys-'));
    const first = await run(['keys', 'generate', '--out', dir, '--kid', 'my-key']);
    expect(first.code).toBe(0);
    const jwks = JSON.parse(readFileSync(join(dir, 'jwks.json'), 'utf8')) as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', kid: 'my-key', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(statSync(join(dir, 'private-key.pem')).mode & 0o777).toBe(0o600);
    expect(first.stdout).not.toContain('PRIVATE KEY');
    const second = await run(['keys', 'generate', '--out', dir]);
    expect(second.code).not.toBe(0);
  });

  it('rejects a bad option with exit code 2 and says which', async () => {
    const child = spawn(process.execPath, [cli, 'mock', '--port', 'abc']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
  });

  it('rejects a decline rate outside 0 to 1 and a chain delay that is not a number, naming the option', async () => {
    for (const [option, value] of [
      ['--decline-rate', '1.5'],
      ['--chain-delay-ms', 'soon'],
    ] as const) {
      const { code, stderr } = await run(['mock', '--port', '0', option, value]);
      expect(code).toBe(2);
      expect(stderr).toContain(option);
    }
  });

  it('lists the five chain APIs in the banner and declines every order with --decline-rate 1', async () => {
    const { output } = start(['mock', '--port', '0', '--auth', 'any-bearer', '--decline-rate', '1', '--chain-delay-ms', '0']);
    const banner = await output;
    for (const base of ['/order-api/v0', '/delivery-api/v2', '/entitlement-api/v0', '/activationcode-api/v0', '/usage-api/v1']) expect(banner).toContain(base);
    const url = /listening on (http:\/\/\S+)/.exec(banner)![1]!;
    const productId = await firstProduct(url);
    const order = { requestReferenceId: '3f0c2a4e-9b1d-4e57-8a6c-2d4b5e6f7a81', purchaseOrderId: 'PO-1', productId, quantity: 1 };
    const answer = await fetch(`${url}/order-api/v0/orders`, {
      method: 'PUT',
      headers: { authorization: 'Bearer any', 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    expect(answer.status).toBe(202);
    let exchanges: { referenceId: string; confirmation?: { orderStatus?: string } }[] = [];
    for (let tries = 0; tries < 50 && !exchanges[0]?.confirmation; tries += 1) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
      exchanges = (await (await fetch(`${url}/_admin/exchanges`)).json()) as typeof exchanges;
    }
    expect(exchanges[0]).toMatchObject({ referenceId: order.requestReferenceId, confirmation: { orderStatus: 'declined' } });
  });
});
