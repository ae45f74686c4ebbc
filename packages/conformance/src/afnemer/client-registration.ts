import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiRegistry } from '@eduvkit/core';
import { loadClients, type RegisteredClient } from '@eduvkit/mock-server';
import { ConformanceConfigError } from '../config-error';

/** The client the supplier's command authenticates as. */
export interface AfnemerClient {
  readonly clientId: string;
  /** The public keys of the supplier's own client; without them `clientId` must be a demo client of the mock. */
  readonly jwks?: { readonly keys: readonly Record<string, unknown>[] } | undefined;
  /** Its Edu-V reference component; default the API's first calling role. Only with `jwks`. */
  readonly role?: string | undefined;
}

export interface ClientRegistration {
  /** A client registration file for the mock, or undefined for its demo clients. */
  readonly clientsFile?: string;
  readonly role: string;
  remove(): Promise<void>;
}

// Members only a private (or symmetric) JWK has: such a file must never be handed to the kit.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

function checkPublicJwks(jwks: AfnemerClient['jwks']): RegisteredClient['jwks'] {
  if (!jwks || !Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new ConformanceConfigError('the JWKS has no keys: give {"keys": [<public JWK>, …]}');
  if (jwks.keys.some((key) => PRIVATE_MEMBERS.some((member) => member in key))) {
    throw new ConformanceConfigError('the JWKS holds private key material; give the public keys only (eduvkit keys generate writes them)');
  }
  return jwks as unknown as RegisteredClient['jwks'];
}

/** Registers the client with the run's mock: a demo client as it is, the supplier's own through a client file. */
export async function registerClient(client: AfnemerClient, registry: ApiRegistry): Promise<ClientRegistration> {
  const demo = loadClients().clients;
  if (!client.jwks) {
    const registered = demo.find((candidate) => candidate.clientId === client.clientId);
    if (!registered)
      throw new ConformanceConfigError(
        `no demo client ${client.clientId}; use one of ${demo.map(({ clientId }) => clientId).join(', ')}, or give your own with --client-id and --jwks`,
      );
    if (!registry.roles.calling.includes(registered.role)) {
      throw new ConformanceConfigError(
        `the demo client ${client.clientId} (${registered.role}) is no calling role of the ${registry.api}; its calling roles: ${registry.roles.calling.join(', ')}`,
      );
    }
    return { role: registered.role, remove: async () => {} };
  }
  const role = client.role ?? registry.roles.calling[0]!;
  if (!registry.roles.calling.includes(role))
    throw new ConformanceConfigError(`${role} is no calling role of the ${registry.api}; choose one of ${registry.roles.calling.join(', ')}`);
  const own: RegisteredClient = { clientId: client.clientId, name: `${client.clientId} (under qualification)`, role, jwks: checkPublicJwks(client.jwks) };
  const dir = await mkdtemp(join(tmpdir(), 'eduvkit-afnemer-'));
  const clientsFile = join(dir, 'clients.json');
  await writeFile(clientsFile, JSON.stringify({ clients: [...demo.filter(({ clientId }) => clientId !== client.clientId), own] }));
  return { clientsFile, role, remove: () => rm(dir, { recursive: true, force: true }) };
}
