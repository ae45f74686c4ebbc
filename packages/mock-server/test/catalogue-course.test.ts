import { checkEan13 } from '@eduvkit/core';
import { unknownObjectiveIds, type CourseStructure } from '@eduvkit/course';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

// Issue 10's "done when", over HTTP against the mock as `npm start` runs it (OAuth, demo clients).
let server: MockServer;
let token: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  token = await demoToken(server.authorizationServer.tokenEndpoint, 'demo-onderwijsleeromgeving');
});
afterAll(() => server.close());

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<unknown>;
};

describe('Catalogue and Course on the mock', () => {
  it('pages through /catalogue-api/v2/products with start and limit, every product exactly once, every id a valid EAN-13', async () => {
    const ids: string[] = [];
    for (let start = 0; ; start += 37) {
      const page = (await get(`/catalogue-api/v2/products?start=${start}&limit=37`)) as { productId: string }[];
      ids.push(...page.map((product) => product.productId));
      if (page.length < 37) break;
    }
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(server.world.products.map((product) => product.productId)));
    for (const id of ids) expect(checkEan13(id), id).toEqual({ ok: true });
  });

  it("serves a cmi5 structure for every course the products name, whose AUs' objectives exist", async () => {
    const courses = (await get('/course-api/v0/courses')) as { courseId: string }[];
    const named = new Set(server.world.products.flatMap((product) => product.productDescriptionIds?.map((reference) => reference.courseId) ?? []));
    expect(new Set(courses.map((course) => course.courseId))).toEqual(named);
    for (const { courseId } of courses) {
      const structure = (await get(`/course-api/v0/courses/${courseId}/cmi5e`)) as CourseStructure;
      expect(structure.course.id).toBe(courseId);
      expect(unknownObjectiveIds(structure), courseId).toEqual([]);
    }
  });

  it('needs no consent: a client no school activated reads both', async () => {
    expect(
      server.consent.list({ clientId: 'demo-onderwijsleeromgeving' }).filter((record) => record.api === 'catalogue-api' || record.api === 'course-api'),
    ).toEqual([]);
  });
});
