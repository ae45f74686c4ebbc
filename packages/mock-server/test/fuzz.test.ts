import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 3, auth: 'any-bearer', consent: 'all' });
});
afterAll(() => server.close());

const paths = fc.oneof(
  fc.constantFrom(
    '/students-api/v1/students/school',
    '/students-api/v1/students',
    '/students-api/v1/',
    '/',
    '/students-api/v2/students',
    '/employees-api/v1/employees/school',
    '/employees-api/v1/employees',
    '/education-api/v1/organisations',
    '/education-api/v1/studyofferings/school/x',
    '/association-api/v1/groups/school',
    '/association-api/v1/enrollments/school/student',
    '/consent-api/v0/consent/statuses/school',
    '/consent-api/v0/consent/requests',
    '/notifications-api/v0/notifications',
    '/notifications-api/v0/subscribe/students-api',
  ),
  fc.webPath(),
  fc.string().map((text) => `/students-api/v1/${encodeURIComponent(text)}`),
  // A path parameter that is not valid percent-encoding, in a bron's and in the admin routes.
  fc
    .tuple(
      fc.constantFrom('/association-api/v1/groups/school/', '/students-api/v1/students/school/', '/_admin/schools/', '/_admin/clients/'),
      fc.constantFrom('%', '%E0%A4%A', '%zz', '%C3'),
      fc.constantFrom('', '/callback', '/students', '/students/x'),
    )
    .map((parts) => parts.join('')),
);
const queryValue = fc.oneof(fc.string(), fc.constantFrom('OIE_CODE', 'V_ID', 'true', 'false', '', '2025-2026', '104A158'));
const queries = fc.dictionary(
  fc.constantFrom(
    'orgMasterId',
    'orgId',
    'orgIdType',
    'filterByOrgId',
    'schoolPeriodId',
    'studyOfferingId',
    'subjectOfferingId',
    'boardId',
    'boardIdType',
    'since',
    'api',
    'groupType',
    'x',
  ),
  fc.oneof(queryValue, fc.array(queryValue, { maxLength: 3 })),
);
const bodies = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.json(),
  fc.record({ school: fc.anything(), student: fc.anything() }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
);

describe('mock server under malformed input', () => {
  it('never answers 5xx on any API, and every error is a StatusResponse with API-Version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        paths,
        queries,
        bodies,
        fc.constantFrom(undefined, 'Bearer x', 'Basic abc', '', 'Bearer'),
        fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/xml'),
        async (method, path, query, body, authorization, contentType) => {
          const url = new URL(`${server.url}${path.startsWith('/') ? path : `/${path}`}`);
          for (const [key, value] of Object.entries(query)) {
            for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
          }
          const headers: Record<string, string> = {};
          if (authorization !== undefined) headers.authorization = authorization;
          if (contentType !== undefined) headers['content-type'] = contentType;
          const response = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body }) });
          const text = await response.text();
          expect(response.status, `${method} ${url.pathname}${url.search} → ${text.slice(0, 200)}`).toBeLessThan(500);
          expect(response.headers.get('api-version')).toBeTruthy();
          if (response.status >= 400) {
            const parsed = JSON.parse(text) as { status: unknown; statusMessage: unknown };
            expect(typeof parsed.status).toBe('number');
            expect(typeof parsed.statusMessage).toBe('string');
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
