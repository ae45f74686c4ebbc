import { bronOf, type Bron } from './bron';
import { BronError } from './bron-error';
import { pathOf } from './bron-request';
import { statusAnswer } from './responses';
import { createRouteMatcher } from './route-matcher';

/**
 * Wraps a bron so that the endpoints the other side of the exchange implements answer Edu-V's
 * `405 Method Not Allowed - <role> is provider of this endpoint` straight away: before the token
 * and the input are checked, because neither matters for an endpoint this party does not offer.
 * The Allow header names the methods this party does offer on that path, if any.
 */
export function refuseOtherRole(bron: Bron, operationIds: readonly string[], providingRole: string): Bron {
  const refused = new Set(operationIds);
  const match = createRouteMatcher(bron.registry, bron.basePath);
  const offered = Object.values(bron.registry.operations).filter((operation) => !refused.has(operation.operationId));
  return bronOf(bron.registry, bron.basePath, async (request) => {
    const found = match(request.method, pathOf(request.url));
    if (found.kind !== 'operation' || !refused.has(found.operation.operationId)) return bron.answer(request);
    const error = BronError.notProvider(providingRole);
    const allowed = offered.filter((operation) => operation.path === found.operation.path).map((operation) => operation.method);
    return statusAnswer(bron.registry.version, error.httpStatus, error.eduvStatus, error.statusMessage, { allow: allowed.join(', ') });
  });
}
