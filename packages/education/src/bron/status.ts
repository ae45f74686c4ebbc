import { EduvStatus } from '@eduvkit/core';

/**
 * Business status codes the Education bron uses. Edu-V publishes 2003 (StudyOffering unknown) and
 * 2008 (SchoolPeriod unknown); 2005 for an unknown subject offering follows the numbering the
 * published codes suggest and is eduvkit's choice (see docs/decisions/003-status-codes.md).
 */
export const EducationStatus = {
  StudyOfferingUnknown: EduvStatus.StudyOfferingUnknown,
  SubjectOfferingUnknown: 2005,
  SchoolPeriodUnknown: EduvStatus.SchoolPeriodUnknown,
} as const;
