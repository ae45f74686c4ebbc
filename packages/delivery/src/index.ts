export * from './generated/models';
export * from './generated/schemas';
export { deliveryApi } from './generated/registry';
export type { DeliveryOperations } from './generated/operations';
export type { components, operations, paths } from './generated/openapi-types';
