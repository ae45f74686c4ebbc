// One call per published entry point, run by the install test from an ESM and a CJS script
// against the packed tarballs. `core` is @eduvkit/core loaded the same way. An entry point with
// no check here fails the test: a new subpath needs a line.
const ECK_ID = `https://ketenid.nl/201703/${'a'.repeat(128)}`;
const client = (create, core) => create({ baseUrl: 'http://127.0.0.1:9/api/v1', tokenProvider: core.staticToken('t') });
const spec = (version) => (m) => (m.default ?? m).info.version === version;

module.exports = {
  '@eduvkit/core': (m) => m.isEckId(ECK_ID) === true && m.isEckId('nope') === false,
  '@eduvkit/core/server': (m) => m.statusResponse('1.0.0', 400, 11, 'Schema incorrect').status === 400,
  '@eduvkit/core/server/node': (m) => typeof m.serveNode === 'function' && typeof m.createNodeHandler === 'function',
  '@eduvkit/core/exchange': (m) => typeof m.createInMemoryExchangeStore().receiveRequest === 'function',
  '@eduvkit/core/msw': (m) => typeof m.bronHandlers === 'function' && typeof m.overrideHandler === 'function',
  '@eduvkit/core/fixtures': (m) => m.createSchools({ seed: 1 }).length === 3,
  '@eduvkit/auth': (m) => m.discoveryUrl('https://bron.example/') === 'https://bron.example/.well-known/openid-configuration',
  '@eduvkit/students': (m, core) => typeof client(m.createStudentsClient, core).listForSchool === 'function',
  '@eduvkit/students/msw': (m) => m.studentsHandlers({ seed: 1 }).length > 0,
  '@eduvkit/students/fixtures': (m) => m.createStudentsWorld({ seed: 1 }).schools.length === 3,
  '@eduvkit/students/openapi.json': spec('1.1.0'),
  '@eduvkit/employees': (m, core) => typeof client(m.createEmployeesClient, core).listForSchool === 'function',
  '@eduvkit/employees/msw': (m) => m.employeesHandlers({ seed: 1 }).length > 0,
  '@eduvkit/employees/fixtures': (m) => m.createEmployeesWorld({ seed: 1 }).schools.length === 3,
  '@eduvkit/employees/openapi.json': spec('1.1.0'),
  '@eduvkit/education': (m, core) => typeof client(m.createEducationClient, core).listStudyOfferings === 'function',
  '@eduvkit/education/msw': (m) => m.educationHandlers({ seed: 1 }).length > 0,
  '@eduvkit/education/fixtures': (m) => m.createEducationWorld({ seed: 1 }).schools.length === 3,
  '@eduvkit/education/openapi.json': spec('1.1.1'),
  '@eduvkit/association': (m, core) => typeof client(m.createAssociationClient, core).listSchoolPeriods === 'function',
  '@eduvkit/association/msw': (m) => m.associationHandlers({ seed: 1 }).length > 0,
  '@eduvkit/association/fixtures': (m) => m.createAssociationWorld({ seed: 1 }).schools.length === 3,
  '@eduvkit/association/openapi.json': spec('1.1.0'),
  '@eduvkit/consent': (m) => /^[0-9a-f-]{36}$/.test(m.newConsentReferenceId()),
  '@eduvkit/consent/msw': (m) => m.consentHandlers({ seed: 1 }).length > 0,
  '@eduvkit/consent/openapi.json': spec('0.9.1'),
  '@eduvkit/notifications': (m) => m.createNotificationLog().list().length === 0,
  '@eduvkit/notifications/msw': (m) => m.notificationsHandlers().length > 0,
  '@eduvkit/notifications/openapi.json': spec('0.9.1'),
  '@eduvkit/catalogue': (m, core) => typeof client(m.createCatalogueClient, core).products()[Symbol.asyncIterator] === 'function',
  '@eduvkit/catalogue/msw': (m) => m.catalogueHandlers({ seed: 1 }).length > 0,
  '@eduvkit/catalogue/fixtures': (m) => m.createCatalogueProducts({ seed: 1 }).length >= 200,
  '@eduvkit/catalogue/openapi.json': spec('2.0.0'),
  '@eduvkit/course': (m, core) => typeof client(m.createCourseClient, core).getCourseStructure === 'function',
  '@eduvkit/course/msw': (m) => m.courseHandlers({ seed: 1 }).length > 0,
  '@eduvkit/course/fixtures': (m) => m.createCourseRecords({ seed: 1 }).length > 0,
  '@eduvkit/course/openapi.json': spec('0.0.34'),
  '@eduvkit/mock-server': (m) => m.createMockWorld(1).schools.length > 0,
  '@eduvkit/conformance': (m) => m.kvtBaseCode({ method: 'GET', path: '/enrollments/school/{id}' }) === 'KVTGETENROLLMENTSSCHOOLID' && m.API_NAMES.includes('students'),
};
