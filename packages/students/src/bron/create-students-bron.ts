import type { SchoolRecord } from '@eduvkit/core';
import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { studentsApi } from '../generated/registry';
import type { StudentsDataSource } from './data-source';
import { StudentsStatus, studentsRefusal } from '../generated/status';

export type StudentsBronOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'>;

/** A complete Students API bron over a data source: the mock server and the MSW handlers use this. */
export function createStudentsBron<S extends SchoolRecord>(source: StudentsDataSource<S>, options: StudentsBronOptions<S> = {}): Bron {
  return createBron<typeof studentsApi, S>(
    studentsApi,
    {
      listStudentsForSchool: ({ school, query: { schoolPeriodId, studyOfferingId, subjectOfferingId } }) =>
        source.listStudents(school, { schoolPeriodId, studyOfferingId, subjectOfferingId }),
      findStudent: async ({ school, body }) => {
        const student = await source.findStudent(school, body.student);
        if (!student) throw studentsRefusal('findStudent', StudentsStatus.StudentUnknown, 'no student with that reference at this school');
        return student;
      },
    },
    { ...options, schools: source.schools },
  );
}
