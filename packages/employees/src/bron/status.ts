import { EduvStatus } from '@eduvkit/core';

/**
 * Business status codes the Employees bron uses. Edu-V publishes 2001 and 2008; 2004 for an
 * unknown employee is eduvkit's choice: Edu-V publishes no code for it, and the gaps in the
 * published numbering (2001 school, 2003 study offering, 2008 school period; eduvkit already reads
 * 2002 as student and 2005 as subject offering) leave 2004 for an employee. See
 * docs/decisions/003-status-codes.md for that reading.
 */
export const EmployeesStatus = {
  SchoolUnknown: EduvStatus.SchoolUnknown,
  EmployeeUnknown: 2004,
  SchoolPeriodUnknown: EduvStatus.SchoolPeriodUnknown,
} as const;
