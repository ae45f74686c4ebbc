import { EduvStatus } from '@eduvkit/core';

/**
 * Business status codes the Students bron uses. Edu-V publishes 2001, 2003 and 2008; 2002 and 2005
 * follow the numbering the published codes suggest and are eduvkit's choice (see
 * docs/decisions/003-status-codes.md).
 */
export const StudentsStatus = {
  SchoolUnknown: EduvStatus.SchoolUnknown,
  StudentUnknown: 2002,
  StudyOfferingUnknown: EduvStatus.StudyOfferingUnknown,
  SubjectOfferingUnknown: 2005,
  SchoolPeriodUnknown: EduvStatus.SchoolPeriodUnknown,
} as const;
