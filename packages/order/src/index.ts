export * from './generated/models';
export * from './generated/schemas';
export { orderApi } from './generated/registry';
export type { OrderOperations } from './generated/operations';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
export * from './exchange/order-verzender';
export * from './exchange/order-ontvanger';
