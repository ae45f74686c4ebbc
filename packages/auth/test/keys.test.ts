import { createPublicKey, generateKeyPairSync, KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import { EduvConfigError } from '@eduvkit/core';
import { calculateJwkThumbprint, compactVerify, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClientKeys, loadPrivateKey, publicJwks, rsaJwkThumbprint, type ClientKeys } from '../src/index';
import { HAS_OPENSSL, NO_OPENSSL_REASON, selfSignedCertificate, tempDir, type TempDir } from './support/openssl';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

let keys: ClientKeys;
beforeAll(async () => {
  keys = await generateClientKeys({ modulusLength: 2048 });
});

async function expectSignatureVerifies(privateKey: KeyObject, jwk: Record<string, unknown>, alg: 'RS256' | 'PS256') {
  const jws = await new SignJWT({ probe: 1 }).setProtectedHeader({ alg }).sign(privateKey);
  const verified = await compactVerify(jws, await importJWK(jwk, alg));
  expect(verified.protectedHeader.alg).toBe(alg);
}

describe('generateClientKeys', () => {
  it('makes an RSA pair with the RFC 7638 thumbprint as kid and a PKCS#8 PEM', async () => {
    expect(keys.algorithm).toBe('RS256');
    expect(keys.keyId).toBe(await calculateJwkThumbprint(keys.publicJwk, 'sha256'));
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(keys.publicJwk).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: keys.keyId });
    expect(keys.privateJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: keys.keyId });
    expect(typeof keys.privateJwk.d).toBe('string');
    for (const member of PRIVATE_MEMBERS) expect(keys.publicJwk).not.toHaveProperty(member);
    const loaded = loadPrivateKey(keys.privateKeyPem);
    expect(loaded.asymmetricKeyDetails?.modulusLength).toBe(2048);
    await expectSignatureVerifies(loaded, keys.publicJwk, 'RS256');
  });

  it('defaults to 3072 bits, and honours algorithm and keyId', async () => {
    const generated = await generateClientKeys({ algorithm: 'PS256', keyId: 'my-key-2026' });
    expect(generated.keyId).toBe('my-key-2026');
    expect(generated.publicJwk).toMatchObject({ alg: 'PS256', kid: 'my-key-2026' });
    const loaded = loadPrivateKey(generated.privateJwk);
    expect(loaded.asymmetricKeyDetails?.modulusLength).toBe(3072);
    await expectSignatureVerifies(loaded, generated.publicJwk, 'PS256');
  });

  it('refuses keys below 2048 bits and unknown algorithms', async () => {
    await expect(generateClientKeys({ modulusLength: 1024 })).rejects.toBeInstanceOf(EduvConfigError);
    await expect(generateClientKeys({ algorithm: 'HS256' as 'RS256' })).rejects.toThrow(/RS256, PS256/);
  });
});

describe('loadPrivateKey', () => {
  it('reads PKCS#8 PEM, JWK objects, JWK JSON strings, KeyObjects and CryptoKeys alike', async () => {
    const fromPem = loadPrivateKey(keys.privateKeyPem);
    const fromJwk = loadPrivateKey(keys.privateJwk);
    const fromJson = loadPrivateKey(JSON.stringify(keys.privateJwk));
    const cryptoKey = await webcrypto.subtle.importKey(
      'pkcs8',
      fromPem.export({ type: 'pkcs8', format: 'der' }),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const fromCryptoKey = loadPrivateKey(cryptoKey);
    for (const key of [fromPem, fromJwk, fromJson, fromCryptoKey, loadPrivateKey(fromPem)]) {
      expect(key).toBeInstanceOf(KeyObject);
      expect(key.type).toBe('private');
      expect(key.equals(fromPem)).toBe(true);
    }
  });

  it('rejects public, short, non-RSA and garbage keys without quoting them', () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const weakPem = weak.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cases: Array<[unknown, RegExp]> = [
      [keys.publicJwk, /could not be read/],
      [createPublicKey(keys.privateKeyPem), /expected a private key, got a public key/],
      [weakPem, /1024 bits; at least 2048/],
      [ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /must be an RSA key/],
      ['-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----', /could not be read/],
      ['{"kty":"RSA", broken', /not a JWK object/],
      [42, /must be a PEM string/],
    ];
    for (const [input, message] of cases) {
      let thrown: unknown;
      try {
        loadPrivateKey(input as string);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EduvConfigError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain('PRIVATE KEY');
      expect((thrown as Error).message).not.toContain('bm90IGEga2V5');
    }
  });
});

describe('publicJwks', () => {
  it('publishes only public members, with use, alg and kid, whatever form the key came in', () => {
    const jwks = publicJwks([
      { jwk: keys.privateJwk, keyId: 'from-private-jwk', algorithm: 'RS256' },
      { publicKey: keys.privateKeyPem, algorithm: 'PS256' },
      { publicKey: createPublicKey(keys.privateKeyPem), keyId: 'from-key-object', algorithm: 'RS256' },
    ]);
    expect(jwks.keys.map((key) => key.kid)).toEqual(['from-private-jwk', keys.keyId, 'from-key-object']);
    for (const jwk of jwks.keys) {
      expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(jwk).toMatchObject({ kty: 'RSA', use: 'sig', n: keys.publicJwk.n, e: keys.publicJwk.e });
    }
    expect(jwks.keys[1]?.alg).toBe('PS256');
    expect(JSON.stringify(jwks)).not.toContain(keys.privateJwk.d);
  });

  it('refuses duplicate kids and ambiguous input', () => {
    expect(() =>
      publicJwks([
        { jwk: keys.publicJwk, algorithm: 'RS256' },
        { jwk: keys.publicJwk, algorithm: 'PS256' },
      ]),
    ).toThrow(/duplicate kid/);
    expect(() => publicJwks([{ jwk: keys.publicJwk, publicKey: keys.privateKeyPem, algorithm: 'RS256' }])).toThrow(/not both/);
    expect(() => publicJwks([{ algorithm: 'RS256' }])).toThrow(/publicKey, jwk or certificatePem/);
  });

  it('refuses RSASSA-PSS-only keys, which jose cannot sign with, and says what to use instead', () => {
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    expect(() => loadPrivateKey(pss.privateKey)).toThrow(/RSASSA-PSS-only key.*plain RSA key signs PS256/);
    expect(() => publicJwks([{ publicKey: pss.publicKey, algorithm: 'PS256' }])).toThrow(EduvConfigError);
  });

  it('computes the same thumbprint as jose', async () => {
    expect(rsaJwkThumbprint({ n: keys.publicJwk.n as string, e: 'AQAB' })).toBe(await calculateJwkThumbprint({ kty: 'RSA', n: keys.publicJwk.n, e: 'AQAB' }));
  });

  describe('with certificates', () => {
    let dir: TempDir;
    let certificatePem: string;
    beforeAll(() => {
      if (!HAS_OPENSSL) return;
      dir = tempDir();
      certificatePem = selfSignedCertificate(dir, keys.privateKeyPem, '/serialNumber=00000001234567890000/CN=client');
    });
    afterAll(() => dir?.remove());

    it.skipIf(!HAS_OPENSSL)(`adds x5c as base64 DER and x5t#S256 (${HAS_OPENSSL ? 'openssl found' : NO_OPENSSL_REASON})`, () => {
      const [jwk] = publicJwks([{ jwk: keys.publicJwk, keyId: keys.keyId, algorithm: 'RS256', certificatePem }]).keys;
      const certificate = new X509Certificate(certificatePem);
      expect(jwk?.x5c).toEqual([certificate.raw.toString('base64')]);
      expect(jwk?.x5c?.[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(new X509Certificate(Buffer.from(jwk?.x5c?.[0] ?? '', 'base64')).subject).toContain('00000001234567890000');
      expect(jwk?.['x5t#S256']).toBe(Buffer.from(certificate.fingerprint256.replaceAll(':', ''), 'hex').toString('base64url'));
      expect(jwk).toMatchObject({ kid: keys.keyId, alg: 'RS256', use: 'sig', n: keys.publicJwk.n });

      const [fromCertificateOnly] = publicJwks([{ certificatePem, algorithm: 'RS256' }]).keys;
      expect(fromCertificateOnly).toEqual(jwk);

      const chain = publicJwks([{ certificatePem: `${certificatePem}\n${certificatePem}`, algorithm: 'RS256' }]).keys;
      expect(chain[0]?.x5c).toHaveLength(2);
    });

    it.skipIf(!HAS_OPENSSL)(`rejects a certificate of another key (${HAS_OPENSSL ? 'openssl found' : NO_OPENSSL_REASON})`, async () => {
      const other = await generateClientKeys({ modulusLength: 2048 });
      expect(() => publicJwks([{ jwk: other.publicJwk, algorithm: 'RS256', certificatePem }])).toThrow(/does not belong to this key/);
      expect(() => publicJwks([{ jwk: other.publicJwk, algorithm: 'RS256', certificatePem: 'nope' }])).toThrow(/no PEM certificate/);
    });
  });
});
