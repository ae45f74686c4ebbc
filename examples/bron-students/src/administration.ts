import type { SchoolRecord } from '@eduvkit/core';
import type { Student } from '@eduvkit/students';

/** Stand-in for the supplier's own student administration: two schools, a handful of pupils. */
export const schools: SchoolRecord[] = [
  {
    orgMasterId: '123A456',
    name: 'OBS De Linde',
    sector: 'po',
    ids: [
      { id: '12AB', type: 'OIE_CODE' },
      { id: '12AB00', type: 'V_ID', unit: 'Hoofdlocatie' },
    ],
  },
  { orgMasterId: '234B567', name: 'Stedelijk Lyceum', sector: 'vo', ids: [{ id: '23CD', type: 'OIE_CODE' }] },
];

interface Pupil {
  school: string;
  unit?: string;
  eckId: string;
  leerlingnummer: string;
  roepnaam: string;
  voornamen: string;
  tussenvoegsel?: string;
  achternaam: string;
  geboortedatum: string;
  klas: string;
}

const eck = (seed: string): string => `https://ketenid.nl/201703/${seed.repeat(128 / seed.length)}`;

const pupils: Pupil[] = [
  {
    school: '123A456',
    unit: 'Hoofdlocatie',
    eckId: eck('a1'),
    leerlingnummer: '1001',
    roepnaam: 'Fenna',
    voornamen: 'Fenna',
    achternaam: 'Bakker',
    geboortedatum: '2016-03-14',
    klas: 'groep 5',
  },
  {
    school: '123A456',
    unit: 'Hoofdlocatie',
    eckId: eck('b2'),
    leerlingnummer: '1002',
    roepnaam: 'Sem',
    voornamen: 'Semuel',
    tussenvoegsel: 'van der',
    achternaam: 'Meer',
    geboortedatum: '2015-11-02',
    klas: 'groep 6',
  },
  {
    school: '234B567',
    eckId: eck('c3'),
    leerlingnummer: '2001',
    roepnaam: 'Yara',
    voornamen: 'Yara',
    achternaam: 'El Amrani',
    geboortedatum: '2011-06-30',
    klas: 'havo 2',
  },
];

/** The mapping a bron writes once: its own record → the Edu-V Student. */
function toStudent(pupil: Pupil, schoolDomain: string): Student {
  return {
    userMasterIdentifier: pupil.eckId,
    userIds: [{ userId: `${pupil.leerlingnummer}@1.${schoolDomain}`, userIdType: 'NEPPI' }],
    givenName: pupil.voornamen,
    ...(pupil.roepnaam !== pupil.voornamen ? { preferredFirstName: pupil.roepnaam } : {}),
    ...(pupil.tussenvoegsel ? { familyNamePrefix: pupil.tussenvoegsel } : {}),
    familyName: pupil.achternaam,
    dateOfBirth: pupil.geboortedatum,
  };
}

export function studentsOf(orgMasterId: string, unit: string | undefined): Student[] {
  return pupils
    .filter((pupil) => pupil.school === orgMasterId && (unit === undefined || pupil.unit === unit))
    .map((pupil) => toStudent(pupil, 'school.example.nl'));
}
