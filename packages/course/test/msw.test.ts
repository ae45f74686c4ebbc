import { EduvApiError, staticToken } from '@eduvkit/core';
import { createProducts } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assignableUnits, createCourseClient, textOf, unknownObjectiveIds } from '../src/index';
import { createCourseRecords } from '../src/fixtures/index';
import { DEFAULT_COURSE_BASE_URL, courseHandlers, courseOverride } from '../src/msw/index';

// A learning environment's test: it reads course structures from "the course catalogue", MSW answers.
const server = setupServer(...courseHandlers({ seed: 6 }));
const records = createCourseRecords({ seed: 6 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = createCourseClient({ baseUrl: DEFAULT_COURSE_BASE_URL, tokenProvider: staticToken('test-token'), validation: 'strict' });

describe('Course MSW handlers', () => {
  it('list one course per digital course of the shared product range', async () => {
    const { data, apiVersion } = await client.listCourses();
    expect(apiVersion).toBe('0.0.34');
    const courseIds = new Set(createProducts({ seed: 6 }).flatMap((product) => (product.courseId ? [product.courseId] : [])));
    expect(new Set(data.map((course) => course.courseId))).toEqual(courseIds);
  });

  it('answer a course and its cmi5 structure, whose AUs launch over HTTPS and serve objectives that exist', async () => {
    const { course } = records[3]!;
    expect((await client.getCourse(course.courseId)).data).toEqual(course);
    const { data: structure } = await client.getCourseStructure(course.courseId);
    expect(structure.course.id).toBe(course.courseId);
    expect(textOf(structure.course.title)).toBe(course.title);
    const units = assignableUnits(structure);
    expect(units.length).toBeGreaterThan(8);
    for (const unit of units) expect(unit.url).toMatch(/^https:\/\//);
    expect(unknownObjectiveIds(structure)).toEqual([]);
  });

  it('answer an unknown course id with 404 / 2021 on both by-id endpoints', async () => {
    for (const call of [() => client.getCourse('nope'), () => client.getCourseStructure('nope')]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EduvApiError);
      expect(error).toMatchObject({ httpStatus: 404, eduvStatusCode: '2021' });
    }
  });

  it('accept a bron that writes a TextType as one object, as the testlab renders it', async () => {
    const structure = { course: { id: 'c', title: { lang: 'nl-NL', langstring: 'Titel' }, description: [{ lang: 'nl-NL', langstring: 'Tekst' }] } };
    server.use(courseOverride('getCourseStructure', { status: 200, body: structure }));
    const { data } = await client.getCourseStructure('c');
    expect(textOf(data.course.title)).toBe('Titel');
  });
});
