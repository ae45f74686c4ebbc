import { describe, expect, it } from 'vitest';
import { unknownSchoolRefusal, type BusinessCode } from '../src/index';
import { BronError } from '../src/server/index';

const school2001: BusinessCode = {
  status: 2001,
  httpStatus: 400,
  message: 'School unknown',
  trigger: { in: 'school', name: 'orgMasterId' },
  assumed: 'no HTTP status',
};
const period2008: BusinessCode = { status: 2008, httpStatus: 400, message: 'SchoolPeriod unknown', trigger: { in: 'query', name: 'schoolPeriodId' } };

describe('unknownSchoolRefusal', () => {
  it('is the business code whose trigger is the school selection', () => {
    expect(unknownSchoolRefusal({ businessCodes: [period2008, school2001] })).toEqual({ httpStatus: 400, eduvStatus: 2001, message: 'School unknown' });
  });

  it('is 400 / 0023 edu_org_id unknown when the operation lists no school code', () => {
    expect(unknownSchoolRefusal({ businessCodes: [period2008] })).toEqual({ httpStatus: 400, eduvStatus: 23, message: 'edu_org_id unknown' });
  });

  it('is what BronError.unknownSchool answers, with the detail after the message', () => {
    const refusal = BronError.unknownSchool({ businessCodes: [school2001] }, 'no school 999Z999');
    expect(refusal).toMatchObject({ httpStatus: 400, eduvStatus: 2001, statusMessage: 'School unknown: no school 999Z999' });
    expect(BronError.unknownSchool({ businessCodes: [] })).toMatchObject({
      httpStatus: 400,
      eduvStatus: 23,
      statusMessage: expect.stringMatching(/^edu_org_id unknown: /),
    });
  });
});
