import { associationApi, createAssociationBron, createInMemoryAssociationSource } from '@eduvkit/association';
import { catalogueApi, createCatalogueBron, createInMemoryCatalogueSource } from '@eduvkit/catalogue';
import type { ApiRegistry } from '@eduvkit/core';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { consentApi, createConsentBron, createInMemoryConsentSource, type ConsentStore } from '@eduvkit/consent';
import { courseApi, createCourseBron, createInMemoryCourseSource } from '@eduvkit/course';
import { createEducationBron, createInMemoryEducationSource, educationApi } from '@eduvkit/education';
import { createEmployeesBron, createInMemoryEmployeesSource, employeesApi } from '@eduvkit/employees';
import { createInMemoryStudentsSource, createStudentsBron, studentsApi } from '@eduvkit/students';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<BronOptions, 'authenticate' | 'authorize' | 'validateResponses' | 'cacheResponses' | 'responseCacheBytes' | 'onUnexpectedError'>;

/** The registries of every API the mock serves: they decide routes, roles and scopes. */
export const MOCK_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi, associationApi, consentApi, catalogueApi, courseApi];

/**
 * Every API the mock serves, each a bron from its package over the shared world. The Consent API
 * reads and writes the same consent store the other brons check.
 */
export function createMockBrons(world: MockWorld, consent: ConsentStore, options: MockBronOptions = {}): Bron[] {
  return [
    createConsentBron(createInMemoryConsentSource({ schools: world.schools, store: consent }), options),
    createStudentsBron(createInMemoryStudentsSource(world.schools, world.students), options),
    createEmployeesBron(createInMemoryEmployeesSource(world.schools, world.employees), options),
    createEducationBron(createInMemoryEducationSource(world.schools, world.education), options),
    createAssociationBron(createInMemoryAssociationSource(world.schools, world.association), options),
    createCatalogueBron(createInMemoryCatalogueSource(world.products), options),
    createCourseBron(createInMemoryCourseSource(world.courses), options),
  ];
}
