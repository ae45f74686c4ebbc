import { associationApi } from '@eduvkit/association';
import { educationApi } from '@eduvkit/education';
import { employeesApi } from '@eduvkit/employees';
import { studentsApi } from '@eduvkit/students';
import { describe, expect, it } from 'vitest';
import { businessCode, kvtBaseCode, listCases, missingBodyFieldCode } from '../src/index';

describe('case ids follow the testlab grammar (qualification.md §2)', () => {
  it('derives the base code from method and path', () => {
    expect(kvtBaseCode({ method: 'GET', path: '/students/school' })).toBe('KVTGETSTUDENTSSCHOOL');
    expect(kvtBaseCode({ method: 'GET', path: '/enrollments/school/{id}' })).toBe('KVTGETENROLLMENTSSCHOOLID');
    expect(kvtBaseCode({ method: 'POST', path: '/assignments/school/employee' })).toBe('KVTPOSTASSIGNMENTSSCHOOLEMPLOYEE');
    expect(kvtBaseCode({ method: 'GET', path: '/organisations' })).toBe('KVTGETORGANISATIONS');
  });

  it('adds the negative suffixes', () => {
    expect(missingBodyFieldCode('KVTPOSTSTUDENTS', 'school')).toBe('KVTPOSTSTUDENTSMISSINGREQUIREDBODYFIELDSCHOOL');
    expect(businessCode('KVTGETEMPLOYEESSCHOOL', 2008)).toBe('KVTGETEMPLOYEESSCHOOLBUSINESS2008');
  });

  it('the generated suites hold every testlab case found for these APIs, by the same code', () => {
    const ids = new Set([studentsApi, employeesApi, educationApi, associationApi].flatMap((registry) => listCases(registry, 'bron').map((entry) => entry.id)));
    const found = [
      'KVTGETSTUDENTSSCHOOL',
      'KVTPOSTSTUDENTS',
      'KVTPOSTSTUDENTSMISSINGREQUIREDBODYFIELDSCHOOL',
      'KVTGETEMPLOYEESSCHOOL',
      'KVTPOSTEMPLOYEES',
      'KVTGETORGANISATIONS',
      'KVTGETSTUDYOFFERINGSSCHOOL',
      'KVTGETSTUDYOFFERINGSSCHOOLID',
      'KVTGETSUBJECTOFFERINGSSCHOOL',
      'KVTGETGROUPSSCHOOL',
      'KVTGETSCHOOLPERIODSSCHOOLID',
      'KVTGETASSIGNMENTSSCHOOLID',
      'KVTGETENROLLMENTSSCHOOLID',
      'KVTPOSTASSIGNMENTSSCHOOLEMPLOYEEMISSINGREQUIREDBODYFIELDEMPLOYEE',
      'KVTPOSTENROLLMENTSSCHOOLSTUDENT',
      'KVTPOSTASSIGNMENTSSCHOOLEMPLOYEE',
      'KVTGETEMPLOYEESSCHOOLBUSINESS2008',
      'KVTGETENROLLMENTSSCHOOLIDBUSINESS2001',
      'KVTPOSTENROLLMENTSSCHOOLSTUDENTBUSINESS2003',
    ];
    expect(found.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every case id is unique within a suite', () => {
    for (const registry of [studentsApi, employeesApi, educationApi, associationApi]) {
      const ids = listCases(registry, 'bron').map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
