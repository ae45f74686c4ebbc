import type { ResolvedSchool, SchoolRecord } from '@eduvkit/core';
import type { OperationInput } from '@eduvkit/core/server';
import { describe, expectTypeOf, it } from 'vitest';
import { studentsApi } from '../src/generated/registry';

type Ops = (typeof studentsApi)['operations'];

describe('the generated registry types the school of a Students handler', () => {
  it('keeps where each operation takes its school as a literal', () => {
    expectTypeOf(studentsApi.operations.listStudentsForSchool.schoolSelection).toEqualTypeOf<'query'>();
    expectTypeOf(studentsApi.operations.findStudent.schoolSelection).toEqualTypeOf<'body'>();
  });

  it('gives both handlers of a bron with schools a non-optional school', () => {
    expectTypeOf<OperationInput<Ops['listStudentsForSchool'], SchoolRecord, true>['school']>().toEqualTypeOf<ResolvedSchool>();
    expectTypeOf<OperationInput<Ops['findStudent'], SchoolRecord, true>['school']>().toEqualTypeOf<ResolvedSchool>();
  });
});
