import { EduvConfigError } from '@eduvkit/core';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ASSERTION_TYPE,
  clearDiscoveryCache,
  createClientAssertion,
  createClientCredentialsTokenProvider,
  createMtlsFetch,
  EduvAuthError,
  generateClientKeys,
  type ClientKeys,
  type FetchLike,
} from '../src/index';
import { HAS_OPENSSL, makePki, NO_OPENSSL_REASON, tempDir, type Pki, type TempDir } from './support/openssl';
import { startTokenServer, type TokenServer } from './support/token-server';

const SCOPES = ['eduv.student.basic'];

describe.skipIf(!HAS_OPENSSL)(`mutual TLS (${HAS_OPENSSL ? 'openssl found' : NO_OPENSSL_REASON})`, () => {
  let dir: TempDir;
  let pki: Pki;
  let keys: ClientKeys;
  let server: TokenServer;

  beforeAll(async () => {
    dir = tempDir();
    pki = makePki(dir);
    keys = await generateClientKeys({ modulusLength: 2048 });
    server = await startTokenServer({
      clients: [{ clientId: 'mtls-client', publicJwk: keys.publicJwk, algorithm: 'RS256' }],
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem, ca: pki.caPem },
    });
  });
  afterAll(async () => {
    await server?.close();
    dir?.remove();
  });

  function providerWith(extra: { mtls?: Parameters<typeof createMtlsFetch>[0]; fetch?: FetchLike }) {
    clearDiscoveryCache();
    return createClientCredentialsTokenProvider({
      clientId: 'mtls-client',
      privateKey: keys.privateKeyPem,
      issuer: server.issuer,
      ...extra,
    });
  }

  it('gets a token, discovery included, when the client certificate is presented', async () => {
    const tokens = providerWith({
      mtls: { certificatePem: pki.clientCertPem, privateKeyPem: pki.clientKeyPem, ca: pki.caPem },
    });
    try {
      const token = await tokens.getToken({ scopes: SCOPES });
      expect(server.rejections).toEqual([]);
      const request = server.tokenRequests.at(-1);
      expect(request?.accessToken).toBe(token);
      expect(request?.peerCommonName).toBe('eduvkit-test-client');
      expect(request?.claims.aud).toBe(server.tokenUrl);
      expect(server.tokenUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/as\/token$/);
    } finally {
      await tokens.close();
    }
  });

  it('is refused without a client certificate, or with one from an untrusted CA', async () => {
    const before = server.tokenRequests.length;
    const noCertificate = new Agent({ connect: { ca: pki.caPem } });
    const plain: FetchLike = (input, init) => undiciFetch(input as string, { ...(init as object), dispatcher: noCertificate }) as unknown as Promise<Response>;
    const rogue = { certificatePem: pki.rogueClientCertPem, privateKeyPem: pki.rogueClientKeyPem, ca: pki.caPem };
    const expectations = [/peer did not return a certificate/, /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/];
    for (const [index, tokens] of [providerWith({ fetch: plain }), providerWith({ mtls: rogue })].entries()) {
      server.tlsErrors.length = 0;
      try {
        const error = await tokens.getToken({ scopes: SCOPES }).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(EduvAuthError);
        expect(error).toMatchObject({ kind: 'network' });
        expect(server.tlsErrors.join('\n')).toMatch(expectations[index] as RegExp);
      } finally {
        await tokens.close();
      }
    }
    await noCertificate.close();
    expect(server.tokenRequests.length).toBe(before);
  });

  it('createMtlsFetch accepts a Request made by the global fetch API, as the API clients pass it', async () => {
    const mtlsFetch = createMtlsFetch({ certificatePem: pki.clientCertPem, privateKeyPem: pki.clientKeyPem, ca: pki.caPem });
    try {
      const assertion = await createClientAssertion({
        clientId: 'mtls-client',
        audience: server.tokenUrl,
        key: keys.privateKeyPem,
        keyId: keys.keyId,
      });
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'mtls-client',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: assertion,
      });
      const request = new Request(server.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      const response = await mtlsFetch(request);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ token_type: 'Bearer' });
      expect(server.tokenRequests.at(-1)?.peerCommonName).toBe('eduvkit-test-client');
    } finally {
      await mtlsFetch.close();
    }
    await expect(mtlsFetch(server.tokenUrl)).rejects.toThrow(/closed/);
  });

  it('refuses a key that does not belong to the certificate', () => {
    expect(() => createMtlsFetch({ certificatePem: pki.clientCertPem, privateKeyPem: pki.rogueClientKeyPem })).toThrow(EduvConfigError);
    expect(() => createMtlsFetch({ certificatePem: 'nope', privateKeyPem: pki.clientKeyPem })).toThrow(/certificatePem/);
  });
});
