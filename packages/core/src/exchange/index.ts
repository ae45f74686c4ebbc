export * from './store';
export { createInMemoryExchangeStore } from './in-memory-store';
export { verifyExchangeStore, EXCHANGE_STORE_RULES, type ExchangeStoreFactory, type VerifyExchangeStoreOptions } from './verify-store';
