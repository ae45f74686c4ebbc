import { describe, expect, it } from 'vitest';
import { EduvStatus, STATUS_CODES, formatStatusCode, parseStatusCode, statusCodeDefinition, statusFailure } from '../src/status-codes';

describe('status code table', () => {
  it.each([
    [EduvStatus.Ok, '0000', 200, 'OK'],
    [EduvStatus.Created, '0001', 201, 'Created'],
    [EduvStatus.Accepted, '0002', 202, 'Accepted'],
    [EduvStatus.SchemaIncorrect, '0011', 400, 'Schema incorrect'],
    [EduvStatus.SchemaVersionNotSupported, '0012', 400, 'schemaVersion not supported'],
    [EduvStatus.ScopeRequired, '0021', 401, 'scope required'],
    [EduvStatus.ConsentRequired, '0022', 403, 'consent required'],
    [EduvStatus.EduOrgIdUnknown, '0023', 400, 'edu_org_id unknown'],
    [EduvStatus.ProviderReferenceIdUnknown, '1001', 400, 'providerReferenceId unknown'],
    [EduvStatus.ConsumerReferenceIdAlreadyUsed, '1004', 400, 'consumerReferenceId already used'],
    [EduvStatus.SchoolUnknown, '2001', 400, 'School unknown'],
    [EduvStatus.StudyOfferingUnknown, '2003', 400, 'StudyOffering unknown'],
    [EduvStatus.SchoolPeriodUnknown, '2008', 400, 'SchoolPeriod unknown'],
  ])('code %i is %s / HTTP %i / %s', (code, display, httpStatus, message) => {
    expect(statusCodeDefinition(code)).toMatchObject({ code, display, httpStatus, message });
  });

  it('marks HTTP statuses Edu-V does not publish as assumed', () => {
    expect(statusCodeDefinition(EduvStatus.ScopeRequired)?.httpStatusAssumed).toBe(false);
    expect(statusCodeDefinition(EduvStatus.SchoolUnknown)?.httpStatusAssumed).toBe(true);
    expect(statusCodeDefinition(EduvStatus.ProviderReferenceIdAlreadyUsed)?.httpStatusAssumed).toBe(true);
  });

  it('has one entry per named constant', () => {
    expect(STATUS_CODES.map((entry) => entry.code).sort((a, b) => a - b)).toEqual(Object.values(EduvStatus).sort((a, b) => a - b));
  });

  it('knows nothing about unpublished codes', () => {
    expect(statusCodeDefinition(2002)).toBeUndefined();
  });
});

describe('formatStatusCode', () => {
  it('zero-pads to four digits', () => {
    expect(formatStatusCode(11)).toBe('0011');
    expect(formatStatusCode(0)).toBe('0000');
    expect(formatStatusCode(2008)).toBe('2008');
  });

  it.each([-1, 10000, 1.5, Number.NaN])('rejects %s', (value) => {
    expect(() => formatStatusCode(value)).toThrow(RangeError);
  });
});

describe('parseStatusCode', () => {
  it.each([
    [11, 11],
    ['0011', 11],
    ['11', 11],
    [' 0021 ', 21],
    ['2001', 2001],
    [0, 0],
  ])('reads %j as %i', (input, expected) => {
    expect(parseStatusCode(input)).toBe(expected);
  });

  it.each([['abc'], ['00011'], [''], [-3], [1.5], [null], [undefined], [{ status: 11 }], ['1e2']])('gives undefined for %j', (input) => {
    expect(parseStatusCode(input)).toBeUndefined();
  });
});

describe('statusFailure', () => {
  it('fills HTTP status and message from the table and appends the detail', () => {
    expect(statusFailure(EduvStatus.SchemaIncorrect, 'orgId is required with orgIdType')).toEqual({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: 'Schema incorrect: orgId is required with orgIdType',
    });
    expect(statusFailure(EduvStatus.ConsentRequired)).toEqual({
      httpStatus: 403,
      eduvStatus: 22,
      statusMessage: 'consent required',
    });
  });
});
