import { associationApi, createAssociationBron, createInMemoryAssociationSource } from '@eduvkit/association';
import { catalogueApi, createCatalogueBron, createInMemoryCatalogueSource } from '@eduvkit/catalogue';
import type { ApiRegistry } from '@eduvkit/core';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { consentApi, createConsentBron, createInMemoryConsentSource, type ConsentStore } from '@eduvkit/consent';
import { courseApi, createCourseBron, createInMemoryCourseSource } from '@eduvkit/course';
import { createEducationBron, createInMemoryEducationSource, educationApi } from '@eduvkit/education';
import { createEmployeesBron, createInMemoryEmployeesSource, employeesApi } from '@eduvkit/employees';
import { notificationsApi } from '@eduvkit/notifications';
import { createInMemoryProgressSource, createProgressOntvanger, progressApi } from '@eduvkit/progress';
import { createInMemoryResultsSource, createResultsOntvanger, resultsApi } from '@eduvkit/results';
import { createInMemoryStudentsSource, createStudentsBron, studentsApi } from '@eduvkit/students';
import { API_REGISTRIES } from './generated/api-catalogue';
import { createReceivedStores, type ReceivedStores } from './received-stores';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<
  BronOptions,
  'authenticate' | 'authorize' | 'validateResponses' | 'cacheResponses' | 'responseCacheBytes' | 'onUnexpectedError'
>;

/** True for an API with melding–bevestiging requests: the mock serves those as the chain (createMockChain). */
export const isChainApi = (registry: ApiRegistry): boolean => Object.values(registry.operations).some((operation) => operation.exchange?.message === 'request');

/**
 * The registries of every API whose data and scopes the mock serves: the catalogue without the
 * Notifications API (served by the notification producer; its scopes are the data APIs' own).
 * They decide routes, roles, scopes and the consent page.
 */
export const MOCK_REGISTRIES: readonly ApiRegistry[] = API_REGISTRIES.filter((registry) => registry.api !== notificationsApi.api);

/** The chain's APIs: served by `createMockChain`, whose exchanges outlive world changes. */
export const CHAIN_REGISTRIES: readonly ApiRegistry[] = MOCK_REGISTRIES.filter(isChainApi);

/**
 * The APIs whose data the world editor changes, main object first: the notification producer
 * announces their changes and takes subscriptions to them.
 */
export const NOTIFYING_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi, associationApi];

interface MockSources {
  readonly world: MockWorld;
  readonly consent: ConsentStore;
  readonly students: ReturnType<typeof createInMemoryStudentsSource>;
  readonly received: ReceivedStores;
}

type BronFactory = (sources: MockSources, options: MockBronOptions) => Bron;

/**
 * The data-source factory of every API the mock serves over its world, next to the catalogue: the
 * Consent API reads and writes the consent store the other brons check; as Leermiddelendashboard and
 * Administratiesysteem leerresultaten the mock keeps what it receives in `received`.
 */
const MOCK_BRONS: Readonly<Record<string, BronFactory>> = {
  [consentApi.api]: ({ world, consent }, options) => createConsentBron(createInMemoryConsentSource({ schools: world.schools, store: consent }), options),
  [studentsApi.api]: ({ students }, options) => createStudentsBron(students, options),
  [employeesApi.api]: ({ world }, options) => createEmployeesBron(createInMemoryEmployeesSource(world.schools, world.employees), options),
  [educationApi.api]: ({ world }, options) => createEducationBron(createInMemoryEducationSource(world.schools, world.education), options),
  [associationApi.api]: ({ world }, options) => createAssociationBron(createInMemoryAssociationSource(world.schools, world.association), options),
  [catalogueApi.api]: ({ world }, options) => createCatalogueBron(createInMemoryCatalogueSource(world.products), options),
  [courseApi.api]: ({ world }, options) => createCourseBron(createInMemoryCourseSource(world.courses), options),
  [resultsApi.api]: ({ world, students, received }, options) =>
    createResultsOntvanger(createInMemoryResultsSource(world.schools, students, received.results), options),
  [progressApi.api]: ({ world, students, received }, options) =>
    createProgressOntvanger(createInMemoryProgressSource(world.schools, students, received.progress), options),
};

/** The APIs the mock serves over its world, in catalogue order: every one but the chain's has a factory. */
const WORLD_REGISTRIES = MOCK_REGISTRIES.filter((registry) => !isChainApi(registry));
const unserved = WORLD_REGISTRIES.filter((registry) => !Object.hasOwn(MOCK_BRONS, registry.api));
if (unserved.length) throw new Error(`the mock has no data source for ${unserved.map((registry) => registry.api).join(', ')}: add one to MOCK_BRONS`);

/**
 * Every API the mock serves over the shared world, each a bron from its package. `received`
 * outlives the brons (they are rebuilt when the world changes).
 */
export function createMockBrons(
  world: MockWorld,
  consent: ConsentStore,
  options: MockBronOptions = {},
  received: ReceivedStores = createReceivedStores(),
): Bron[] {
  const sources: MockSources = { world, consent, received, students: createInMemoryStudentsSource(world.schools, world.students) };
  return WORLD_REGISTRIES.map((registry) => MOCK_BRONS[registry.api]!(sources, options));
}
