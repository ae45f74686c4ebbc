import { timingSafeEqual } from 'node:crypto';
import { BronError, type BronRequest, type CallerContext } from '@eduvkit/core/server';

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Accepts exactly one bearer token and names its holder: how the kit's own endpoint and the
 * supplier's recognise each other for a run (decision 030). Anything else is 401.
 */
export function staticTokenAuthenticator(token: string, clientId: string): (request: BronRequest) => CallerContext {
  return (request) => {
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (given === undefined) throw BronError.unauthenticated('the request carries no bearer access token (Authorization: Bearer <token>)');
    if (!same(given, token)) throw BronError.unauthenticated('the access token is not the one this run handed out');
    return { clientId, scopes: 'all' };
  };
}
