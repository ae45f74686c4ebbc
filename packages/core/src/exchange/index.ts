export * from './store';
export { createInMemoryExchangeStore } from './in-memory-store';
