import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EduvConfigError } from '@eduvkit/core';
import type { JSONWebKeySet } from 'jose';

/** A client registered out of band with the mock authorization server (static registration). */
export interface RegisteredClient {
  readonly clientId: string;
  readonly name: string;
  /** The Edu-V reference component the client acts as; decides which scopes it may get. */
  readonly role: string;
  /** The client's public keys: the authorization server verifies client assertions with them. */
  readonly jwks: JSONWebKeySet;
  /** Dev-only demo clients ship their private key so `eduvkit token` works out of the box. */
  readonly privateKeyFile?: string;
  /** Base URL where the client receives notifications (`POST <url>/notifications`), if it does. */
  readonly callbackUrl?: string;
  /** Base URLs of the client's own side of the chain's exchanges, per API (`{ "order-api": "http://…/order-api/v0" }`). */
  readonly endpoints?: Readonly<Record<string, string>>;
}

export interface ClientRegistryFile {
  readonly clients: readonly RegisteredClient[];
}

/** The demo clients published with the mock server (see demo/README.md: development only). */
export function demoClientsFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From dist/ (built) or src/auth/ (workspace source) the package's demo folder is one or two up.
  const candidates = [resolve(here, '../demo/clients.json'), resolve(here, '../../demo/clients.json')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('demo/clients.json not found next to the mock server');
  return found;
}

export interface LoadedClients {
  readonly file: string;
  readonly clients: readonly RegisteredClient[];
}

/** Reads a client registration file; relative `privateKeyFile` paths resolve against it. */
export function loadClients(file: string = demoClientsFile()): LoadedClients {
  const clients = readClients(file);
  const seen = new Set<string>();
  clients.forEach((client, index) => {
    if (!client?.clientId || !client.role || !Array.isArray(client.jwks?.keys) || client.jwks.keys.length === 0) {
      throw new EduvConfigError(`clientsFile ${file}: clients[${index}] needs clientId, role and jwks.keys`);
    }
    if (seen.has(client.clientId)) throw new EduvConfigError(`clientsFile ${file}: clientId ${client.clientId} is registered twice`);
    seen.add(client.clientId);
  });
  return {
    file,
    clients: clients.map((client) => (client.privateKeyFile ? { ...client, privateKeyFile: resolve(dirname(file), client.privateKeyFile) } : client)),
  };
}

function readClients(file: string): readonly RegisteredClient[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EduvConfigError(`clientsFile ${file} cannot be read`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EduvConfigError(`clientsFile ${file} is not JSON`, { cause: error });
  }
  const clients = (parsed as Partial<ClientRegistryFile> | null)?.clients;
  if (!Array.isArray(clients)) throw new EduvConfigError(`clientsFile ${file}: expected { "clients": [...] }`);
  return clients as readonly RegisteredClient[];
}

/** A registered client's own signing key, for tools that act as that client. */
export interface RegisteredClientKey {
  readonly clientId: string;
  /** PEM text. Dev-only demo keys: never use them outside a local mock. */
  readonly privateKeyPem: string;
  readonly keyId?: string;
  readonly algorithm?: string;
}

/** The key of a registered client whose private key is on file (the demo clients ship theirs); undefined when none is. */
export function registeredClientKey(clientId: string, file?: string): RegisteredClientKey | undefined {
  const client = loadClients(file).clients.find((candidate) => candidate.clientId === clientId);
  if (!client?.privateKeyFile) return undefined;
  const key = client.jwks.keys[0];
  return {
    clientId,
    privateKeyPem: readPrivateKey(client.privateKeyFile, clientId),
    ...(key?.kid ? { keyId: key.kid } : {}),
    ...(key?.alg ? { algorithm: key.alg } : {}),
  };
}

function readPrivateKey(file: string, clientId: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new EduvConfigError(`clientsFile: the privateKeyFile of ${clientId} (${file}) cannot be read`, { cause: error });
  }
}
