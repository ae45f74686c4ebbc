import { EduvStatus } from '@eduvkit/core';
import { isThenable, jsonAnswer, statusAnswer, toResponse, pathOf, type Answered, type BronAnswer, type Bron } from '@eduvkit/core/server';
import type { NodeBronRequest } from '@eduvkit/core/server/node';

/** The version the mock server reports on answers outside any API (its index, unknown paths). */
export const MOCK_SERVER_VERSION = '0.1.0';

export type FetchHandler = (request: Request) => Promise<Response>;
/** A part of the mock that answers the paths it owns and returns undefined for the rest. */
export type Route = (request: Request) => Promise<Response | undefined>;
/** A request as the mock takes it: a Fetch Request (in process, MSW-style) or one read by the Node adapter. */
export type MockRequest = Request | NodeBronRequest;
/** The mock's answer to either kind of request: at once when the bron answered at once. */
export type MockAnswerer = (request: MockRequest) => Answered<BronAnswer | Response>;

/** The bron whose base path holds `pathname` (a loop, no closure: every request asks). */
export function bronOwning(brons: readonly Bron[], pathname: string): Bron | undefined {
  for (const bron of brons) {
    const basePath = bron.basePath;
    if (pathname.startsWith(basePath) && (pathname.length === basePath.length || pathname.charCodeAt(basePath.length) === 47)) return bron;
  }
  return undefined;
}

/**
 * The brons first (read on every request: a world change rebuilds them), each through its
 * Fetch-free `answer`; then the routes, which own paths outside every API's base path and take
 * a Fetch Request; every other path gets a StatusResponse.
 */
export function createMockAnswerer(currentBrons: () => readonly Bron[], routes: readonly Route[] = []): MockAnswerer {
  const index = currentBrons().map((bron) => ({
    api: bron.registry.api,
    title: bron.registry.title,
    version: bron.registry.version,
    basePath: bron.basePath,
    operations: Object.values(bron.registry.operations).map((operation) => `${operation.method} ${bron.basePath}${operation.path}`),
  }));
  const outsideBrons = async (request: MockRequest, pathname: string): Promise<BronAnswer | Response> => {
    const fetchRequest = request instanceof Request ? request : await request.toFetchRequest();
    for (const route of routes) {
      const response = await route(fetchRequest);
      if (response) return response;
    }
    if (pathname === '/' && request.method === 'GET') return jsonAnswer(MOCK_SERVER_VERSION, 200, { apis: index });
    return statusAnswer(MOCK_SERVER_VERSION, 404, EduvStatus.Other, `no Edu-V API is served at ${pathname.slice(0, 200)}`);
  };
  return (request) => {
    const pathname = pathOf(request.url);
    // Base paths do not nest, so at most one bron owns the path: ask only that one.
    const bron = bronOwning(currentBrons(), pathname);
    if (!bron) return outsideBrons(request, pathname);
    const answer = bron.answer(request);
    if (!isThenable(answer)) return answer ?? outsideBrons(request, pathname);
    return answer.then((answered) => answered ?? outsideBrons(request, pathname));
  };
}

/** An answerer as one Fetch handler, for use in process. */
export function fetchHandlerOf(answer: MockAnswerer): FetchHandler {
  return async (request) => {
    const answered = await answer(request);
    return answered instanceof Response ? answered : toResponse(answered);
  };
}

/** The mock as one Fetch handler, for use in process. */
export function createMockHandler(currentBrons: () => readonly Bron[], routes: readonly Route[] = []): FetchHandler {
  return fetchHandlerOf(createMockAnswerer(currentBrons, routes));
}
