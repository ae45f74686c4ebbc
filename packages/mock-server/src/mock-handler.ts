import { EduvStatus } from '@eduvkit/core';
import { jsonResponse, statusResponse, type Bron } from '@eduvkit/core/server';

/** The version the mock server reports on answers outside any API (its index, unknown paths). */
export const MOCK_SERVER_VERSION = '0.1.0';

export type FetchHandler = (request: Request) => Promise<Response>;
/** A part of the mock that answers the paths it owns and returns undefined for the rest. */
export type Route = (request: Request) => Promise<Response | undefined>;

/**
 * Tries the routes in order, then the brons (read on every request: a world change rebuilds
 * them); every other path gets a StatusResponse.
 */
export function createMockHandler(currentBrons: () => readonly Bron[], routes: readonly Route[] = []): FetchHandler {
  const index = currentBrons().map((bron) => ({
    api: bron.registry.api,
    title: bron.registry.title,
    version: bron.registry.version,
    basePath: bron.basePath,
    operations: Object.values(bron.registry.operations).map((operation) => `${operation.method} ${bron.basePath}${operation.path}`),
  }));
  return async (request) => {
    for (const route of routes) {
      const response = await route(request);
      if (response) return response;
    }
    for (const bron of currentBrons()) {
      const response = await bron.handle(request);
      if (response) return response;
    }
    const { pathname } = new URL(request.url);
    if (pathname === '/' && request.method === 'GET') return jsonResponse(MOCK_SERVER_VERSION, 200, { apis: index });
    return statusResponse(MOCK_SERVER_VERSION, 404, EduvStatus.Other, `no Edu-V API is served at ${pathname.slice(0, 200)}`);
  };
}
