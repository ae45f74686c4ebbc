import { EduvStatus } from '@eduvkit/core';
import { jsonResponse, statusResponse } from '@eduvkit/core/server';
import { MOCK_SERVER_VERSION } from '../mock-handler';
import type { DeliveryLog } from '../notifications/delivery-log';
import type { MockWorld } from '../world';
import { renderConsolePage } from './console-page';
import type { RequestLog } from './request-log';
import { schoolPeople, summariseWorld } from './world-summary';
import { decodePathSegment } from '../admin/path-segment';

export interface ConsoleModel {
  readonly requests: RequestLog;
  readonly deliveries: DeliveryLog;
  /** The world as it is now (admin changes replace it). */
  readonly world: () => MockWorld;
  /** The chain's exchanges, newest first (`ExchangeLog.list`). */
  readonly exchanges?: () => readonly unknown[];
}

const SCHOOL = /^\/_admin\/world\/schools\/([^/]+)$/;

/** The console's own reads, which the request log leaves out so its polling does not fill the ring. */
export function isConsolePoll(method: string, pathname: string): boolean {
  return (
    method === 'GET' &&
    (pathname === '/_admin' ||
      pathname === '/_admin/' ||
      pathname === '/_admin/requests' ||
      pathname === '/_admin/deliveries' ||
      pathname === '/_admin/exchanges')
  );
}

/** `?limit=` as a whole number from 1 to `max`; a StatusResponse naming the parameter otherwise. */
function limitOf(url: URL, fallback: number, max: number): number | Response {
  const raw = url.searchParams.get('limit');
  if (raw === null) return Math.min(fallback, max);
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > max) {
    return statusResponse(
      MOCK_SERVER_VERSION,
      400,
      EduvStatus.SchemaIncorrect,
      `Schema incorrect: query parameter "limit" must be a whole number from 1 to ${max}`,
    );
  }
  return limit;
}

const onlyGet = (method: string, also = '') => statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, `method ${method} not allowed here; use GET${also}`);

/**
 * `/_admin` (the developer console page) and the JSON it reads: `/_admin/requests`,
 * `/_admin/world`, `/_admin/world/schools/{orgMasterId}`, `/_admin/deliveries`,
 * `/_admin/exchanges`. Local development only: these routes take no token.
 */
export function createConsoleRoutes(model: ConsoleModel) {
  return async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const { pathname } = url;
    if (pathname === '/_admin' || pathname === '/_admin/') {
      if (request.method !== 'GET') return onlyGet(request.method);
      return new Response(renderConsolePage(), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
    }
    if (pathname === '/_admin/requests') {
      if (request.method === 'DELETE') {
        model.requests.clear();
        return new Response(null, { status: 204 });
      }
      if (request.method !== 'GET') return onlyGet(request.method, ' or DELETE');
      const limit = limitOf(url, 100, model.requests.capacity);
      return limit instanceof Response ? limit : jsonResponse(MOCK_SERVER_VERSION, 200, model.requests.list(limit));
    }
    if (pathname === '/_admin/deliveries') {
      if (request.method !== 'GET') return onlyGet(request.method);
      const limit = limitOf(url, 100, model.deliveries.capacity);
      return limit instanceof Response ? limit : jsonResponse(MOCK_SERVER_VERSION, 200, model.deliveries.list(limit));
    }
    if (pathname === '/_admin/exchanges') {
      if (request.method !== 'GET') return onlyGet(request.method);
      return jsonResponse(MOCK_SERVER_VERSION, 200, model.exchanges?.() ?? []);
    }
    if (pathname === '/_admin/world') {
      if (request.method !== 'GET') return onlyGet(request.method);
      return jsonResponse(MOCK_SERVER_VERSION, 200, { schools: summariseWorld(model.world()) });
    }
    const school = SCHOOL.exec(pathname);
    if (school) {
      if (request.method !== 'GET') return onlyGet(request.method);
      const limit = limitOf(url, 100, 10_000);
      if (limit instanceof Response) return limit;
      const orgMasterId = decodePathSegment(school[1]!, 'orgMasterId');
      if (orgMasterId instanceof Response) return orgMasterId;
      const people = schoolPeople(model.world(), orgMasterId, limit);
      return people
        ? jsonResponse(MOCK_SERVER_VERSION, 200, people)
        : statusResponse(MOCK_SERVER_VERSION, 404, EduvStatus.Other, `no school ${orgMasterId.slice(0, 100)} in the world`);
    }
    return undefined;
  };
}
