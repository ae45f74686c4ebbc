export * from './generated/models';
export * from './generated/schemas';
export { employeesApi } from './generated/registry';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
export * from './bron/data-source';
export * from './bron/create-employees-bron';
export * from './bron/in-memory-source';
export * from './generated/status';
