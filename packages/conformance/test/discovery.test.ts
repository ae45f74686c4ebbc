import { courseApi } from '@eduvkit/course';
import { educationApi } from '@eduvkit/education';
import { describe, expect, it } from 'vitest';
import { scopesWithout } from '../src/cases/refusals';
import { listOperationFor } from '../src/data/discovery';

describe('listOperationFor: where a by-id case finds a real id', () => {
  it('takes the list one path segment up, also for a sub-resource of the object', () => {
    expect(listOperationFor(courseApi, courseApi.operations.getCourse)?.operationId).toBe('listCourses');
    expect(listOperationFor(courseApi, courseApi.operations.getCourseStructure)?.operationId).toBe('listCourses');
    expect(listOperationFor(educationApi, educationApi.operations.getStudyOffering)?.operationId).toBe('listStudyOfferingsForSchool');
  });

  it('has none for a list itself', () => {
    expect(listOperationFor(courseApi, courseApi.operations.listCourses)).toBeUndefined();
  });
});

describe('scopesWithout: the scopes a no-scope case tries first', () => {
  it("never offers the operation's own scope, and tries the scopes of APIs sharing a calling role before the rest", () => {
    const scopes = scopesWithout(courseApi.operations.getCourse, courseApi);
    expect(scopes).not.toContain('eduv.course');
    // The Leermiddelendashboard and the Onderwijsleeromgeving call Education and Course; no Course caller calls Students.
    expect(scopes.indexOf('eduv.education')).toBeLessThan(8);
    expect(scopes.indexOf('eduv.education')).toBeLessThan(scopes.indexOf('eduv.student.basic'));
  });
});
