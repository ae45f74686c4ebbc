import type { OperationDefinition } from './registry';
import { EduvStatus } from './status-codes';

export interface UnknownSchoolRefusal {
  readonly httpStatus: number;
  readonly eduvStatus: number;
  readonly message: string;
}

/**
 * How an operation refuses a school the bron does not know: the business code the spec lists for
 * the school selection (2001 School unknown on the administration APIs, docs/decisions/008), else
 * Edu-V's general 400 / 0023. Bron helpers and the conformance kit both read it here.
 */
export function unknownSchoolRefusal(operation: Pick<OperationDefinition, 'businessCodes'>): UnknownSchoolRefusal {
  const code = operation.businessCodes.find((entry) => entry.trigger.in === 'school');
  if (code) return { httpStatus: code.httpStatus, eduvStatus: code.status, message: code.message };
  return { httpStatus: 400, eduvStatus: EduvStatus.EduOrgIdUnknown, message: 'edu_org_id unknown' };
}
