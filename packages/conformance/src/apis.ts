import { associationApi } from '@eduvkit/association';
import { catalogueApi } from '@eduvkit/catalogue';
import { consentApi } from '@eduvkit/consent';
import type { ApiRegistry } from '@eduvkit/core';
import { courseApi } from '@eduvkit/course';
import { educationApi } from '@eduvkit/education';
import { employeesApi } from '@eduvkit/employees';
import { notificationsApi } from '@eduvkit/notifications';
import { studentsApi } from '@eduvkit/students';

/** Every API the kit has a suite for; a new API package adds its registry here and nothing else. */
export const QUALIFIABLE_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi, associationApi, consentApi, notificationsApi, catalogueApi, courseApi];

/** eduvkit's short API name, from Edu-V's: `students-api` → `students`. */
export const apiName = (registry: ApiRegistry): string => registry.api.replace(/-api$/, '');

export const API_NAMES: readonly string[] = QUALIFIABLE_REGISTRIES.map(apiName);

export function findRegistry(name: string): ApiRegistry | undefined {
  const wanted = name.toLowerCase().replace(/-api$/, '');
  return QUALIFIABLE_REGISTRIES.find((registry) => apiName(registry) === wanted);
}
