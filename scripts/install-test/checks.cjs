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
  '@eduvkit/core/exchange/verify': (m) => typeof m.verifyExchangeStore === 'function' && m.EXCHANGE_STORE_RULES.length > 0,
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
  '@eduvkit/notifications/verify': (m) => typeof m.verifyNotificationStore === 'function' && m.NOTIFICATION_STORE_RULES.length > 0,
  '@eduvkit/notifications/openapi.json': spec('0.9.1'),
  '@eduvkit/entitlement': (m, core) =>
    typeof client(m.createEntitlementClient, core).sendEntitlement === 'function' &&
    m.entitlementApi.operations.sendEntitlement.exchange.pair === 'confirmEntitlement' &&
    typeof m.createEntitlementVerzender === 'function',
  '@eduvkit/entitlement/msw': (m) => m.entitlementHandlers().length === 8,
  '@eduvkit/entitlement/fixtures': (m) => m.fakeProductId({ pick: (items) => items[0], int: () => 0 }) === '9780000000002',
  '@eduvkit/entitlement/openapi.json': spec('0.9.1'),
  '@eduvkit/usage': (m, core) =>
    typeof client(m.createUsageClient, core).reportInitialActivation === 'function' &&
    m.usageApi.operations.reportInitialActivation.exchange.pair === 'confirmInitialActivation' &&
    typeof m.createUsageVerzender === 'function',
  '@eduvkit/usage/msw': (m) => m.usageHandlers().length === 7,
  '@eduvkit/usage/fixtures': (m) => m.fakeLicensee({ guid: () => 'g' }, 'school-employee').userIds[0].userId === 'g',
  '@eduvkit/usage/openapi.json': spec('1.0.0'),
  '@eduvkit/store-postgres': (m) =>
    typeof m.createPostgresExchangeStore === 'function' &&
    m.exchangeTables(undefined).outbox === '"eduvkit_exchange_outbox"' &&
    m.notificationTables(undefined).log === '"eduvkit_notification_log"',
  '@eduvkit/order': (m, core) =>
    typeof client(m.createOrderClient, core).placeOrder === 'function' &&
    typeof m.createOrderVerzender === 'function' &&
    typeof m.createOrderOntvanger === 'function',
  '@eduvkit/order/msw': (m) => m.orderHandlers().length === 4,
  '@eduvkit/order/fixtures': (m) => typeof m.createProductRange === 'function' && typeof m.orderConfirmation === 'function',
  '@eduvkit/order/openapi.json': spec('0.9.2'),
  '@eduvkit/delivery': (m, core) =>
    typeof client(m.createDeliveryClient, core).listForSchool === 'function' &&
    typeof m.createDeliveryVerzender === 'function' &&
    typeof m.createDeliveryOntvanger === 'function',
  '@eduvkit/delivery/msw': (m) => m.deliveryHandlers().length === 5,
  '@eduvkit/delivery/fixtures': (m) => typeof m.deliveryOrderRequest === 'function',
  '@eduvkit/delivery/openapi.json': spec('2.0.0'),
  '@eduvkit/activationcode': (m, core) =>
    typeof client(m.createActivationcodeClient, core).requestCodes === 'function' &&
    typeof m.createActivationcodeVerzender === 'function' &&
    typeof m.createActivationcodeOntvanger === 'function',
  '@eduvkit/activationcode/msw': (m) => m.activationcodeHandlers().length === 4,
  '@eduvkit/activationcode/fixtures': (m) => typeof m.activationCodeRequest === 'function',
  '@eduvkit/activationcode/openapi.json': spec('0.0.3'),
  '@eduvkit/results': (m, core) => typeof client(m.createResultsClient, core).send === 'function' && m.resultsApi.operations.postResults.successStatus === 201,
  '@eduvkit/results/msw': (m) => m.resultsHandlers({ seed: 1 }).length === 1,
  '@eduvkit/results/fixtures': (m) => m.createStudentsWorld({ seed: 1 }).schools.length === 3 && typeof m.createResultsDelivery === 'function',
  '@eduvkit/results/openapi.json': spec('2.1.0'),
  '@eduvkit/progress': (m, core) => typeof client(m.createProgressClient, core).send === 'function' && m.createInMemoryProgressStore().size === 0,
  '@eduvkit/progress/msw': (m) => m.progressHandlers({ seed: 1 }).length === 1,
  '@eduvkit/progress/fixtures': (m) => m.createStudentsWorld({ seed: 1 }).schools.length === 3 && typeof m.createProgressMessages === 'function',
  '@eduvkit/progress/openapi.json': spec('0.0.4'),
  '@eduvkit/catalogue': (m, core) => typeof client(m.createCatalogueClient, core).products()[Symbol.asyncIterator] === 'function',
  '@eduvkit/catalogue/msw': (m) => m.catalogueHandlers({ seed: 1 }).length > 0,
  '@eduvkit/catalogue/fixtures': (m) => m.createCatalogueProducts({ seed: 1 }).length >= 200,
  '@eduvkit/catalogue/openapi.json': spec('2.0.0'),
  '@eduvkit/course': (m, core) => typeof client(m.createCourseClient, core).getCourseStructure === 'function',
  '@eduvkit/course/msw': (m) => m.courseHandlers({ seed: 1 }).length > 0,
  '@eduvkit/course/fixtures': (m) => m.createCourseRecords({ seed: 1 }).length > 0,
  '@eduvkit/course/openapi.json': spec('0.0.34'),
  '@eduvkit/mock-server': (m) =>
    m.createMockWorld(1).schools.length > 0 &&
    m.CHAIN_REGISTRIES.map((registry) => registry.api)
      .sort()
      .join() === 'activationcode-api,delivery-api,entitlement-api,order-api,usage-api',
  '@eduvkit/conformance': (m) =>
    m.kvtBaseCode({ method: 'GET', path: '/enrollments/school/{id}' }) === 'KVTGETENROLLMENTSSCHOOLID' &&
    m.API_NAMES.includes('students') &&
    typeof m.qualifyAfnemer === 'function' &&
    m.listCases('students', 'afnemer').length > 0 &&
    typeof m.qualifyOntvanger === 'function' &&
    typeof m.qualifyVerzender === 'function' &&
    m.listCases('order', 'verzender').length > 0,
};
