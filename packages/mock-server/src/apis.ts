import { associationApi, createAssociationBron, createInMemoryAssociationSource } from '@eduvkit/association';
import { catalogueApi, createCatalogueBron, createInMemoryCatalogueSource } from '@eduvkit/catalogue';
import type { ApiRegistry } from '@eduvkit/core';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { consentApi, createConsentBron, createInMemoryConsentSource, type ConsentStore } from '@eduvkit/consent';
import { courseApi, createCourseBron, createInMemoryCourseSource } from '@eduvkit/course';
import { createEducationBron, createInMemoryEducationSource, educationApi } from '@eduvkit/education';
import { createEmployeesBron, createInMemoryEmployeesSource, employeesApi } from '@eduvkit/employees';
import { createInMemoryProgressSource, createProgressOntvanger, progressApi } from '@eduvkit/progress';
import { createInMemoryResultsSource, createResultsOntvanger, resultsApi } from '@eduvkit/results';
import { createInMemoryStudentsSource, createStudentsBron, studentsApi } from '@eduvkit/students';
import { CHAIN_REGISTRIES } from './chain/mock-chain';
import { createReceivedStores, type ReceivedStores } from './received-stores';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<BronOptions, 'authenticate' | 'authorize' | 'validateResponses' | 'cacheResponses' | 'responseCacheBytes' | 'onUnexpectedError'>;

/** The registries of every API the mock serves: they decide routes, roles and scopes. */
export const MOCK_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi, associationApi, consentApi, catalogueApi, courseApi, resultsApi, progressApi, ...CHAIN_REGISTRIES];

/**
 * Every API the mock serves, each a bron from its package over the shared world. The Consent API
 * reads and writes the same consent store the other brons check. As Leermiddelendashboard and
 * Administratiesysteem leerresultaten the mock keeps what it receives in `received`, which outlives
 * the brons (they are rebuilt when the world changes). The chain's APIs (CHAIN_REGISTRIES) are
 * served by `createMockChain`, whose exchanges outlive world changes too.
 */
export function createMockBrons(world: MockWorld, consent: ConsentStore, options: MockBronOptions = {}, received: ReceivedStores = createReceivedStores()): Bron[] {
  const students = createInMemoryStudentsSource(world.schools, world.students);
  return [
    createConsentBron(createInMemoryConsentSource({ schools: world.schools, store: consent }), options),
    createStudentsBron(students, options),
    createEmployeesBron(createInMemoryEmployeesSource(world.schools, world.employees), options),
    createEducationBron(createInMemoryEducationSource(world.schools, world.education), options),
    createAssociationBron(createInMemoryAssociationSource(world.schools, world.association), options),
    createCatalogueBron(createInMemoryCatalogueSource(world.products), options),
    createCourseBron(createInMemoryCourseSource(world.courses), options),
    createResultsOntvanger(createInMemoryResultsSource(world.schools, students, received.results), options),
    createProgressOntvanger(createInMemoryProgressSource(world.schools, students, received.progress), options),
  ];
}
