import { EduvConfigError } from '@eduvkit/core';

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Checks, de-duplicates and sorts scopes, so that one scope set always gives one cache key. */
export function normaliseScopes(scopes: readonly string[]): string[] {
  if (!Array.isArray(scopes)) throw new EduvConfigError('scopes must be an array of strings');
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !SCOPE_TOKEN.test(scope)) {
      throw new EduvConfigError(`invalid scope ${JSON.stringify(scope)}: one scope token without spaces or quotes`);
    }
  }
  return [...new Set(scopes)].sort();
}
