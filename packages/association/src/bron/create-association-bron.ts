import type { SchoolRecord } from '@eduvkit/core';
import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { associationApi } from '../generated/registry';
import type { AssociationDataSource } from './data-source';
import { AssociationStatus, associationRefusal } from '../generated/status';

export type AssociationBronOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'>;

/** A complete Association API bron over a data source: the mock server and the MSW handlers use this. */
export function createAssociationBron<S extends SchoolRecord>(source: AssociationDataSource<S>, options: AssociationBronOptions<S> = {}): Bron {
  return createBron<typeof associationApi, S>(
    associationApi,
    {
      listSchoolPeriodsForSchool: ({ school }) => source.listSchoolPeriods(school),
      getSchoolPeriod: async ({ school, path: { id } }) => {
        const period = await source.getSchoolPeriod(school, id);
        if (!period) throw associationRefusal('getSchoolPeriod', AssociationStatus.SchoolPeriodUnknown, `no school period ${id} at this school`);
        return period;
      },
      listEnrollmentsForSchool: ({ school, query: { enrollmentType, schoolPeriodId, studyOfferingId, subjectOfferingId } }) =>
        source.listEnrollments(school, { enrollmentType, schoolPeriodId, studyOfferingId, subjectOfferingId }),
      getEnrollment: async ({ school, path: { id } }) => {
        const enrollment = await source.getEnrollment(school, id);
        if (!enrollment) throw associationRefusal('getEnrollment', AssociationStatus.EnrollmentUnknown, `no enrollment ${id} at this school`);
        return enrollment;
      },
      findEnrollmentsForStudent: async ({ school, body, query: { enrollmentType, schoolPeriodId, studyOfferingId, subjectOfferingId } }) => {
        const found = await source.findEnrollmentsForStudent(school, body.student, { enrollmentType, schoolPeriodId, studyOfferingId, subjectOfferingId });
        if (!found) throw associationRefusal('findEnrollmentsForStudent', AssociationStatus.StudentUnknown, 'no student with that reference at this school');
        return found;
      },
      listAssignmentsForSchool: ({ school, query: { assignmentType, schoolPeriodId } }) => source.listAssignments(school, { assignmentType, schoolPeriodId }),
      getAssignment: async ({ school, path: { id } }) => {
        const assignment = await source.getAssignment(school, id);
        if (!assignment) throw associationRefusal('getAssignment', AssociationStatus.AssignmentUnknown, `no assignment ${id} at this school`);
        return assignment;
      },
      findAssignmentsForEmployee: async ({ school, body, query: { assignmentType, schoolPeriodId } }) => {
        const found = await source.findAssignmentsForEmployee(school, body.employee, { assignmentType, schoolPeriodId });
        if (!found) throw associationRefusal('findAssignmentsForEmployee', AssociationStatus.EmployeeUnknown, 'no employee with that reference at this school');
        return found;
      },
      listGroupsForSchool: ({ school, query: { groupType, schoolPeriodId, studyOfferingId, subjectOfferingId } }) =>
        source.listGroups(school, { groupType, schoolPeriodId, studyOfferingId, subjectOfferingId }),
      getGroup: async ({ school, path: { id } }) => {
        const group = await source.getGroup(school, id);
        if (!group) throw associationRefusal('getGroup', AssociationStatus.GroupUnknown, `no group ${id} at this school`);
        return group;
      },
    },
    { ...options, schools: source.schools },
  );
}
