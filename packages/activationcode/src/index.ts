export * from './generated/models';
export * from './generated/schemas';
export { activationcodeApi } from './generated/registry';
export type { ActivationcodeOperations } from './generated/operations';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
export * from './exchange/activationcode-verzender';
export * from './exchange/activationcode-ontvanger';
