import type { ApiRegistry, OperationDefinition } from '../registry';
import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '../school';
import type { BronOptions, CallerContext } from './bron';
import { schoolResolver } from './bron';
import { BronError } from './bron-error';

/**
 * For handlers that read a school outside createBron's own check (a GET source served beside an
 * exchange): the school resolved in `schools` and authorized for the caller, as createBron does
 * (unknown → unknownSchoolRefusal, not activated → what `authorize` throws).
 */
export function schoolAccess<S extends SchoolRecord>(
  registry: ApiRegistry,
  schools: NonNullable<BronOptions<S>['schools']>,
  authorize: BronOptions<S>['authorize'],
) {
  const find = schoolResolver(schools)!;
  return async (selection: SchoolSelection | undefined, caller: CallerContext, operation: OperationDefinition): Promise<ResolvedSchool<S>> => {
    const school = selection && find(selection);
    if (!school) throw BronError.unknownSchool(operation);
    await authorize?.(caller, school, operation, registry);
    return school;
  };
}
