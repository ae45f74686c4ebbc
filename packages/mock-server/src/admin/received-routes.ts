import { EduvStatus } from '@eduvkit/core';
import { jsonResponse, statusResponse } from '@eduvkit/core/server';
import { MOCK_SERVER_VERSION } from '../mock-handler';
import type { ReceivedStores } from '../received-stores';

const filterOf = (url: URL, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.flatMap((name) => (url.searchParams.has(name) ? [[name, url.searchParams.get(name)!]] : [])));

/**
 * `GET /_admin/results` and `GET /_admin/progress`: what the mock received as ontvanger, oldest
 * change first, filtered by `orgMasterId`, `student` (ECK iD or secondary id) and `assessmentId`
 * resp. `courseId`. `DELETE` forgets it. Local development only: these routes take no token.
 */
export function createReceivedRoutes(received: ReceivedStores) {
  return async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const store = url.pathname === '/_admin/results' ? received.results : url.pathname === '/_admin/progress' ? received.progress : undefined;
    if (!store) return undefined;
    if (request.method === 'DELETE') {
      store.clear();
      return new Response(null, { status: 204 });
    }
    if (request.method !== 'GET') return statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, 'use GET or DELETE');
    if (store === received.results) {
      return jsonResponse(MOCK_SERVER_VERSION, 200, { results: received.results.list(filterOf(url, ['orgMasterId', 'assessmentId', 'student'])) });
    }
    return jsonResponse(MOCK_SERVER_VERSION, 200, { progress: received.progress.list(filterOf(url, ['orgMasterId', 'courseId', 'student'])) });
  };
}
