import { describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import {
  readSchoolSelection,
  resolveSchool,
  schoolQuery,
  schoolReference,
  selectionFromSchoolReference,
  type SchoolRecord,
  type SchoolSelection,
} from '../src/school';

describe('schoolQuery', () => {
  it('passes orgMasterId alone', () => {
    expect(schoolQuery({ orgMasterId: '104A158' })).toEqual({ orgMasterId: '104A158' });
  });

  it('tolerates filterByOrgId false with orgMasterId and leaves it out', () => {
    expect(schoolQuery({ orgMasterId: '104A158', filterByOrgId: false })).toEqual({ orgMasterId: '104A158' });
  });

  it('passes orgId + orgIdType, with filterByOrgId only when given', () => {
    expect(schoolQuery({ orgId: '09QQ00', orgIdType: 'OIE_CODE' })).toEqual({ orgId: '09QQ00', orgIdType: 'OIE_CODE' });
    expect(schoolQuery({ orgId: '09QQ00', orgIdType: 'V_ID', filterByOrgId: false })).toEqual({
      orgId: '09QQ00',
      orgIdType: 'V_ID',
      filterByOrgId: false,
    });
  });

  it.each([
    [{ orgMasterId: '104A158', filterByOrgId: true }, 'filterByOrgId can only be used with orgId'],
    [{ orgMasterId: '104A158', orgId: '09QQ00', orgIdType: 'OIE_CODE' }, 'not both'],
    [{ orgMasterId: '' }, 'orgMasterId must be a non-empty string'],
    [{ orgId: ' ', orgIdType: 'OIE_CODE' }, 'orgId must be a non-empty string'],
    [{ orgId: '09QQ00', orgIdType: 'BRIN' }, 'orgIdType must be one of OIE_CODE, BP_ID, DD_ID, AS_ID, V_ID'],
    [{ orgId: '09QQ00' }, 'orgIdType must be one of'],
    [{}, 'give orgMasterId, or orgId + orgIdType'],
  ])('throws EduvConfigError for %j', (selection, message) => {
    expect(() => schoolQuery(selection as unknown as SchoolSelection)).toThrow(EduvConfigError);
    expect(() => schoolQuery(selection as unknown as SchoolSelection)).toThrow(message);
  });
});

describe('schoolReference', () => {
  it('builds the SchoolReference body forms', () => {
    expect(schoolReference({ orgMasterId: '104A158' })).toEqual({ organisationMasterIdentifier: '104A158' });
    expect(schoolReference({ orgId: '09QQ00', orgIdType: 'OIE_CODE', filterByOrgId: true })).toEqual({
      organisationIds: [{ organisationId: '09QQ00', organisationIdType: 'OIE_CODE' }],
    });
  });

  it('rejects invalid selections the same way', () => {
    expect(() => schoolReference({ orgMasterId: '' })).toThrow(EduvConfigError);
  });
});

describe('readSchoolSelection', () => {
  it('reads orgMasterId, tolerating filterByOrgId=false', () => {
    expect(readSchoolSelection({ orgMasterId: '104A158' })).toEqual({ ok: true, selection: { orgMasterId: '104A158' } });
    expect(readSchoolSelection({ orgMasterId: '104A158', filterByOrgId: 'false' })).toEqual({
      ok: true,
      selection: { orgMasterId: '104A158' },
    });
  });

  it('reads orgId + orgIdType and a string or boolean filterByOrgId', () => {
    expect(readSchoolSelection({ orgId: '09QQ00', orgIdType: 'OIE_CODE', filterByOrgId: 'true' })).toEqual({
      ok: true,
      selection: { orgId: '09QQ00', orgIdType: 'OIE_CODE', filterByOrgId: true },
    });
    expect(readSchoolSelection({ orgId: '09QQ00', orgIdType: 'BP_ID', filterByOrgId: false })).toEqual({
      ok: true,
      selection: { orgId: '09QQ00', orgIdType: 'BP_ID', filterByOrgId: false },
    });
  });

  it.each([
    [{ orgId: '09QQ00' }, 'orgIdType', 'Schema incorrect: orgIdType is required with orgId'],
    [{ orgIdType: 'OIE_CODE' }, 'orgId', 'Schema incorrect: orgId is required with orgIdType'],
    [{ orgMasterId: '104A158', filterByOrgId: 'true' }, 'filterByOrgId', 'Schema incorrect: filterByOrgId must be absent or false'],
    [{ filterByOrgId: true }, 'filterByOrgId', 'Schema incorrect: filterByOrgId requires orgId and orgIdType'],
    [{}, 'orgMasterId', 'Schema incorrect: orgMasterId or orgId + orgIdType is required'],
    [{ orgMasterId: '104A158', orgId: '09QQ00', orgIdType: 'OIE_CODE' }, 'orgMasterId', 'cannot be combined'],
    [{ orgId: '09QQ00', orgIdType: 'BRIN' }, 'orgIdType', 'Schema incorrect: orgIdType must be one of'],
    [{ orgId: '09QQ00', orgIdType: 'OIE_CODE', filterByOrgId: 'yes' }, 'filterByOrgId', 'must be true or false'],
    [{ orgMasterId: '' }, 'orgMasterId', 'must not be empty'],
    [{ orgId: ['a', 'b'], orgIdType: 'OIE_CODE' }, 'orgId', 'must be a single string'],
  ])('rejects %j naming %s', (query, field, message) => {
    const result = readSchoolSelection(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ httpStatus: 400, eduvStatus: 11, field });
      expect(result.error.statusMessage).toContain(message);
      expect(result.error.statusMessage).toContain(field);
    }
  });

  it('limits id types to the API subset', () => {
    const result = readSchoolSelection({ orgId: '09QQ00', orgIdType: 'V_ID' }, { idTypes: ['OIE_CODE', 'BP_ID', 'DD_ID', 'AS_ID'] });
    expect(result.ok).toBe(false);
  });
});

describe('selectionFromSchoolReference', () => {
  it('reads both forms', () => {
    expect(selectionFromSchoolReference({ organisationMasterIdentifier: '104A158' })).toEqual({
      ok: true,
      selection: { orgMasterId: '104A158' },
    });
    expect(
      selectionFromSchoolReference({
        organisationIds: [
          { organisationId: '09QQ00', organisationIdType: 'OIE_CODE' },
          { organisationId: 'x', organisationIdType: 'BP_ID' },
        ],
      }),
    ).toEqual({ ok: true, selection: { orgId: '09QQ00', orgIdType: 'OIE_CODE' } });
  });

  it.each([
    [undefined, 'school must be an object'],
    [{}, 'school requires organisationMasterIdentifier or organisationIds'],
    [{ organisationMasterIdentifier: '104A158', organisationIds: [] }, 'not both'],
    [{ organisationIds: [] }, 'school.organisationIds must be a non-empty array'],
    [{ organisationIds: [{ organisationIdType: 'OIE_CODE' }] }, 'school.organisationIds[0].organisationId must'],
    [{ organisationIds: [{ organisationId: '09QQ00', organisationIdType: 'X' }] }, 'organisationIdType must be one of'],
    [{ organisationMasterIdentifier: 7 }, 'school.organisationMasterIdentifier must be a non-empty string'],
  ])('rejects %j', (reference, message) => {
    const result = selectionFromSchoolReference(reference);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.eduvStatus).toBe(11);
      expect(result.error.statusMessage).toContain(message);
    }
  });
});

describe('resolveSchool', () => {
  const directory: SchoolRecord[] = [
    {
      orgMasterId: '104A158',
      name: 'Basisschool De Regenboog',
      sector: 'po',
      ids: [
        { id: '09QQ', type: 'OIE_CODE' },
        { id: '09QQ01', type: 'V_ID', unit: 'Regenboog Noord' },
        { id: '09QQ02', type: 'V_ID' },
      ],
    },
    {
      orgMasterId: '200B300',
      name: 'Het College',
      sector: 'vo',
      ids: [
        { id: '21XY', type: 'OIE_CODE' },
        { id: '21XY00', type: 'V_ID', unit: 'College Centrum' },
        { id: 'bp-77', type: 'BP_ID' },
      ],
    },
  ];

  it('finds a school by orgMasterId, never filtering', () => {
    const result = resolveSchool({ orgMasterId: '200B300' }, directory);
    expect(result).toMatchObject({ ok: true, filterByOrgId: false });
    expect(result.ok && result.school.name).toBe('Het College');
    expect(result.ok && result.unit).toBeUndefined();
  });

  it('defaults filterByOrgId to true for po and names the unit', () => {
    const result = resolveSchool({ orgId: '09QQ01', orgIdType: 'V_ID' }, directory);
    expect(result).toMatchObject({ ok: true, filterByOrgId: true, unit: 'Regenboog Noord' });
  });

  it('uses the V_ID itself as unit when the directory names none', () => {
    expect(resolveSchool({ orgId: '09QQ02', orgIdType: 'V_ID' }, directory)).toMatchObject({ unit: '09QQ02' });
  });

  it('defaults filterByOrgId to false for vo: no unit', () => {
    const result = resolveSchool({ orgId: '21XY00', orgIdType: 'V_ID' }, directory);
    expect(result).toMatchObject({ ok: true, filterByOrgId: false });
    expect(result.ok && 'unit' in result).toBe(false);
  });

  it('follows an explicit filterByOrgId', () => {
    expect(resolveSchool({ orgId: '21XY00', orgIdType: 'V_ID', filterByOrgId: true }, directory)).toMatchObject({
      filterByOrgId: true,
      unit: 'College Centrum',
    });
    const po = resolveSchool({ orgId: '09QQ01', orgIdType: 'V_ID', filterByOrgId: false }, directory);
    expect(po).toMatchObject({ ok: true, filterByOrgId: false });
    expect(po.ok && po.unit).toBeUndefined();
  });

  it('sets no unit for an id naming the whole school', () => {
    const result = resolveSchool({ orgId: '09QQ', orgIdType: 'OIE_CODE' }, directory);
    expect(result).toMatchObject({ ok: true, filterByOrgId: true });
    expect(result.ok && result.unit).toBeUndefined();
  });

  it.each<[SchoolSelection]>([[{ orgMasterId: '999Z999' }], [{ orgId: '09QQ', orgIdType: 'BP_ID' }], [{ orgId: 'unknown', orgIdType: 'OIE_CODE' }]])(
    'answers 400 / 0023 for an unknown school %j',
    (selection) => {
      expect(resolveSchool(selection, directory)).toEqual({
        ok: false,
        error: { httpStatus: 400, eduvStatus: 23, statusMessage: 'edu_org_id unknown' },
      });
    },
  );
});
