import type { CaseResult, QualificationReport } from '../../src/report';

export const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJvaW4ifQ.c2lnbmF0dXJlLXNlY3JldA';
export const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----';

/** Substrings of the secrets above and below; none may appear in any output. */
export const SECRET_MARKERS = [
  'eyJhbGci',
  'c2lnbmF0dXJl',
  'BEGIN PRIVATE KEY',
  'MIIEvQIBADAN',
  'opaque-bearer',
  'cookie-secret',
  'opaque-access',
  'opaque-refresh',
  'opaque-url',
  'opaque-text',
  'opaque-id',
];

export const passedCase: CaseResult = {
  id: 'KVTGETSTUDENTSSCHOOL',
  title: 'GET /students for a school returns the students',
  severity: 'Middel',
  status: 'passed',
  reason: 'The response was 200 and matched the schema.',
  request: {
    method: 'GET',
    url: 'https://api.example.nl/v1/students?schoolId=00AA&access_token=opaque-url-1',
    headers: { Authorization: 'Bearer opaque-bearer-1', Accept: 'application/json' },
  },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json', 'Set-Cookie': 'sid=cookie-secret-1; HttpOnly' },
    body: { items: [{ id: 'S1', name: 'Anne & <Jan>' }] },
    durationMs: 42,
  },
  durationMs: 45,
};

export const failedCase: CaseResult = {
  id: 'EDUVKIT-TOKEN-EXCHANGE',
  title: 'Token exchange rejects an expired "assertion" <fast>',
  severity: 'Kritiek',
  status: 'failed',
  reason: `Expected 401 for the expired assertion ${JWT}, got 500.\nThe server said: <script>alert('x')</script> & more`,
  request: {
    method: 'POST',
    url: 'https://api.example.nl/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'session=cookie-secret-2' },
    body: `grant_type=client_credentials&client_assertion_type=jwt-bearer&client_assertion=${JWT}`,
  },
  response: {
    status: 500,
    headers: { 'content-type': 'text/html', 'Proxy-Authorization': 'Basic opaque-bearer-2' },
    body: `<html><script>alert("pwned")</script>{"access_token":"opaque-text-1"} \u0000\u0007 ]]> ${PEM}</html>`,
    durationMs: 1200,
  },
  durationMs: 1234,
};

export const failedLowCase: CaseResult = {
  id: 'KVTPAGINATION',
  title: 'Pagination links are absolute',
  severity: 'Laag',
  status: 'failed',
  reason: 'next link was relative',
  request: { method: 'GET', url: 'https://api.example.nl/v1/students?page=2', headers: {} },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: {
      access_token: 'opaque-access-1',
      nested: [{ refresh_token: 'opaque-refresh-1', id_token: 'opaque-id-1', note: `Bearer ${JWT}` }],
      key: { privateKey: PEM, private_key: 'x', other: PEM },
      links: { next: '/v1/students?page=3' },
    },
    durationMs: 10,
  },
  durationMs: 11,
};

export const skippedCase: CaseResult = {
  id: 'KVTCONSENT',
  title: 'Consent is required',
  severity: 'Hoog',
  status: 'skipped',
  reason: 'The target does not offer the consent API.\nSkipped by configuration.',
  durationMs: 0,
};

export const sampleReport: QualificationReport = {
  api: 'students',
  role: 'bron',
  apiVersion: '1.0.0',
  target: 'https://api.example.nl/v1',
  startedAt: '2026-12-01T21:00:00.000Z',
  durationMs: 2490,
  summary: { passed: 1, failed: 2, skipped: 1 },
  cases: [passedCase, failedCase, failedLowCase, skippedCase],
};

export function expectNoSecrets(output: string): string[] {
  return SECRET_MARKERS.filter((marker) => output.includes(marker));
}
