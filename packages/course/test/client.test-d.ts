import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createCourseClient, type Course, type CourseStructure } from '../src';
import { courseApi } from '../src/generated/registry';

const client = createApiClient(courseApi, { baseUrl: 'https://bron.example/course-api/v0' });

describe('Course call() is typed from its spec', () => {
  it('answers each operation with the type of its success response', () => {
    expectTypeOf(client.call('listCourses')).resolves.toEqualTypeOf<EduvResponse<Course[]>>();
    expectTypeOf(client.call('getCourse', { path: { id: 'c1' } })).resolves.toEqualTypeOf<EduvResponse<Course>>();
    expectTypeOf(client.call('getCourseStructure', { path: { id: 'c1' } })).resolves.toEqualTypeOf<EduvResponse<CourseStructure>>();
  });

  it('refuses a path parameter or query the spec does not have', () => {
    // @ts-expect-error: getCourseStructure needs the course id
    client.call('getCourseStructure');
    // @ts-expect-error: the path parameter is id
    client.call('getCourse', { path: { courseId: 'c1' } });
    // @ts-expect-error: Edu-V defines no paging for courses
    client.call('listCourses', { query: { start: 0 } });
  });

  it('refuses a wrong use of the response', async () => {
    const { data } = await client.call('getCourseStructure', { path: { id: 'c1' } });
    expectTypeOf(data.course.id).toEqualTypeOf<string>();
    // @ts-expect-error: an AU's objectives are ids (strings)
    const first: { id: string } | undefined = data.aus?.[0]?.objectives?.[0];
    void first;
    const facade = createCourseClient({ baseUrl: 'https://bron.example/course-api/v0' });
    expectTypeOf(facade.getCourse).returns.resolves.toEqualTypeOf<EduvResponse<Course>>();
  });
});
