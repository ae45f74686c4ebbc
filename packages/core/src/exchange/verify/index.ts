// A subpath of its own: the checks use node:assert, and `@eduvkit/core/exchange` stays free of Node-only imports.
export { verifyExchangeStore, EXCHANGE_STORE_RULES, type ExchangeStoreFactory, type VerifyExchangeStoreOptions } from '../verify-store';
