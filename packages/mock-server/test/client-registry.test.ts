import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EduvConfigError } from '@eduvkit/core';
import { describe, expect, it } from 'vitest';
import { loadClients, registeredClientKey } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'eduvkit-clients-'));
const [demo] = loadClients().clients;

/** Writes `content` (JSON unless a string) to a clients file of its own and returns its path. */
function clientsFile(name: string, content: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function configError(run: () => unknown): EduvConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EduvConfigError);
    return error as EduvConfigError;
  }
  throw new Error('expected an EduvConfigError');
}

describe('a clients file the mock cannot use is a configuration error naming the file', () => {
  it('refuses a file that is missing or not JSON', () => {
    const missing = join(dir, 'nowhere.json');
    expect(configError(() => loadClients(missing)).message).toBe(`clientsFile ${missing} cannot be read`);
    const broken = clientsFile('broken', '{ "clients": [');
    expect(configError(() => loadClients(broken)).message).toBe(`clientsFile ${broken} is not JSON`);
  });

  it('refuses a file without a clients list', () => {
    for (const [name, content] of [
      ['empty', {}],
      ['null', null],
      ['object', { clients: {} }],
    ] as const) {
      const file = clientsFile(name, content);
      expect(configError(() => loadClients(file)).message).toBe(`clientsFile ${file}: expected { "clients": [...] }`);
    }
  });

  it('names the client that lacks an id, a role or a key', () => {
    const { privateKeyFile: _, ...client } = demo!;
    const cases = [
      ['no-id', { ...client, clientId: '' }],
      ['no-role', { ...client, role: undefined }],
      ['no-jwks', { ...client, jwks: undefined }],
      ['no-keys', { ...client, jwks: { keys: [] } }],
      ['null-client', null],
    ] as const;
    for (const [name, broken] of cases) {
      const file = clientsFile(name, { clients: [client, broken] });
      expect(configError(() => loadClients(file)).message).toBe(`clientsFile ${file}: clients[1] needs clientId, role and jwks.keys`);
    }
  });

  it('refuses a clientId registered twice', () => {
    const { privateKeyFile: _, ...client } = demo!;
    const file = clientsFile('twice', { clients: [client, { ...client, role: 'Leermiddelenportaal' }] });
    expect(configError(() => loadClients(file)).message).toBe(`clientsFile ${file}: clientId ${client.clientId} is registered twice`);
  });

  it('names the client whose private key file is missing', () => {
    const file = clientsFile('lost-key', { clients: [{ ...demo!, privateKeyFile: 'keys/lost.pem' }] });
    expect(configError(() => registeredClientKey(demo!.clientId, file)).message).toBe(
      `clientsFile: the privateKeyFile of ${demo!.clientId} (${join(dir, 'keys/lost.pem')}) cannot be read`,
    );
  });
});

describe('a clients file the mock can use', () => {
  it('resolves privateKeyFile against the file and leaves clients without one as they are', () => {
    const key = { kty: 'RSA', n: 'x', e: 'AQAB', kid: 'k' };
    const file = clientsFile('resolved', {
      clients: [
        { clientId: 'c', role: 'r', jwks: { keys: [key] }, privateKeyFile: 'keys/c.pem' },
        { clientId: 'e', role: 'r', jwks: { keys: [key] } },
      ],
    });
    const loaded = loadClients(file);
    expect(loaded.file).toBe(file);
    expect(loaded.clients.map((client) => client.privateKeyFile)).toEqual([join(dir, 'keys/c.pem'), undefined]);
  });
});
