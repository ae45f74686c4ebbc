import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientCredentialsTokenProvider, generateClientKeys, loadPrivateKey, type SigningAlgorithm } from '@eduvkit/auth';
import type { ApiRegistry } from '@eduvkit/core';
import { demoClientsFile, loadClients, registeredClientKey, startMockServer, type MockServer } from '@eduvkit/mock-server';
import type { ClientCredentials } from '../../src/index';

/** A client of the ordering environment's role that no school has activated: the 403 / 0022 cases need one. */
export const UNCONSENTED_CLIENT = 'conformance-no-consent';
export const CONSENTED_CLIENT = 'demo-bestelomgeving';

export interface MockTarget {
  readonly server: MockServer;
  readonly clientsFile: string;
  credentials(clientId: string): ClientCredentials;
  baseUrl(registry: ApiRegistry): string;
  /** The client a suite acts as: CONSENTED_CLIENT, or for an API its role does not call (Course) a demo client whose role does. */
  callingClient(registry: ApiRegistry): string;
  /** An access token from the mock for one of its clients. */
  token(clientId: string, scopes: readonly string[]): Promise<string>;
  /** A vo school other than the first (the demo test system is active at the first school only). */
  readonly school: string;
  close(): Promise<void>;
}

/** The demo clients plus one unconsented client with a fresh key, as a clients file in a temp folder. */
async function clientsFileWithUnconsented(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eduvkit-conformance-'));
  const demo = loadClients();
  const keys = await generateClientKeys();
  writeFileSync(join(dir, 'no-consent.pem'), keys.privateKeyPem);
  const clients = [
    ...demo.clients,
    {
      clientId: UNCONSENTED_CLIENT,
      name: 'Conformance test client without consent',
      role: 'Bestelomgeving leermiddelen',
      privateKeyFile: 'no-consent.pem',
      jwks: { keys: [keys.publicJwk] },
    },
  ];
  const file = join(dir, 'clients.json');
  writeFileSync(file, JSON.stringify({ clients }));
  return file;
}

export async function startMockTarget(): Promise<MockTarget> {
  const clientsFile = await clientsFileWithUnconsented();
  const server = await startMockServer({ port: 0, seed: 1, clientsFile });
  // Subscribing needs a callback URL on file; nothing changes in the world during a run, so nothing is pushed.
  await fetch(`${server.url}/_admin/clients/${CONSENTED_CLIENT}/callback`, {
    method: 'PUT',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/notifications-api/v0' }),
  });
  const school = server.world.schools.slice(1).find((candidate) => candidate.sector === 'vo') ?? server.world.schools[1]!;
  const credentials = (clientId: string): ClientCredentials => {
    const key = registeredClientKey(clientId, clientsFile);
    if (!key) throw new Error(`no key on file for ${clientId}`);
    return { ...key, algorithm: key.algorithm as SigningAlgorithm | undefined };
  };
  return {
    server,
    clientsFile,
    school: school.orgMasterId,
    credentials,
    baseUrl: (registry) => `${server.url}${registry.basePath}`,
    callingClient(registry) {
      const calling = server.clients.filter((client) => registry.roles.calling.includes(client.role)).map((client) => client.clientId);
      return calling.includes(CONSENTED_CLIENT) ? CONSENTED_CLIENT : (calling[0] ?? CONSENTED_CLIENT);
    },
    async token(clientId, scopes) {
      const client = credentials(clientId);
      const provider = createClientCredentialsTokenProvider({
        clientId,
        privateKey: loadPrivateKey(client.privateKeyPem),
        keyId: client.keyId,
        algorithm: client.algorithm,
        issuer: server.url,
      });
      try {
        return await provider.getToken({ scopes: [...scopes] });
      } finally {
        await provider.close();
      }
    },
    close: () => server.close(),
  };
}

export { demoClientsFile };
