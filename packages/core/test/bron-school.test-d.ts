import { describe, expectTypeOf, it } from 'vitest';
import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '../src/school';
import { createBron, type BronHandlers, type OperationInput } from '../src/server';
import type { OtherHandlers } from '../src/exchange';
import { schoolApi, schoolDirectory } from './support/school-api';

type Ops = (typeof schoolApi)['operations'];
type School = (typeof schoolDirectory)[number];

describe('a handler input has the school its operation selects', () => {
  it('gives a bron with schools a non-optional school for query and body operations', () => {
    expectTypeOf<OperationInput<Ops['listThingsForSchool'], School, true>['school']>().toEqualTypeOf<ResolvedSchool<School>>();
    expectTypeOf<OperationInput<Ops['findThing'], School, true>['school']>().toEqualTypeOf<ResolvedSchool<School>>();
    expectTypeOf<OperationInput<Ops['listThingsForSchool'], School, true>['selection']>().toEqualTypeOf<SchoolSelection>();
    createBron(
      schoolApi,
      {
        listThingsForSchool: ({ school }) => {
          expectTypeOf(school).toEqualTypeOf<ResolvedSchool<School>>();
          return [{ id: school.school.orgMasterId }];
        },
        findThing: ({ school, body }) => {
          expectTypeOf(school).toEqualTypeOf<ResolvedSchool<School>>();
          return { id: body.id, school: school.school.name };
        },
        getThing: ({ school, selection, path }) => {
          expectTypeOf(school).toEqualTypeOf<undefined>();
          expectTypeOf(selection).toEqualTypeOf<undefined>();
          return { id: path.id };
        },
      },
      { schools: schoolDirectory, dangerouslyAcceptAnyToken: true },
    );
  });

  it('gives an operation that selects no school `school: undefined`', () => {
    expectTypeOf<OperationInput<Ops['getThing'], School, true>['school']>().toEqualTypeOf<undefined>();
    expectTypeOf<OperationInput<Ops['getThing'], School, true>['selection']>().toEqualTypeOf<undefined>();
  });

  it('resolves no school in a bron without schools, nor in an exchange bron: the selection only', () => {
    createBron(
      schoolApi,
      {
        listThingsForSchool: ({ school, selection }) => {
          expectTypeOf(school).toEqualTypeOf<undefined>();
          expectTypeOf(selection).toEqualTypeOf<SchoolSelection>();
          return [];
        },
        findThing: ({ body }) => ({ id: body.id }),
        getThing: ({ path }) => ({ id: path.id }),
      },
      { dangerouslyAcceptAnyToken: true },
    );
    createBron(
      schoolApi,
      {
        // @ts-expect-error: without `schools` the school is undefined
        listThingsForSchool: ({ school }) => [{ id: school.school.orgMasterId }],
        findThing: ({ body }) => ({ id: body.id }),
        getThing: ({ path }) => ({ id: path.id }),
      },
      { dangerouslyAcceptAnyToken: true },
    );
    type Other = NonNullable<OtherHandlers<typeof schoolApi>['listThingsForSchool']>;
    expectTypeOf<Parameters<Other>[0]['school']>().toEqualTypeOf<undefined>();
    expectTypeOf<Parameters<Other>[0]['selection']>().toEqualTypeOf<SchoolSelection>();
  });

  it('leaves the school possibly undefined where the operation or the bron is not known', () => {
    expectTypeOf<OperationInput['school']>().toEqualTypeOf<ResolvedSchool<SchoolRecord> | undefined>();
    expectTypeOf<OperationInput['selection']>().toEqualTypeOf<SchoolSelection | undefined>();
    expectTypeOf<Parameters<BronHandlers<typeof schoolApi>['listThingsForSchool']>[0]['school']>().toEqualTypeOf<ResolvedSchool<SchoolRecord> | undefined>();
  });
});
