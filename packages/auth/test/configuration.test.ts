import { EduvConfigError } from '@eduvkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createClientCredentialsTokenProvider,
  discover,
  discoveryUrl,
  EduvAuthError,
  generateClientKeys,
  type ClientCredentialsOptions,
  type ClientKeys,
} from '../src/index';

// Each refusal is checked on its own, with every other option valid, so that the check under test
// is the one that answers (a missing endpoint would otherwise refuse first and hide it).
let keys: ClientKeys;
beforeAll(async () => {
  keys = await generateClientKeys({ modulusLength: 2048 });
});

const TOKEN_URL = 'https://as.example.org/oauth2/token';
const provider = (options: Partial<ClientCredentialsOptions>) => () =>
  createClientCredentialsTokenProvider({ clientId: 'c', privateKey: keys.privateJwk, keyId: 'k', tokenEndpoint: TOKEN_URL, ...options });
const refusal = (message: string) => new EduvConfigError(message);

describe('token provider configuration', () => {
  it('refuses a client id that is not a non-empty string', () => {
    for (const clientId of ['', '  ', 42 as unknown as string]) {
      expect(provider({ clientId })).toThrow(refusal('clientId must be a non-empty string'));
    }
  });

  it('names the option whose URL is refused', () => {
    expect(provider({ tokenEndpoint: 'token' })).toThrow(refusal('tokenEndpoint must be an absolute URL'));
    expect(provider({ tokenEndpoint: undefined, issuer: 'http://as.example.org' })).toThrow(
      refusal('issuer must use https (http only on localhost), got http://as.example.org'),
    );
  });

  it('refuses an empty keyId, a negative skew and a timeout that is not positive; takes a zero skew', () => {
    expect(provider({ keyId: ' ' })).toThrow(refusal('keyId must be a non-empty string'));
    expect(provider({ keyId: 7 as unknown as string })).toThrow(refusal('keyId must be a non-empty string'));
    expect(provider({ refreshSkewSeconds: -0.5 })).toThrow(refusal('refreshSkewSeconds must be zero or more'));
    expect(provider({ refreshSkewSeconds: 0 })).not.toThrow();
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(provider({ timeoutMs })).toThrow(refusal('timeoutMs must be a positive number'));
    }
    expect(provider({ timeoutMs: 1 })).not.toThrow();
  });
});

describe('endpoint URLs (secureUrl)', () => {
  it('allows plain http only on loopback hosts', () => {
    for (const host of ['localhost', '[::1]', '127.0.0.1', '127.10.200.3']) {
      expect(provider({ tokenEndpoint: `http://${host}:4010/token` })).not.toThrow();
    }
    for (const host of ['127.0.0.1.example.org', 'localhost.example.org', '10.0.0.1']) {
      expect(provider({ tokenEndpoint: `http://${host}/token` })).toThrow(/^tokenEndpoint must use https \(http only on localhost\)/);
    }
    expect(provider({ tokenEndpoint: 'ftp://127.0.0.1/token' })).toThrow('tokenEndpoint must use https (http only on localhost), got ftp://127.0.0.1');
  });

  it('refuses credentials in the URL, user or password alone', () => {
    for (const url of ['https://user@as.example.org/token', 'https://:secret@as.example.org/token', 'https://user:secret@as.example.org/token']) {
      expect(provider({ tokenEndpoint: url })).toThrow(refusal('tokenEndpoint must not contain credentials'));
    }
  });

  it('refuses a URL that is not a string', () => {
    expect(provider({ tokenEndpoint: new URL(TOKEN_URL) as unknown as string })).toThrow(refusal('tokenEndpoint must be an absolute URL'));
  });
});

describe('discovery configuration', () => {
  it('builds the discovery URL without doubling slashes', () => {
    expect(discoveryUrl('https://as.example.org/tenant//')).toBe('https://as.example.org/tenant/.well-known/openid-configuration');
    expect(discoveryUrl('https://as.example.org')).toBe('https://as.example.org/.well-known/openid-configuration');
  });

  it('refuses a negative or non-finite cache lifetime and a bad issuer before any request', async () => {
    const fetch = () => Promise.reject(new Error('no request expected'));
    for (const cacheTtlSeconds of [-1, Number.NaN]) {
      await expect(discover('https://as.example.org', { cacheTtlSeconds, fetch })).rejects.toThrow(refusal('cacheTtlSeconds must be zero or more'));
    }
    await expect(discover('as.example.org', { fetch })).rejects.toThrow(refusal('issuer must be an absolute URL'));
    await expect(discover('https://as.example.org', { timeoutMs: 0, fetch })).rejects.toThrow(refusal('timeoutMs must be a positive number'));
  });
});

describe('generateClientKeys configuration', () => {
  it('refuses a modulus below 2048 bits or not whole, and an empty keyId, with the reason', async () => {
    for (const modulusLength of [2047, 2048.5]) {
      await expect(generateClientKeys({ modulusLength })).rejects.toThrow(refusal('modulusLength must be a whole number of at least 2048'));
    }
    await expect(generateClientKeys({ modulusLength: 2048, keyId: ' ' })).rejects.toThrow(refusal('keyId must be a non-empty string'));
  });

  it('publishes RS256 signing keys by default, with a PKCS#8 PEM', () => {
    expect(keys.algorithm).toBe('RS256');
    expect(keys.publicJwk).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: keys.keyId });
    expect(keys.privateJwk).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: keys.keyId });
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });
});

describe('EduvAuthError', () => {
  it('keeps a cause only when given one, and drops the query from the URL', () => {
    const cause = new Error('socket hang up');
    const withCause = new EduvAuthError('token request failed', { kind: 'network', url: 'https://as.example.org/token?secret=1', cause });
    expect(withCause.cause).toBe(cause);
    expect(withCause.url).toBe('https://as.example.org/token');
    const without = new EduvAuthError('token request failed', { kind: 'network' });
    expect('cause' in without).toBe(false);
    expect(without.url).toBeUndefined();
  });

  it('cuts an OAuth error description longer than 300 characters, and only those', () => {
    const exact = 'x'.repeat(300);
    const error = new EduvAuthError('refused', { kind: 'token_endpoint', oauthError: 'invalid_client', oauthErrorDescription: `${exact}y` });
    expect(error.oauthErrorDescription).toBe(`${exact}…`);
    expect(error.message).toBe(`refused: invalid_client (${exact}…)`);
    expect(new EduvAuthError('refused', { kind: 'token_endpoint', oauthError: exact }).oauthError).toBe(exact);
  });
});
