import { courseApi } from '@eduvkit/course';
import { educationApi } from '@eduvkit/education';
import { describe, expect, it } from 'vitest';
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
