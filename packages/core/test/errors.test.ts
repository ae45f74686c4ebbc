import { describe, expect, it } from 'vitest';
import {
  EduvApiError,
  EduvConfigError,
  EduvError,
  EduvNetworkError,
  EduvTimeoutError,
  EduvValidationError,
  isEduvError,
  parseStatusResponse,
  urlWithoutQuery,
} from '../src/errors';

const context = {
  operationId: 'getStudents',
  method: 'GET',
  url: 'https://bron.example/students-api/v1/students/school?orgMasterId=104A158&filterByOrgId=false',
};

describe('parseStatusResponse', () => {
  it.each([
    [{ status: 21, statusMessage: 'scope required' }, 21, 'scope required'],
    [{ status: '0011', statusMessage: 'Schema incorrect' }, 11, 'Schema incorrect'],
    ['{"status":22,"statusMessage":"consent required"}', 22, 'consent required'],
    [{ status: 99 }, 99, undefined],
    [{ statusMessage: 'only a message' }, undefined, 'only a message'],
  ])('reads %j', (body, status, statusMessage) => {
    expect(parseStatusResponse(body)).toEqual({ status, statusMessage });
  });

  it.each([['<html>Bad gateway</html>'], [''], [null], [undefined], [42], [[{ status: 11 }]], [{ status: 'x' }]])('tolerates %j', (body) => {
    const parsed = parseStatusResponse(body);
    expect(parsed.status).toBeUndefined();
  });
});

describe('urlWithoutQuery', () => {
  it('drops query, fragment and user info', () => {
    expect(urlWithoutQuery('https://user:pw@x.example/a/b?c=d#e')).toBe('https://x.example/a/b');
    expect(urlWithoutQuery('not a url?x=1')).toBe('not a url');
  });
});

describe('EduvApiError', () => {
  const error = new EduvApiError({
    ...context,
    httpStatus: 401,
    eduvStatus: 21,
    statusMessage: 'scope required',
    apiVersion: '1.0.2',
  });

  it('carries status fields and a display code', () => {
    expect(error).toBeInstanceOf(EduvError);
    expect(error.code).toBe('EDUV_API_ERROR');
    expect(error.name).toBe('EduvApiError');
    expect(error.httpStatus).toBe(401);
    expect(error.eduvStatus).toBe(21);
    expect(error.eduvStatusCode).toBe('0021');
    expect(error.statusMessage).toBe('scope required');
    expect(error.apiVersion).toBe('1.0.2');
    expect(error.operationId).toBe('getStudents');
    expect(error.method).toBe('GET');
  });

  it('keeps the URL without query string, in the property and the message', () => {
    expect(error.url).toBe('https://bron.example/students-api/v1/students/school');
    expect(error.message).toBe('getStudents (GET https://bron.example/students-api/v1/students/school) failed with HTTP 401: Edu-V 0021 scope required');
    expect(error.message).not.toContain('104A158');
  });

  it('falls back to the standard message and copes without a status', () => {
    expect(new EduvApiError({ ...context, httpStatus: 403, eduvStatus: 22 }).message).toContain('Edu-V 0022 consent required');
    const bare = new EduvApiError({ ...context, httpStatus: 502 });
    expect(bare.eduvStatus).toBeUndefined();
    expect(bare.eduvStatusCode).toBeUndefined();
    expect(bare.message).toMatch(/failed with HTTP 502$/);
  });

  it('redacts a token a server echoes in statusMessage', () => {
    const echoed = new EduvApiError({
      ...context,
      httpStatus: 400,
      eduvStatus: 99,
      statusMessage: 'bad header Authorization: Bearer abc.def-ghi',
    });
    expect(echoed.message).not.toContain('abc.def-ghi');
  });
});

describe('EduvValidationError', () => {
  it('lists every issue with its path', () => {
    const error = new EduvValidationError('Response of getStudents (HTTP 200)', [
      { path: '$[0].familyName', message: 'Invalid input: expected string, received undefined' },
      { path: '$[3].userIds[0].userIdType', message: 'Invalid option' },
    ]);
    expect(error.code).toBe('EDUV_VALIDATION_ERROR');
    expect(error.message).toBe(
      [
        'Response of getStudents (HTTP 200) does not match its schema (2 issues):',
        '  - $[0].familyName: Invalid input: expected string, received undefined',
        '  - $[3].userIds[0].userIdType: Invalid option',
      ].join('\n'),
    );
  });
});

describe('network, timeout and config errors', () => {
  it('EduvNetworkError keeps the cause and hides the query', () => {
    const cause = new TypeError('fetch failed');
    const error = new EduvNetworkError(context, cause);
    expect(error.code).toBe('EDUV_NETWORK_ERROR');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('getStudents (GET https://bron.example/students-api/v1/students/school) failed: network error (fetch failed)');
  });

  it('EduvTimeoutError says how long it waited', () => {
    const error = new EduvTimeoutError(context, 1500);
    expect(error.code).toBe('EDUV_TIMEOUT_ERROR');
    expect(error.timeoutMs).toBe(1500);
    expect(error.message).toContain('timed out after 1500 ms');
  });

  it('EduvConfigError is an EduvError', () => {
    const error = new EduvConfigError('baseUrl must be an absolute http(s) URL');
    expect(isEduvError(error)).toBe(true);
    expect(error.code).toBe('EDUV_CONFIG_ERROR');
    expect(isEduvError(new Error('x'))).toBe(false);
  });
});
