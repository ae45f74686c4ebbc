import { resolveSchool, type ApiRegistry, type OperationDefinition, type ResolvedSchool, type SchoolRecord, type SchoolSelection } from '@eduvkit/core';
import { BronError, type BronOptions, type CallerContext } from '@eduvkit/core/server';

/** The school a GET names, resolved in the source's schools and authorized for the caller (400 / 0023, 403 / 0022). */
export function schoolAccess<S extends SchoolRecord>(registry: ApiRegistry, schools: NonNullable<BronOptions<S>['schools']>, authorize: BronOptions<S>['authorize']) {
  const find =
    typeof schools === 'function'
      ? schools
      : (selection: SchoolSelection): ResolvedSchool<S> | undefined => {
          const result = resolveSchool(selection, schools);
          return result.ok ? result : undefined;
        };
  return async (selection: SchoolSelection | undefined, caller: CallerContext, operation: OperationDefinition): Promise<ResolvedSchool<S>> => {
    const school = selection && find(selection);
    if (!school) throw BronError.unknownSchool(operation);
    await authorize?.(caller, school, operation, registry);
    return school;
  };
}
