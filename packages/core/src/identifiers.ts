import { z } from 'zod';

/** Result of an identifier check; `reason` says which part is wrong. */
export type IdentifierCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: IdentifierCheck = { ok: true };

function fail(reason: string): IdentifierCheck {
  return { ok: false, reason };
}

type Checker = (value: unknown) => IdentifierCheck;

function stringCheck(check: (value: string) => IdentifierCheck): Checker {
  return (value) => (typeof value === 'string' ? check(value) : fail(`must be a string, got ${typeof value}`));
}

function schemaFor(check: Checker): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    const result = check(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason });
    }
  });
}

// --- ECK iD ---------------------------------------------------------------------------------

const ECK_ID_PREFIX = 'https://ketenid.nl/201703/';

/** ECK iD: `https://ketenid.nl/201703/` followed by 128 lowercase hexadecimal characters. */
export const checkEckId: Checker = stringCheck((value) => {
  if (!value.startsWith(ECK_ID_PREFIX)) {
    return fail(`must start with ${ECK_ID_PREFIX}`);
  }
  const hash = value.slice(ECK_ID_PREFIX.length);
  if (hash.length !== 128) {
    return fail(`must have 128 hexadecimal characters after ${ECK_ID_PREFIX}, got ${hash.length}`);
  }
  if (!/^[0-9a-f]+$/.test(hash)) {
    return fail('the part after the prefix must be lowercase hexadecimal (0-9, a-f)');
  }
  return OK;
});

// --- NEPRI / NEPPI --------------------------------------------------------------------------

function checkUserAtRealm(value: string): IdentifierCheck {
  const at = value.indexOf('@');
  if (at < 0) {
    return fail('must have the form user@realm (no @ found)');
  }
  if (value.indexOf('@', at + 1) >= 0) {
    return fail('must contain exactly one @');
  }
  if (/\s/.test(value)) {
    return fail('must not contain whitespace');
  }
  if (at === 0) {
    return fail('the part before @ (user) is empty');
  }
  if (at === value.length - 1) {
    return fail('the part after @ (realm) is empty');
  }
  return OK;
}

/** NEPRI (nlEduPersonRealId): `user@realm`. */
export const checkNepri: Checker = stringCheck(checkUserAtRealm);

/** NEPPI (nlEduPersonProfileId): `leerlingnummer@administratienummer.schooldomein.nl`; the realm has a dot. */
export const checkNeppi: Checker = stringCheck((value) => {
  const basic = checkUserAtRealm(value);
  if (!basic.ok) {
    return basic;
  }
  const realm = value.slice(value.indexOf('@') + 1);
  if (!realm.includes('.')) {
    return fail(`the realm "${realm}" must be a domain name containing a dot`);
  }
  return OK;
});

// --- OIN / HRN ------------------------------------------------------------------------------

export const OIN_PREFIXES = {
  '00000001': 'RSIN',
  '00000003': 'KvK',
  '00000004': 'SubOIN',
  '00000006': 'Logius OIN',
} as const;

export type OinKind = (typeof OIN_PREFIXES)[keyof typeof OIN_PREFIXES];

function isOinPrefix(prefix: string): prefix is keyof typeof OIN_PREFIXES {
  return Object.hasOwn(OIN_PREFIXES, prefix);
}

/**
 * OIN or HRN (Logius OIN-stelsel): 20 digits = 8-digit prefix + main number + suffix. A KvK-based
 * HRN is `00000003` + 8-digit KvK number + `0000`.
 */
export const checkOin: Checker = stringCheck((value) => {
  const nonDigit = value.search(/\D/);
  if (nonDigit >= 0) {
    return fail(`must contain digits only, found "${value[nonDigit]}" at position ${nonDigit + 1}`);
  }
  if (value.length !== 20) {
    return fail(`must be 20 digits long, got ${value.length}`);
  }
  const prefix = value.slice(0, 8);
  if (!isOinPrefix(prefix)) {
    const known = Object.entries(OIN_PREFIXES)
      .map(([code, kind]) => `${code} (${kind})`)
      .join(', ');
    return fail(`prefix ${prefix} is not a known OIN prefix; expected one of ${known}`);
  }
  if (prefix === '00000003' && !value.endsWith('0000')) {
    return fail(`a KvK-based number (prefix 00000003) must end in suffix 0000, got ${value.slice(16)}`);
  }
  return OK;
});

/** Which register an OIN/HRN derives from; undefined when it is not a valid OIN. */
export function oinKind(value: unknown): OinKind | undefined {
  if (typeof value !== 'string' || !checkOin(value).ok) {
    return undefined;
  }
  const prefix = value.slice(0, 8);
  return isOinPrefix(prefix) ? OIN_PREFIXES[prefix] : undefined;
}

// --- OnderwijsaanbiederId -------------------------------------------------------------------

/**
 * OnderwijsaanbiederId (RIO), the school's primary id. Edu-V publishes no format; accepting the
 * RIO-like `^\d{3}[A-Z]\d{3}$` (e.g. `104A158`) is an eduvkit assumption.
 */
export const checkOnderwijsaanbiederId: Checker = stringCheck((value) =>
  /^\d{3}[A-Z]\d{3}$/.test(value) ? OK : fail('must be 3 digits, an uppercase letter and 3 digits, e.g. 104A158 (eduvkit assumption)'),
);

// --- GUID -----------------------------------------------------------------------------------

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GUID/UUID in 8-4-4-4-12 hex form. Version and variant bits are not checked: Edu-V only says "GUID". */
export const checkGuid: Checker = stringCheck((value) => (GUID.test(value) ? OK : fail('must be a GUID such as 012a85b1-e259-4a21-b7ce-fc2cf2019745')));

// --- EAN-13 / ISBN-13 ----------------------------------------------------------------------

/** The GS1 check digit of the first 12 digits of an EAN-13 (an ISBN-13 is an EAN-13 starting 978 or 979). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new TypeError('ean13CheckDigit needs exactly 12 digits');
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += Number(first12[index]) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * EAN-13 with a valid check digit. Edu-V product ids are EAN-13/ISBN-13 for products for sale but may
 * be other strings (a uuid) otherwise, so specs do not enforce this; fixtures and tests use it.
 */
export const checkEan13: Checker = stringCheck((value) => {
  if (!/^\d{13}$/.test(value)) return fail('must be 13 digits');
  const expected = ean13CheckDigit(value.slice(0, 12));
  return Number(value[12]) === expected ? OK : fail(`check digit must be ${expected}, got ${value[12]}`);
});

/** An ISBN-13: an EAN-13 in the Bookland range (978 or 979). */
export const checkIsbn13: Checker = stringCheck((value) => {
  if (!/^97[89]/.test(value)) return fail('must start with 978 or 979');
  return checkEan13(value);
});

// --- schoolPeriodId -------------------------------------------------------------------------

/** A whole school year `YYYY-YYYY` (end = begin + 1), or a GUID for any other period. */
export const checkSchoolPeriodId: Checker = stringCheck((value) => {
  const schoolYear = /^(\d{4})-(\d{4})$/.exec(value);
  if (schoolYear) {
    const begin = Number(schoolYear[1]);
    const end = Number(schoolYear[2]);
    return end === begin + 1 ? OK : fail(`end year ${end} must be the begin year plus one (${begin + 1})`);
  }
  if (GUID.test(value)) {
    return OK;
  }
  return fail('must be a school year YYYY-YYYY (e.g. 2024-2025) or a GUID');
});

// --- studyCode ------------------------------------------------------------------------------

export type Sector = 'po' | 'vo';

const VO_STUDY_CODE = /^\d{4}$/;
const PO_STUDY_CODE = /^\d{4}O\d{4}$/;

/** The sector a study code belongs to by its form; undefined when it has neither form. */
export function studyCodeSector(value: unknown): Sector | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (VO_STUDY_CODE.test(value)) {
    return 'vo';
  }
  return PO_STUDY_CODE.test(value) ? 'po' : undefined;
}

const STUDY_CODE_FORMS: Record<Sector, string> = {
  vo: 'a 4-digit erkende opleidingscode (e.g. 0011)',
  po: 'a 9-character RIO opleidingseenheidcode, 4 digits + O + 4 digits (e.g. 1000O0020)',
};

/**
 * studyCode: VO a 4-digit erkende opleidingscode (`0011`), PO a 9-character RIO code
 * (`1000O0020`). Pass `sector` to accept only that sector's form.
 */
export function checkStudyCode(value: unknown, sector?: Sector): IdentifierCheck {
  if (typeof value !== 'string') {
    return fail(`must be a string, got ${typeof value}`);
  }
  const actual = studyCodeSector(value);
  if (sector !== undefined) {
    return actual === sector ? OK : fail(`a ${sector} studyCode must be ${STUDY_CODE_FORMS[sector]}`);
  }
  return actual === undefined ? fail(`must be ${STUDY_CODE_FORMS.vo} or ${STUDY_CODE_FORMS.po}`) : OK;
}

// --- boolean helpers and zod schemas --------------------------------------------------------

export const isEckId = (value: unknown): value is string => checkEckId(value).ok;
export const isNepri = (value: unknown): value is string => checkNepri(value).ok;
export const isNeppi = (value: unknown): value is string => checkNeppi(value).ok;
export const isOin = (value: unknown): value is string => checkOin(value).ok;
export const isOnderwijsaanbiederId = (value: unknown): value is string => checkOnderwijsaanbiederId(value).ok;
export const isGuid = (value: unknown): value is string => checkGuid(value).ok;
export const isSchoolPeriodId = (value: unknown): value is string => checkSchoolPeriodId(value).ok;
export const isStudyCode = (value: unknown, sector?: Sector): value is string => checkStudyCode(value, sector).ok;

export const eckIdSchema = schemaFor(checkEckId);
export const nepriSchema = schemaFor(checkNepri);
export const neppiSchema = schemaFor(checkNeppi);
export const oinSchema = schemaFor(checkOin);
export const onderwijsaanbiederIdSchema = schemaFor(checkOnderwijsaanbiederId);
export const guidSchema = schemaFor(checkGuid);
export const ean13Schema = schemaFor(checkEan13);
export const schoolPeriodIdSchema = schemaFor(checkSchoolPeriodId);
export const studyCodeSchema = schemaFor((value) => checkStudyCode(value));
