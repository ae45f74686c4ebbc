import type { OperationDefinition, ApiRegistry } from '../registry';
import type { ResolvedSchool } from '../school';
import type { CallerContext } from './bron';
import { BronError } from './bron-error';

export interface ConsentQuery {
  readonly clientId: string;
  readonly orgMasterId: string;
  /** Edu-V API name as used by the Consent API, e.g. `students-api`. */
  readonly api: string;
  readonly scopes: ReadonlySet<string> | 'all';
}

export interface ConsentAuthorizerOptions {
  /** Is the exchange activated for this client, school and API? */
  readonly isActive: (query: ConsentQuery) => boolean | Promise<boolean>;
  /** APIs a school offers as open data: readable without activation (Edu-V allows it for Education). */
  readonly openDataApis?: readonly string[];
}

function refuseInactive(active: boolean, caller: CallerContext, school: ResolvedSchool, registry: ApiRegistry): void {
  if (!active) throw BronError.consentRequired(`school ${school.school.orgMasterId} has not activated ${registry.api} for client ${caller.clientId}`);
}

/**
 * The consent step of a bron's checks, for `BronOptions.authorize`: personal or school data only
 * flows once the school has activated the exchange for the calling client (403 / 0022). With a
 * synchronous `isActive` it answers (or throws its BronError) at once; with an asynchronous one it
 * returns a promise that rejects with it.
 */
export function consentAuthorizer(options: ConsentAuthorizerOptions) {
  const openData = new Set(options.openDataApis ?? []);
  return (caller: CallerContext, school: ResolvedSchool, _operation: OperationDefinition, registry: ApiRegistry): void | Promise<void> => {
    if (!registry.consentRequired || openData.has(registry.api)) return;
    if (!caller.clientId) throw BronError.consentRequired('the caller is not identified, so no activation can apply');
    const active = options.isActive({ clientId: caller.clientId, orgMasterId: school.school.orgMasterId, api: registry.api, scopes: caller.scopes });
    if (typeof active === 'boolean') return refuseInactive(active, caller, school, registry);
    return Promise.resolve(active).then((settled) => refuseInactive(settled, caller, school, registry));
  };
}
