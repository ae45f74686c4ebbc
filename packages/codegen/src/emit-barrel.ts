import type { PackageFacts } from './package-facts';

export interface BarrelNames {
  readonly registry: string;
  readonly operationsType: string;
  readonly hasStatus: boolean;
}

/** `src/index.ts`: the generated modules, then the hand-written ones `x-eduvkit-package.modules` lists. */
export function emitBarrel(facts: PackageFacts, names: BarrelNames, header: string): string {
  const lines = [
    "export * from './generated/models';",
    "export * from './generated/schemas';",
    `export { ${names.registry} } from './generated/registry';`,
    `export type { ${names.operationsType} } from './generated/operations';`,
    "export type { components, operations, paths } from './generated/openapi-types';",
    "export * from './generated/client';",
    ...(names.hasStatus ? ["export * from './generated/status';"] : []),
    ...facts.modules.map(({ module, names: only }) => (only ? `export { ${only.join(', ')} } from './${module}';` : `export * from './${module}';`)),
  ];
  return `${header}${lines.join('\n')}\n`;
}
