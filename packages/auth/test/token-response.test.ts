import { describe, expect, it } from 'vitest';
import { EduvAuthError } from '../src/errors';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, readOAuthError, readTokenResponse } from '../src/token-response';

/** How the token provider reads a token endpoint's answer (RFC 6749 §5.1, §5.2). */
const AT = 1_800_000_000_000;
const URL = 'https://as.test/token';
const jwt = (payload: object) => `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
const read = (body: unknown) => readTokenResponse(body, AT, URL, 200);

describe('readTokenResponse', () => {
  it('counts expires_in (a number or a digit string) from the request time', () => {
    expect(read({ access_token: 't', token_type: 'Bearer', expires_in: 60 })).toEqual({ accessToken: 't', expiresAt: AT + 60_000 });
    expect(read({ access_token: 't', token_type: 'bearer', expires_in: '90' })).toEqual({ accessToken: 't', expiresAt: AT + 90_000 });
  });

  it('falls back to the JWT exp when expires_in is missing or unusable, and to the default when exp is past or absent', () => {
    const future = jwt({ exp: AT / 1000 + 120 });
    for (const expiresIn of [undefined, 0, -5, '1.5', '', 'x', Number.POSITIVE_INFINITY, Number.NaN, null, '12a']) {
      expect(read({ access_token: future, expires_in: expiresIn }), String(expiresIn)).toEqual({ accessToken: future, expiresAt: AT + 120_000 });
    }
    const fallback = AT + DEFAULT_TOKEN_LIFETIME_SECONDS * 1000;
    expect(read({ access_token: jwt({ exp: AT / 1000 }) }).expiresAt).toBe(fallback);
    expect(read({ access_token: jwt({ exp: AT / 1000 - 10 }) }).expiresAt).toBe(fallback);
    expect(read({ access_token: jwt({ exp: 'soon' }) }).expiresAt).toBe(fallback);
    expect(read({ access_token: 'opaque-token' }).expiresAt).toBe(fallback);
    expect(read({ access_token: jwt({ exp: AT / 1000 + 1 }), expires_in: 1.5 })).toEqual({ accessToken: jwt({ exp: AT / 1000 + 1 }), expiresAt: AT + 1_500 });
  });

  it.each([
    ['a body that is not an object', 'token', 'the body is not a JSON object'],
    ['an array body', ['t'], 'the body is not a JSON object'],
    ['no access_token', { token_type: 'Bearer' }, 'without an access_token'],
    ['an empty access_token', { access_token: '' }, 'without an access_token'],
    ['a numeric access_token', { access_token: 42 }, 'without an access_token'],
    ['token_type mac', { access_token: 't', token_type: 'mac' }, 'with token_type "mac" instead of Bearer'],
    ['a numeric token_type', { access_token: 't', token_type: 1 }, 'with token_type "1" instead of Bearer'],
  ])('refuses %s', (_name, body, reason) => {
    let error: unknown;
    try {
      readTokenResponse(body, AT, URL, 201);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EduvAuthError);
    expect(error).toMatchObject({ kind: 'invalid_response', url: URL, httpStatus: 201, message: `token endpoint ${URL} answered HTTP 201 but ${reason}` });
  });
});

describe('readOAuthError', () => {
  it('takes error and error_description when they are strings, and nothing else', () => {
    expect(readOAuthError({ error: 'invalid_client', error_description: 'why' })).toEqual({ error: 'invalid_client', description: 'why' });
    expect(readOAuthError({ error: 3, error_description: ['x'] })).toEqual({});
    expect(readOAuthError({ error: 'invalid_scope' })).toEqual({ error: 'invalid_scope' });
    expect(readOAuthError('nope')).toEqual({});
    expect(readOAuthError(null)).toEqual({});
  });
});
