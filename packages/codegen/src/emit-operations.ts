import type { JsonObject } from './bundle';
import { listOperations, successStatus } from './spec-model';

/**
 * `operations.ts`: per operationId the request and success-response types, read from
 * openapi-typescript's `paths` by `OperationTypesOf`. The registry carries them, so `call()` is typed
 * without a type argument.
 */
export function emitOperationsModule(doc: JsonObject, typeName: string, header: string): string {
  const entries = listOperations(doc).map(({ method, path, operation }) => {
    const type = `OperationTypesOf<paths[${JSON.stringify(path)}][${JSON.stringify(method)}], ${successStatus(operation)}>`;
    return `  /** \`${method.toUpperCase()} ${path}\` */\n  ${operation.operationId}: ${type};`;
  });
  return `${header}import type { OperationTypesOf } from '@eduvkit/core';
import type { paths } from './openapi-types';

/** Request (\`query\`, \`path\`, \`body\`) and success-response types of every operation, by operationId. */
export interface ${typeName} {
${entries.join('\n')}
}
`;
}
