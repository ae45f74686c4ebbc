import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import {
  BOY_NAMES,
  DUTCH_CITIES,
  FAMILY_NAMES,
  FIXTURE_CURRENT_SCHOOL_YEAR,
  FIXTURE_REFERENCE_INSTANT,
  FORMAL_GIVEN_NAMES,
  GIRL_NAMES,
  NEUTRAL_NAMES,
  STREET_NAMES,
  createRandom,
  createSchools,
  epochDay,
  fakeBrin,
  fakeDutchPostalCode,
  fakeEckId,
  fakeNepri,
  fakeNeppi,
  fakeOnderwijsaanbiederId,
  fakeVestigingId,
  isoDate,
  isoDateTime,
  parseIsoDate,
  poStudyCode,
  slugify,
  splitFamilyName,
  voStudyCode,
  type FixtureSchool,
} from '../src/fixtures/index';
import { isEckId, isGuid, isNeppi, isNepri, isOnderwijsaanbiederId, isSchoolPeriodId, isStudyCode } from '../src/identifiers';
import type { SchoolRecord } from '../src/school';

const ECK_ID = /^https:\/\/ketenid\.nl\/201703\/[0-9a-f]{128}$/;
const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BRIN4 = /^\d{2}[A-Z]{2}$/;
const BRIN6 = /^\d{2}[A-Z]{2}\d{2}$/;
const ONDERWIJSAANBIEDER_ID = /^\d{3}[A-Z]\d{3}$/;
const POSTAL_CODE = /^[1-9]\d{3} [A-Z]{2}$/;
const PO_STUDY_CODE = /^\d{4}O\d{4}$/;
const VO_STUDY_CODE = /^\d{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const seeds = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

function draws(seed: number, n = 8): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.uint32());
}

describe('createRandom', () => {
  it('gives the same stream for the same seed', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(draws(seed)).toEqual(draws(seed));
      }),
    );
  });

  it('gives different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        fc.pre(a !== b);
        expect(draws(a)).not.toEqual(draws(b));
      }),
    );
    expect(draws(1)).not.toEqual(draws(1.5));
  });

  it('is pinned: these values must not change between machines or releases', () => {
    // If this fails, every fixture in every consumer's snapshot changes. Only update it on purpose.
    const random = createRandom(42);
    expect([random.uint32(), random.uint32(), random.next(), random.int(1, 6), random.guid(), random.hex(12), random.fork('a').uint32()]).toEqual([
      1825915958,
      3045626268,
      0.9394823629409075,
      2,
      '39142285-9363-46f1-9581-96b61648326f',
      '84b7f1ef1b43',
      1681347915,
    ]);
    const schools = JSON.stringify(createSchools({ seed: 1 }));
    expect(createHash('sha256').update(schools).digest('hex')).toBe('b06b33044aa5543adbe797585c4763362aa60ae6e29f6f28482aa637c7ec125f');
  });

  it('rejects seeds that are not finite numbers', () => {
    expect(() => createRandom(Number.NaN)).toThrow(EduvConfigError);
    expect(() => createRandom(Number.NaN)).toThrow('seed must be a finite number, got NaN');
    expect(() => createRandom(Number.POSITIVE_INFINITY)).toThrow(EduvConfigError);
    expect(() => createRandom(Number.POSITIVE_INFINITY)).toThrow('seed must be a finite number, got Infinity');
    expect(() => createSchools({ seed: Number.NaN })).toThrow(EduvConfigError);
    expect(() => createSchools({ seed: Number.NaN })).toThrow('seed must be a finite number, got NaN');
  });

  it('next() is in [0, 1) and int(min, max) is inclusive and in range', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const random = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random.next();
          expect(x >= 0 && x < 1).toBe(true);
          const n = random.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
        }
      }),
    );
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const wide = random.int(0, 2 ** 40);
    expect(Number.isInteger(wide) && wide >= 0 && wide <= 2 ** 40).toBe(true);
    expect(() => random.int(2, 1)).toThrow(RangeError);
    expect(() => random.int(0.5, 1)).toThrow(RangeError);
  });

  it('pick, weighted, chance, shuffle and sample behave', () => {
    const random = createRandom(7);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(items).toContain(random.pick(items));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(
      random.weighted([
        ['x', 0],
        ['y', 1],
      ]),
    ).toBe('y');
    expect(() => random.weighted([['x', 0]])).toThrow(RangeError);
    expect(random.chance(0)).toBe(false);
    expect(random.chance(1)).toBe(true);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    const sample = random.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(sample.every((item) => items.includes(item))).toBe(true);
    expect(() => random.sample(items, 6)).toThrow(RangeError);
  });

  it('hex(length) and guid() have the right shape', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 300 }), (seed, length) => {
        const random = createRandom(seed);
        expect(random.hex(length)).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
        expect(random.guid()).toMatch(GUID_V4);
      }),
    );
    expect(createRandom(1).hex(10_000)).toMatch(/^[0-9a-f]{10000}$/);
  });

  it('fork(label) depends on the seed and label only, not on earlier draws', () => {
    fc.assert(
      fc.property(seeds, fc.string(), fc.integer({ min: 0, max: 20 }), (seed, label, skip) => {
        const fresh = createRandom(seed).fork(label);
        const used = createRandom(seed);
        for (let i = 0; i < skip; i++) used.next();
        const forked = used.fork(label);
        expect([forked.uint32(), forked.uint32()]).toEqual([fresh.uint32(), fresh.uint32()]);
      }),
    );
  });

  it('fork streams are independent of their parent and of each other', () => {
    const parent = createRandom(9);
    const reference = createRandom(9);
    const child = parent.fork('school:po:0');
    for (let i = 0; i < 100; i++) child.next();
    expect(parent.uint32()).toBe(reference.uint32());
    const a = createRandom(9).fork('a');
    const b = createRandom(9).fork('b');
    expect(Array.from({ length: 4 }, () => a.uint32())).not.toEqual(Array.from({ length: 4 }, () => b.uint32()));
    // Nesting is not the same as concatenating labels.
    expect(createRandom(9).fork('ab').uint32()).not.toBe(createRandom(9).fork('a').fork('b').uint32());
    expect(createRandom(9).fork('a').uint32()).not.toBe(createRandom(10).fork('a').uint32());
  });
});

describe('fixture dates', () => {
  it('agree with the JavaScript Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: 0, max: 86_399 }), (day, second) => {
        const ms = day * 86_400_000 + second * 1000;
        expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(isoDateTime(day * 86_400 + second)).toBe(new Date(ms).toISOString().replace('.000Z', 'Z'));
        expect(parseIsoDate(isoDate(day))).toBe(day);
      }),
    );
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(isoDateTime(epochDay(2025, 9, 1) * 86_400)).toBe(FIXTURE_REFERENCE_INSTANT);
    // Years past 9999 and fractions of a second keep the plain way of writing them.
    expect(isoDateTime(epochDay(10_000, 1, 1) * 86_400 + 3_661)).toBe('10000-01-01T01:01:01Z');
    expect(isoDateTime(epochDay(2025, 9, 1) * 86_400 + 0.5)).toBe('2025-09-01T00:00:0.5Z');
  });
});

describe('Dutch word lists', () => {
  it('are large enough and contain the names people expect', () => {
    const given = [...GIRL_NAMES, ...BOY_NAMES, ...NEUTRAL_NAMES, ...FORMAL_GIVEN_NAMES.map((entry) => entry.name)];
    expect(given.length).toBeGreaterThanOrEqual(80);
    for (const name of ['Noah', 'Emma', 'Mohammed', 'Sem', 'Julia', 'Daan', 'Fenna', 'Yara', 'Liam', 'Saar']) {
      expect(given).toContain(name);
    }
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(100);
    for (const name of ['de Jong', 'van den Berg', 'van der Meer', 'de Vries', 'Bakker', 'Yılmaz', 'El Amrani', 'Nguyen', "van 't Hof"]) {
      expect(FAMILY_NAMES).toContain(name);
    }
    expect(new Set(FAMILY_NAMES).size).toBe(FAMILY_NAMES.length);
    expect(STREET_NAMES.length).toBeGreaterThanOrEqual(40);
    expect(DUTCH_CITIES.length).toBeGreaterThanOrEqual(30);
    for (const city of DUTCH_CITIES) {
      expect(city.postalCodeFrom).toBeGreaterThanOrEqual(1000);
      expect(city.postalCodeTo).toBeLessThanOrEqual(9999);
      expect(city.postalCodeFrom).toBeLessThanOrEqual(city.postalCodeTo);
    }
  });

  it('split a family name into tussenvoegsel and name like Dutch administrations', () => {
    expect(splitFamilyName('van der Meer')).toEqual({ familyNamePrefix: 'van der', familyName: 'Meer' });
    expect(splitFamilyName('de Jong')).toEqual({ familyNamePrefix: 'de', familyName: 'Jong' });
    expect(splitFamilyName("van 't Hof")).toEqual({ familyNamePrefix: "van 't", familyName: 'Hof' });
    expect(splitFamilyName("in 't Veld")).toEqual({ familyNamePrefix: "in 't", familyName: 'Veld' });
    expect(splitFamilyName('Bakker')).toEqual({ familyName: 'Bakker' });
    expect(splitFamilyName('El Amrani')).toEqual({ familyName: 'El Amrani' });
    expect(splitFamilyName('van')).toEqual({ familyName: 'van' });
    for (const full of FAMILY_NAMES) {
      const { familyNamePrefix, familyName } = splitFamilyName(full);
      expect(familyNamePrefix === undefined ? familyName : `${familyNamePrefix} ${familyName}`).toBe(full);
      expect(familyName.charAt(0)).toBe(familyName.charAt(0).toUpperCase());
    }
  });

  it('slugify to ASCII for domains and account names', () => {
    expect(slugify('Het Mozaïek')).toBe('hetmozaiek');
    expect(slugify('Yılmaz')).toBe('yilmaz');
    expect(slugify("van 't Hof")).toBe('vanthof');
    expect(slugify('Çelik-Şahin')).toBe('celiksahin');
  });
});

describe('fake identifiers', () => {
  it('have the formats of conventions §7', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const random = createRandom(seed);
        expect(fakeEckId(random)).toMatch(ECK_ID);
        const brin = fakeBrin(random);
        expect(brin).toMatch(BRIN4);
        expect(fakeVestigingId(brin, 0)).toBe(`${brin}00`);
        expect(fakeVestigingId(brin, 7)).toMatch(BRIN6);
        expect(fakeOnderwijsaanbiederId(random)).toMatch(ONDERWIJSAANBIEDER_ID);
        const city = random.pick(DUTCH_CITIES);
        const postalCode = fakeDutchPostalCode(random, city.name);
        expect(postalCode).toMatch(POSTAL_CODE);
        const digits = Number(postalCode.slice(0, 4));
        expect(digits >= city.postalCodeFrom && digits <= city.postalCodeTo).toBe(true);
        expect(['SA', 'SD', 'SS']).not.toContain(postalCode.slice(5));
        expect(fakeDutchPostalCode(random)).toMatch(POSTAL_CODE);
      }),
    );
    expect(fakeNepri('pietjepukkelen', 'petteflatcollege')).toBe('pietjepukkelen@petteflatcollege');
    expect(fakeNeppi(95312, 'deregenboog.nl')).toBe('95312@1.deregenboog.nl');
    expect(fakeNeppi('95312', 'deregenboog.nl', 2)).toBe('95312@2.deregenboog.nl');
    expect(() => fakeVestigingId('09Q', 0)).toThrow(RangeError);
    expect(() => fakeVestigingId('09QQ', 100)).toThrow(RangeError);
  });

  it('pass the SDK’s own identifier checks', () => {
    const random = createRandom(11);
    for (let i = 0; i < 50; i++) {
      expect(isEckId(fakeEckId(random))).toBe(true);
      expect(isOnderwijsaanbiederId(fakeOnderwijsaanbiederId(random))).toBe(true);
      expect(isGuid(random.guid())).toBe(true);
    }
    expect(isNepri(fakeNepri('l123456', 'deregenboog'))).toBe(true);
    expect(isNeppi(fakeNeppi(123456, 'deregenboog.nl'))).toBe(true);
  });
});

function allIds(school: FixtureSchool): string[] {
  return school.ids.map((id) => `${id.type}:${id.id}`);
}

describe('createSchools', () => {
  it('makes 2 po and 1 vo school by default, or the numbers asked for', () => {
    expect(createSchools({ seed: 1 }).map((school) => school.sector)).toEqual(['po', 'po', 'vo']);
    expect(createSchools({ seed: 1, po: 1, vo: 3 }).map((school) => school.sector)).toEqual(['po', 'vo', 'vo', 'vo']);
    expect(createSchools({ seed: 1, po: 0, vo: 0 })).toEqual([]);
    expect(() => createSchools({ seed: 1, po: -1 })).toThrow(EduvConfigError);
    expect(() => createSchools({ seed: 1, po: -1 })).toThrow('createSchools(): po must be a non-negative integer, got -1');
    expect(() => createSchools({ seed: 1, vo: 1.5 })).toThrow(EduvConfigError);
    expect(() => createSchools({ seed: 1, vo: 1.5 })).toThrow('createSchools(): vo must be a non-negative integer, got 1.5');
  });

  it('is deterministic: same seed, byte-identical output; different seed, different schools', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(JSON.stringify(createSchools({ seed }))).toBe(JSON.stringify(createSchools({ seed })));
      }),
      { numRuns: 30 },
    );
    expect(createSchools({ seed: 1 })).not.toEqual(createSchools({ seed: 2 }));
  });

  it('keeps existing schools when more are asked for', () => {
    const small = createSchools({ seed: 5, po: 2, vo: 1 });
    const large = createSchools({ seed: 5, po: 4, vo: 3 });
    expect(large.slice(0, 2)).toEqual(small.slice(0, 2));
    expect(large[4]).toEqual(small[2]);
    expect(createSchools({ seed: 5, po: 2, vo: 5 }).slice(0, 2)).toEqual(small.slice(0, 2));
  });

  it('is assignable to the SchoolRecord the SDK resolves schools against', () => {
    const records: readonly SchoolRecord[] = createSchools({ seed: 1 });
    expect(records.length).toBe(3);
  });

  it('gives every school well-formed, unique ids and locations', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (seed, po, vo) => {
        const schools = createSchools({ seed, po, vo });
        expect(schools.length).toBe(po + vo);
        for (const key of ['orgMasterId', 'brin', 'name', 'domain'] as const) {
          expect(new Set(schools.map((school) => school[key])).size).toBe(schools.length);
        }
        const ids = schools.flatMap(allIds);
        expect(new Set(ids).size).toBe(ids.length);
        for (const school of schools) {
          expect(school.orgMasterId).toMatch(ONDERWIJSAANBIEDER_ID);
          expect(school.domain).toMatch(/^[a-z0-9-]+\.nl$/);
          expect(school.brin).toMatch(BRIN4);
          const byType = (type: string) => school.ids.filter((id) => id.type === type);
          expect(byType('OIE_CODE')).toEqual([{ id: school.brin, type: 'OIE_CODE' }]);
          expect(byType('BP_ID')).toHaveLength(1);
          expect(byType('AS_ID')).toHaveLength(1);
          expect(byType('AS_ID')[0]!.id).toMatch(GUID_V4);
          expect(byType('DD_ID')).toHaveLength(school.sector === 'vo' ? 1 : 0);
          if (school.sector === 'vo') {
            expect(school.locations).toHaveLength(2);
          } else {
            expect([1, 2]).toContain(school.locations.length);
          }
          expect(byType('V_ID')).toEqual(school.locations.map((location) => ({ id: location.vestigingId, type: 'V_ID', unit: location.name })));
          expect(new Set(school.locations.map((location) => location.name)).size).toBe(school.locations.length);
          school.locations.forEach((location, index) => {
            expect(location.vestigingId).toBe(fakeVestigingId(school.brin, index));
            expect(location.postalCode).toMatch(POSTAL_CODE);
            expect(location.city).toBe(school.city);
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives every school a catalogue in the formats of conventions §7', () => {
    for (const school of createSchools({ seed: 77, po: 3, vo: 2 })) {
      const { periods, studyOfferings, subjectOfferings, currentSchoolYear } = school.catalogue;
      expect(currentSchoolYear).toBe(FIXTURE_CURRENT_SCHOOL_YEAR);

      const years = periods.filter((period) => period.type === 'schoolYear');
      expect(years.map(({ id, beginDate, endDate }) => ({ id, beginDate, endDate }))).toEqual([
        { id: '2024-2025', beginDate: '2024-08-01', endDate: '2025-08-01' },
        { id: '2025-2026', beginDate: '2025-08-01', endDate: '2026-08-01' },
      ]);
      const parts = periods.filter((period) => period.type !== 'schoolYear');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts[0]!.beginDate).toBe('2025-08-01');
      expect(parts.at(-1)!.endDate).toBe('2026-08-01');
      parts.forEach((part, index) => {
        expect(part.id).toMatch(GUID_V4);
        expect(part.superSchoolPeriod).toBe('2025-2026');
        expect(part.beginDate < part.endDate).toBe(true);
        if (index > 0) expect(part.beginDate).toBe(parts[index - 1]!.endDate);
      });
      for (const period of periods) {
        expect(isSchoolPeriodId(period.id)).toBe(true);
        expect(period.beginDate).toMatch(DATE);
        expect(period.endDate).toMatch(DATE);
      }

      const offeringIds = new Set(studyOfferings.map((offering) => offering.id));
      expect(offeringIds.size).toBe(studyOfferings.length);
      for (const offering of studyOfferings) {
        expect(offering.id).toMatch(GUID_V4);
        expect(offering.studyCode).toMatch(school.sector === 'po' ? PO_STUDY_CODE : VO_STUDY_CODE);
        expect(isStudyCode(offering.studyCode, school.sector)).toBe(true);
      }
      if (school.sector === 'po') {
        expect(studyOfferings.map((offering) => offering.name)).toEqual([
          'Groep 1',
          'Groep 2',
          'Groep 3',
          'Groep 4',
          'Groep 5',
          'Groep 6',
          'Groep 7',
          'Groep 8',
        ]);
        expect(studyOfferings[1]!.studyCode).toBe('1000O0020');
        expect(subjectOfferings).toEqual([]);
      } else {
        expect(new Set(studyOfferings.map((offering) => offering.track))).toEqual(new Set(['vwo', 'havo', 'vmbo-t']));
        expect(studyOfferings.find((offering) => offering.name === 'vwo 1')!.studyCode).toBe('0011');
        expect(new Set(studyOfferings.map((offering) => offering.studyCode)).size).toBe(studyOfferings.length);
        expect(subjectOfferings.length).toBeGreaterThan(studyOfferings.length);
        expect(new Set(subjectOfferings.map((subject) => subject.id)).size).toBe(subjectOfferings.length);
        for (const subject of subjectOfferings) {
          expect(subject.id).toMatch(GUID_V4);
          expect(offeringIds.has(subject.studyOfferingId)).toBe(true);
        }
        for (const offering of studyOfferings) {
          const names = subjectOfferings.filter((subject) => subject.studyOfferingId === offering.id).map((subject) => subject.subjectName);
          expect(names).toEqual(expect.arrayContaining(['Nederlands', 'Engels']));
        }
      }
    }
  });

  it('codes study years consistently', () => {
    expect(poStudyCode(1)).toBe('1000O0010');
    expect(poStudyCode(8)).toBe('1000O0080');
    expect(voStudyCode('vwo', 6)).toBe('0016');
    expect(voStudyCode('havo', 4)).toBe('0024');
    expect(voStudyCode('vmbo-t', 2)).toBe('0032');
    expect(() => voStudyCode('havo', 6)).toThrow(RangeError);
  });
});

describe('fixture reference time', () => {
  it('gives the reference instant in seconds and the school year it starts', async () => {
    const {
      FIXTURE_REFERENCE_SECONDS,
      FIXTURE_REFERENCE_INSTANT,
      FIXTURE_CURRENT_SCHOOL_YEAR,
      FIXTURE_CURRENT_SCHOOL_YEAR_BEGIN,
      isoDateTime,
      FAMILY_NAME_ENTRIES,
    } = await import('../src/fixtures/index');
    expect(isoDateTime(FIXTURE_REFERENCE_SECONDS)).toBe(FIXTURE_REFERENCE_INSTANT);
    expect(FIXTURE_CURRENT_SCHOOL_YEAR.startsWith(String(FIXTURE_CURRENT_SCHOOL_YEAR_BEGIN))).toBe(true);
    expect(FAMILY_NAME_ENTRIES).toContainEqual({ familyNamePrefix: 'van der', familyName: 'Meer', slug: 'vandermeer' });
  });
});
