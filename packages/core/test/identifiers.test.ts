import { describe, expect, it } from 'vitest';
import {
  checkEckId,
  checkGuid,
  checkNeppi,
  checkNepri,
  checkOin,
  checkOnderwijsaanbiederId,
  checkSchoolPeriodId,
  checkStudyCode,
  eckIdSchema,
  isEckId,
  isGuid,
  isNeppi,
  isNepri,
  isOin,
  isOnderwijsaanbiederId,
  isSchoolPeriodId,
  isStudyCode,
  oinKind,
  schoolPeriodIdSchema,
  studyCodeSchema,
  studyCodeSector,
  type IdentifierCheck,
} from '../src/identifiers';

const HASH = '1a5c9c7203901866532c2d72ce056e1d29cacc70836fe2bc3a51'.padEnd(128, '0f');
const ECK_ID = `https://ketenid.nl/201703/${HASH}`;

function reasonOf(result: IdentifierCheck): string {
  if (result.ok) {
    throw new Error('expected a failure');
  }
  return result.reason;
}

describe('ECK iD', () => {
  it('accepts the prefix with 128 lowercase hex characters', () => {
    expect(HASH).toHaveLength(128);
    expect(checkEckId(ECK_ID)).toEqual({ ok: true });
    expect(isEckId(ECK_ID)).toBe(true);
    expect(eckIdSchema.safeParse(ECK_ID).success).toBe(true);
  });

  it.each([
    [`http://ketenid.nl/201703/${HASH}`, 'must start with https://ketenid.nl/201703/'],
    [`https://ketenid.nl/201704/${HASH}`, 'must start with'],
    [`${ECK_ID}0`, 'got 129'],
    [ECK_ID.slice(0, -1), 'got 127'],
    [ECK_ID.replace(/a/g, 'A'), 'lowercase hexadecimal'],
    [ECK_ID.slice(0, -1) + 'g', 'lowercase hexadecimal'],
    [42, 'must be a string'],
  ])('rejects %s', (value, reason) => {
    expect(reasonOf(checkEckId(value))).toContain(reason);
    expect(isEckId(value)).toBe(false);
  });

  it('reports the reason as zod issue', () => {
    const result = eckIdSchema.safeParse('https://ketenid.nl/201703/abc');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('got 3');
  });
});

describe('NEPRI and NEPPI', () => {
  it('accepts user@realm', () => {
    expect(isNepri('pietjepukkelen@petteflatcollege')).toBe(true);
    expect(isNeppi('95312@1.kennisnet.nl')).toBe(true);
  });

  it.each([
    ['pietjepukkelen', 'no @'],
    ['@realm', 'user) is empty'],
    ['user@', 'realm) is empty'],
    ['a@b@c', 'exactly one @'],
    ['piet jan@school', 'whitespace'],
  ])('NEPRI rejects %s', (value, reason) => {
    expect(reasonOf(checkNepri(value))).toContain(reason);
  });

  it('NEPPI needs a dot in the realm, NEPRI does not', () => {
    expect(isNepri('95312@petteflatcollege')).toBe(true);
    expect(reasonOf(checkNeppi('95312@petteflatcollege'))).toContain('containing a dot');
    expect(reasonOf(checkNeppi('95312'))).toContain('no @');
  });
});

describe('OIN / HRN', () => {
  it.each([
    ['00000001123456789000', 'RSIN'],
    ['00000003273249120000', 'KvK'],
    ['00000004003214345001', 'SubOIN'],
    ['00000006123456789012', 'Logius OIN'],
  ])('accepts %s (%s)', (value, kind) => {
    expect(checkOin(value)).toEqual({ ok: true });
    expect(isOin(value)).toBe(true);
    expect(oinKind(value)).toBe(kind);
  });

  it.each([
    ['0000000327324912000', 'must be 20 digits long, got 19'],
    ['000000032732491200000', 'got 21'],
    ['0000000327324912000A', 'found "A" at position 20'],
    ['00000002273249120000', 'prefix 00000002 is not a known OIN prefix'],
    ['00000003273249120001', 'must end in suffix 0000, got 0001'],
  ])('rejects %s', (value, reason) => {
    expect(reasonOf(checkOin(value))).toContain(reason);
    expect(oinKind(value)).toBeUndefined();
  });
});

describe('OnderwijsaanbiederId', () => {
  it('accepts the RIO-like form', () => {
    expect(isOnderwijsaanbiederId('104A158')).toBe(true);
  });

  it.each([['104a158'], ['09QQ00'], ['1044158'], ['104A1588'], [' 104A158']])('rejects %s', (value) => {
    expect(reasonOf(checkOnderwijsaanbiederId(value))).toContain('eduvkit assumption');
  });
});

describe('schoolPeriodId', () => {
  it.each([['2024-2025'], ['2025-2026'], ['012a85b1-e259-4a21-b7ce-fc2cf2019745']])('accepts %s', (value) => {
    expect(isSchoolPeriodId(value)).toBe(true);
    expect(schoolPeriodIdSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ['2024-2026', 'end year 2026 must be the begin year plus one (2025)'],
    ['2025-2024', 'end year 2024'],
    ['2024/2025', 'YYYY-YYYY'],
    ['24-25', 'YYYY-YYYY'],
    ['012a85b1-e259-4a21-b7ce', 'or a GUID'],
  ])('rejects %s', (value, reason) => {
    expect(reasonOf(checkSchoolPeriodId(value))).toContain(reason);
  });
});

describe('studyCode', () => {
  it('accepts VO and PO forms and tells them apart', () => {
    expect(isStudyCode('0011')).toBe(true);
    expect(isStudyCode('1000O0020')).toBe(true);
    expect(studyCodeSector('0011')).toBe('vo');
    expect(studyCodeSector('1000O0020')).toBe('po');
    expect(studyCodeSchema.safeParse('1000O0020').success).toBe(true);
  });

  it.each([['011'], ['00111'], ['10000O020'], ['1000o0020'], ['1000O00201']])('rejects %s', (value) => {
    expect(reasonOf(checkStudyCode(value))).toContain('4-digit erkende opleidingscode');
    expect(studyCodeSector(value)).toBeUndefined();
  });

  it('checks against a given sector', () => {
    expect(checkStudyCode('0011', 'vo')).toEqual({ ok: true });
    expect(reasonOf(checkStudyCode('0011', 'po'))).toContain('a po studyCode must be a 9-character RIO');
    expect(reasonOf(checkStudyCode('1000O0020', 'vo'))).toContain('a vo studyCode must be a 4-digit');
  });
});

describe('GUID object ids', () => {
  it.each([['012a85b1-e259-4a21-b7ce-fc2cf2019745'], ['86EA3207-3A56-4CED-B2CB-946DBE76F190']])('accepts %s', (value) => {
    expect(isGuid(value)).toBe(true);
  });

  it.each([['012a85b1e2594a21b7cefc2cf2019745'], ['{012a85b1-e259-4a21-b7ce-fc2cf2019745}'], ['012a85b1-e259-4a21-b7ce-fc2cf201974g']])(
    'rejects %s',
    (value) => {
      expect(reasonOf(checkGuid(value))).toContain('must be a GUID');
    },
  );
});
