import type { SchoolRecord } from '@eduvkit/core';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createEducationBron, type EducationBronOptions } from '../bron/create-education-bron';
import type { EducationDataSource } from '../bron/data-source';
import { createInMemoryEducationSource } from '../bron/in-memory-source';
import { createEducationWorld } from '../fixtures/world';
import { educationApi } from '../generated/registry';

export type { OverrideReply } from '@eduvkit/core/msw';

/** Where the handlers answer unless told otherwise; point your client's baseUrl here. */
export const DEFAULT_EDUCATION_BASE_URL = 'https://bron.eduvkit.test/education-api/v1';

export interface EducationHandlersOptions<S extends SchoolRecord = SchoolRecord> {
  /** Base URL including the major version; default DEFAULT_EDUCATION_BASE_URL. */
  baseUrl?: string;
  /** The data behind the handlers; default a seeded world (see `seed`). */
  source?: EducationDataSource<S>;
  /** Seed of the default world; the same as `eduvkit mock --seed`. Default 1. */
  seed?: number;
  /** Bron options, e.g. `authenticate` to check tokens or `authorize` to simulate consent. */
  bron?: EducationBronOptions<S>;
}

/** MSW handlers that answer exactly like the eduvkit mock server's Education API. */
export function educationHandlers<S extends SchoolRecord = SchoolRecord>(options: EducationHandlersOptions<S> = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_EDUCATION_BASE_URL;
  const source =
    options.source ??
    (() => {
      const world = createEducationWorld({ seed: options.seed ?? 1 });
      return createInMemoryEducationSource(world.schools, world) as unknown as EducationDataSource<S>;
    })();
  const bron = createEducationBron(source, { ...options.bron, basePath: new URL(baseUrl).pathname.replace(/\/+$/, '') });
  return bronHandlers(educationApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function educationOverride(
  operationId: keyof typeof educationApi.operations,
  reply: OverrideReply,
  options: { baseUrl?: string } = {},
): HttpHandler {
  return overrideHandler(educationApi, operationId, reply, options.baseUrl ?? DEFAULT_EDUCATION_BASE_URL);
}
