import { createClientCredentialsTokenProvider, keyIdOf, loadPrivateKey, type ClientCredentialsTokenProvider, type SigningAlgorithm } from '@eduvkit/auth';

/** How the kit authenticates as one OAuth client of the implementation under test. */
export interface ClientCredentials {
  readonly clientId: string;
  /** PEM text of the client's private key. Never logged or reported. */
  readonly privateKeyPem: string;
  readonly keyId?: string | undefined;
  readonly algorithm?: SigningAlgorithm | undefined;
}

export interface AuthorizationServer {
  /** Issuer URL: the token endpoint is found by discovery. Give this or `tokenUrl`. */
  readonly issuer?: string | undefined;
  readonly tokenUrl?: string | undefined;
}

/** Access tokens for one client, per scope set, cached until near expiry. */
export interface TokenSource {
  readonly clientId: string;
  getToken(scopes: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

export function createTokenSource(client: ClientCredentials, server: AuthorizationServer): TokenSource {
  const privateKey = loadPrivateKey(client.privateKeyPem);
  const provider: ClientCredentialsTokenProvider = createClientCredentialsTokenProvider({
    clientId: client.clientId,
    privateKey,
    keyId: client.keyId ?? keyIdOf(privateKey),
    algorithm: client.algorithm,
    issuer: server.issuer,
    tokenEndpoint: server.tokenUrl,
  });
  return {
    clientId: client.clientId,
    getToken: (scopes) => provider.getToken({ scopes: [...scopes] }),
    close: () => provider.close(),
  };
}
