import { EduvStatus } from '@eduvkit/core';

/**
 * Business status codes the Association bron uses. Edu-V publishes 2001, 2003 and 2008; the
 * others follow the numbering the published codes suggest and are eduvkit's choice (see
 * docs/decisions/003-status-codes.md and docs/apis/association.md): 2002 student and 2005 subject
 * offering as in the Students API, 2004 employee, 2006 group, 2007 enrollment and assignment.
 */
export const AssociationStatus = {
  SchoolUnknown: EduvStatus.SchoolUnknown,
  StudentUnknown: 2002,
  StudyOfferingUnknown: EduvStatus.StudyOfferingUnknown,
  EmployeeUnknown: 2004,
  SubjectOfferingUnknown: 2005,
  GroupUnknown: 2006,
  EnrollmentUnknown: 2007,
  AssignmentUnknown: 2007,
  SchoolPeriodUnknown: EduvStatus.SchoolPeriodUnknown,
} as const;
