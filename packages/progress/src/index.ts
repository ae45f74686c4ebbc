export * from './generated/models';
export * from './generated/schemas';
export { progressApi } from './generated/registry';
export type { components, operations, paths } from './generated/openapi-types';
export * from './client';
export * from './ontvanger/data-source';
export * from './ontvanger/create-progress-ontvanger';
export * from './ontvanger/in-memory-store';
export * from './ontvanger/sem-spellings';
