export { EduvAuthError, isEduvAuthError, type EduvAuthErrorInit, type EduvAuthErrorKind } from './errors';
export {
  DEFAULT_RSA_MODULUS_BITS,
  generateClientKeys,
  keyIdOf,
  loadPrivateKey,
  MIN_RSA_MODULUS_BITS,
  publicJwks,
  rsaJwkThumbprint,
  SIGNING_ALGORITHMS,
  type ClientKeys,
  type GenerateClientKeysOptions,
  type Jwks,
  type PrivateKeyInput,
  type PublicJwkInput,
  type PublicKeyInput,
  type SigningAlgorithm,
} from './keys';
export {
  CLIENT_ASSERTION_TYPE,
  createClientAssertion,
  DEFAULT_ASSERTION_LIFETIME_SECONDS,
  MAX_ASSERTION_LIFETIME_SECONDS,
  type ClientAssertionOptions,
} from './assertion';
export {
  clearDiscoveryCache,
  DEFAULT_DISCOVERY_TTL_SECONDS,
  discover,
  discoveryUrl,
  type AuthorizationServerMetadata,
  type DiscoverOptions,
} from './discovery';
export { createMtlsFetch, type MtlsFetch, type MtlsOptions } from './mtls';
export { createClientCredentialsTokenProvider, type ClientCredentialsOptions, type ClientCredentialsTokenProvider } from './token-provider';
export { DEFAULT_TOKEN_LIFETIME_SECONDS } from './token-response';
export type { FetchLike } from './http';
