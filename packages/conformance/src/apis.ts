import { associationApi } from '@eduvkit/association';
import { catalogueApi } from '@eduvkit/catalogue';
import { consentApi } from '@eduvkit/consent';
import type { ApiRegistry } from '@eduvkit/core';
import { ConformanceConfigError } from './config-error';
import { courseApi } from '@eduvkit/course';
import { educationApi } from '@eduvkit/education';
import { employeesApi } from '@eduvkit/employees';
import { notificationsApi } from '@eduvkit/notifications';
import { progressApi } from '@eduvkit/progress';
import { resultsApi } from '@eduvkit/results';
import { studentsApi } from '@eduvkit/students';

/** Every API the kit has a suite for; a new API package adds its registry here and nothing else. */
export const QUALIFIABLE_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi, associationApi, consentApi, notificationsApi, catalogueApi, courseApi, resultsApi, progressApi];

/** eduvkit's short API name, from Edu-V's: `students-api` → `students`. */
export const apiName = (registry: ApiRegistry): string => registry.api.replace(/-api$/, '');

export const API_NAMES: readonly string[] = QUALIFIABLE_REGISTRIES.map(apiName);

export function findRegistry(name: string): ApiRegistry | undefined {
  const wanted = name.toLowerCase().replace(/-api$/, '');
  return QUALIFIABLE_REGISTRIES.find((registry) => apiName(registry) === wanted);
}

/** A registry as given, or the one an API name names; unknown names are a configuration error. */
export function resolveRegistry(api: string | ApiRegistry): ApiRegistry {
  if (typeof api !== 'string') return api;
  const registry = findRegistry(api);
  if (!registry) throw new ConformanceConfigError(`unknown API "${api}"; choose one of ${API_NAMES.join(', ')}`);
  return registry;
}
