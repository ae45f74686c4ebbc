import { createHash, createPrivateKey, createPublicKey, generateKeyPair, KeyObject, X509Certificate, type JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';
import { EduvConfigError } from '@eduvkit/core';
import type { JWK } from 'jose';

/** JWS algorithms for the client assertion: Edu-V's authorisation servers must accept RS256, should accept PS256. */
export type SigningAlgorithm = 'RS256' | 'PS256';
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['RS256', 'PS256'];

export const MIN_RSA_MODULUS_BITS = 2048;
export const DEFAULT_RSA_MODULUS_BITS = 3072;

/** A private key as PKCS#8 (or PKCS#1) PEM, a JWK object or JSON string, a Node KeyObject or a WebCrypto CryptoKey. */
export type PrivateKeyInput = string | JWK | KeyObject | CryptoKey;

/** A public key as PEM (a private PEM works too: only its public half is used), KeyObject or CryptoKey. */
export type PublicKeyInput = string | KeyObject | CryptoKey;

export function assertSigningAlgorithm(algorithm: unknown): asserts algorithm is SigningAlgorithm {
  if (!SIGNING_ALGORITHMS.includes(algorithm as SigningAlgorithm)) {
    throw new EduvConfigError(`algorithm must be one of ${SIGNING_ALGORITHMS.join(', ')}, got "${String(algorithm)}"`);
  }
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}

function parseJwk(text: string): JWK {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through: the message below must not quote the input
  }
  throw new EduvConfigError('private key looks like JSON but is not a JWK object');
}

function toKeyObject(input: PrivateKeyInput): KeyObject {
  if (input instanceof KeyObject) return input;
  if (isCryptoKey(input)) return KeyObject.from(input);
  try {
    if (typeof input === 'string') {
      const text = input.trim();
      return text.startsWith('{') ? createPrivateKey({ key: parseJwk(text) as NodeJsonWebKey, format: 'jwk' }) : createPrivateKey(text);
    }
    if (input !== null && typeof input === 'object') {
      return createPrivateKey({ key: input as NodeJsonWebKey, format: 'jwk' });
    }
  } catch (error) {
    if (error instanceof EduvConfigError) throw error;
    // Node's crypto errors never quote the key, so the cause is safe to keep.
    throw new EduvConfigError('private key could not be read (expected an unencrypted PKCS#8 PEM or a private JWK)', {
      cause: error,
    });
  }
  throw new EduvConfigError('private key must be a PEM string, a JWK, a KeyObject or a CryptoKey');
}

/** Reads a private RSA key of at least 2048 bits; throws EduvConfigError (never quoting the key) otherwise. */
export function loadPrivateKey(input: PrivateKeyInput): KeyObject {
  const key = toKeyObject(input);
  if (key.type !== 'private') {
    throw new EduvConfigError(`expected a private key, got a ${key.type} key`);
  }
  assertRsaKey(key, 'private key');
  return key;
}

function assertRsaKey(key: KeyObject, what: string): void {
  const type = key.asymmetricKeyType;
  if (type === 'rsa-pss') {
    // Neither jose nor WebCrypto can use a key restricted to RSASSA-PSS (its PKCS#8 carries that OID).
    throw new EduvConfigError(`${what} is an RSASSA-PSS-only key, which cannot be used here; a plain RSA key signs PS256 as well`);
  }
  if (type !== 'rsa') {
    throw new EduvConfigError(`${what} must be an RSA key for RS256/PS256, got ${type ?? 'unknown'}`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_MODULUS_BITS) {
    throw new EduvConfigError(`${what} has ${bits} bits; at least ${MIN_RSA_MODULUS_BITS} are required`);
  }
}

/** The bare public RSA members `{ kty, n, e }`: deriving them from a KeyObject guarantees no private member leaks. */
function rsaPublicMembers(key: KeyObject): { kty: 'RSA'; n: string; e: string } {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
    throw new EduvConfigError('public key is not an RSA key');
  }
  return { kty: 'RSA', n: jwk.n, e: jwk.e };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA key. */
export function rsaJwkThumbprint(jwk: { n: string; e: string }): string {
  // RFC 7638 §3.2: the required members only, in lexicographic order, without whitespace.
  const canonical = `{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The RFC 7638 thumbprint of a private key's public half: the default `kid`. */
export function keyIdOf(key: KeyObject): string {
  return rsaJwkThumbprint(rsaPublicMembers(key));
}

export interface GenerateClientKeysOptions {
  readonly algorithm?: SigningAlgorithm;
  /** Defaults to the RFC 7638 thumbprint of the public key. */
  readonly keyId?: string;
  /** RSA modulus size; at least 2048, default 3072. */
  readonly modulusLength?: number;
}

export interface ClientKeys {
  readonly algorithm: SigningAlgorithm;
  readonly keyId: string;
  /** Unencrypted PKCS#8 PEM. Keep it secret. */
  readonly privateKeyPem: string;
  /** The private key as JWK with `kid`, `alg` and `use`. Keep it secret. */
  readonly privateJwk: JWK;
  /** The public key as JWK with `kid`, `alg` and `use: 'sig'`, ready for a JWKS. */
  readonly publicJwk: JWK;
}

const generateRsaKeyPair = promisify(generateKeyPair);

/** Generates an RSA key pair for signing client assertions. */
export async function generateClientKeys(options: GenerateClientKeysOptions = {}): Promise<ClientKeys> {
  const algorithm = options.algorithm ?? 'RS256';
  assertSigningAlgorithm(algorithm);
  const modulusLength = options.modulusLength ?? DEFAULT_RSA_MODULUS_BITS;
  if (!Number.isInteger(modulusLength) || modulusLength < MIN_RSA_MODULUS_BITS) {
    throw new EduvConfigError(`modulusLength must be a whole number of at least ${MIN_RSA_MODULUS_BITS}`);
  }
  if (options.keyId !== undefined) assertKeyId(options.keyId);
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength, publicExponent: 0x10001 });
  const publicMembers = rsaPublicMembers(privateKey);
  const keyId = options.keyId ?? rsaJwkThumbprint(publicMembers);
  const header = { use: 'sig', alg: algorithm, kid: keyId };
  return {
    algorithm,
    keyId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    privateJwk: { ...header, ...privateKey.export({ format: 'jwk' }) },
    publicJwk: { kty: 'RSA', ...header, n: publicMembers.n, e: publicMembers.e },
  };
}

export function assertKeyId(keyId: unknown): asserts keyId is string {
  if (typeof keyId !== 'string' || keyId.trim() === '') {
    throw new EduvConfigError('keyId must be a non-empty string');
  }
}

export interface PublicJwkInput {
  /** The public key (a private key or PEM works too; only the public half is used). */
  readonly publicKey?: PublicKeyInput | undefined;
  /** The key as JWK; private members are dropped. */
  readonly jwk?: JWK | undefined;
  /** Defaults to the RFC 7638 thumbprint. */
  readonly keyId?: string | undefined;
  readonly algorithm: SigningAlgorithm;
  /**
   * PEM certificate(s), leaf first then intermediates (e.g. a PKIoverheid certificate). Adds `x5c`
   * and `x5t#S256`; without `publicKey`/`jwk` the key is taken from the leaf.
   */
  readonly certificatePem?: string | undefined;
}

export interface Jwks {
  readonly keys: JWK[];
}

function publicKeyObject(input: PublicKeyInput | JWK): KeyObject {
  try {
    if (input instanceof KeyObject) return input.type === 'public' ? input : createPublicKey(input);
    if (isCryptoKey(input)) return publicKeyObject(KeyObject.from(input));
    if (typeof input === 'string') return createPublicKey(input);
    return createPublicKey({ key: input as NodeJsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new EduvConfigError('public key could not be read (expected PEM, JWK, KeyObject or CryptoKey)', {
      cause: error,
    });
  }
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function readCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new EduvConfigError('certificatePem holds no PEM certificate');
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new EduvConfigError(`certificate ${index + 1} in certificatePem could not be read`, { cause: error });
    }
  });
}

function publicJwk(input: PublicJwkInput): JWK {
  assertSigningAlgorithm(input.algorithm);
  if (input.publicKey !== undefined && input.jwk !== undefined) {
    throw new EduvConfigError('give publicKey or jwk, not both');
  }
  const certificates = input.certificatePem === undefined ? [] : readCertificates(input.certificatePem);
  const source = input.publicKey ?? input.jwk ?? certificates[0]?.publicKey;
  if (source === undefined) {
    throw new EduvConfigError('each key needs publicKey, jwk or certificatePem');
  }
  const key = publicKeyObject(source);
  assertRsaKey(key, 'public key');
  const members = rsaPublicMembers(key);
  const [leaf] = certificates;
  if (leaf !== undefined) {
    const certified = rsaPublicMembers(publicKeyObject(leaf.publicKey));
    if (certified.n !== members.n || certified.e !== members.e) {
      throw new EduvConfigError('the first certificate in certificatePem does not belong to this key');
    }
  }
  if (input.keyId !== undefined) assertKeyId(input.keyId);
  const jwk: JWK = {
    kty: 'RSA',
    use: 'sig',
    alg: input.algorithm,
    kid: input.keyId ?? rsaJwkThumbprint(members),
    n: members.n,
    e: members.e,
  };
  if (leaf !== undefined) {
    // x5c holds standard base64 DER (RFC 7517 §4.7), not base64url and not PEM.
    jwk.x5c = certificates.map((certificate) => certificate.raw.toString('base64'));
    jwk['x5t#S256'] = createHash('sha256').update(leaf.raw).digest('base64url');
  }
  return jwk;
}

/** Builds the public JWKS to publish at the client's `jwks_uri`. Private key members never get through. */
export function publicJwks(keys: readonly PublicJwkInput[]): Jwks {
  const result = keys.map(publicJwk);
  const seen = new Set<string>();
  for (const jwk of result) {
    if (seen.has(jwk.kid ?? '')) throw new EduvConfigError(`duplicate kid "${jwk.kid}" in JWKS`);
    seen.add(jwk.kid ?? '');
  }
  return { keys: result };
}
