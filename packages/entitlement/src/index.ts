export * from './generated/models';
export * from './generated/schemas';
export { entitlementApi } from './generated/registry';
export type { EntitlementOperations } from './generated/operations';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
