export * from './generated/models';
export * from './generated/schemas';
export { usageApi } from './generated/registry';
export type { UsageOperations } from './generated/operations';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
