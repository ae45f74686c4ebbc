import { describe, expect, it } from 'vitest';
import { formatProgressLine, formatSummary, redactReport, renderHtmlReport, renderJsonReport, renderJunitReport } from '../../src/report';
import { JWT, PEM, expectNoSecrets, failedLowCase, sampleReport } from './fixture';

describe('redactReport', () => {
  const redacted = redactReport(sampleReport);

  it('redacts secret headers whatever their case, and keeps the others', () => {
    expect(redacted.cases[0]?.request?.headers).toEqual({ Authorization: '[redacted]', Accept: 'application/json' });
    expect(redacted.cases[0]?.response?.headers['Set-Cookie']).toBe('[redacted]');
    expect(redacted.cases[1]?.request?.headers.cookie).toBe('[redacted]');
    expect(redacted.cases[1]?.response?.headers['Proxy-Authorization']).toBe('[redacted]');
  });

  it('redacts secret properties at any depth and JWTs and PEM keys in any string', () => {
    expect(redacted.cases[2]?.response?.body).toEqual({
      access_token: '[redacted]',
      nested: [{ refresh_token: '[redacted]', id_token: '[redacted]', note: 'Bearer [redacted]' }],
      key: { privateKey: '[redacted]', private_key: '[redacted]', other: '[redacted]' },
      links: { next: '/v1/students?page=3' },
    });
    expect(redacted.cases[1]?.request?.body).toBe('grant_type=client_credentials&client_assertion_type=jwt-bearer&client_assertion=[redacted]');
    expect(redacted.cases[0]?.request?.url).toBe('https://api.example.nl/v1/students?schoolId=00AA&access_token=[redacted]');
  });

  it('redacts a PEM key without its END line and an unsigned JWT', () => {
    const body = { text: `key: ${PEM.slice(0, 60)}`, token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' };
    const result = redactReport({ ...sampleReport, cases: [{ ...failedLowCase, response: { ...failedLowCase.response!, body } }] });
    expect(result.cases[0]?.response?.body).toEqual({ text: 'key: [redacted]', token: '[redacted]' });
  });

  it('leaves ordinary values alone and does not modify its input', () => {
    expect(redactReport({ ...sampleReport, cases: [] }).target).toBe('https://api.example.nl/v1');
    expect(redacted.cases[0]?.response?.body).toEqual({ items: [{ id: 'S1', name: 'Anne & <Jan>' }] });
    expect(sampleReport.cases[1]?.reason).toContain(JWT);
    expect(sampleReport.cases[0]?.request?.headers.Authorization).toBe('Bearer opaque-bearer-1');
  });

  it('survives a cyclic body', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const result = redactReport({ ...sampleReport, cases: [{ ...failedLowCase, response: { ...failedLowCase.response!, body: cyclic } }] });
    expect(result.cases[0]?.response?.body).toEqual({ a: 1, self: '[circular]' });
  });
});

describe('no secret survives in any output', () => {
  const outputs: Record<string, string> = {
    json: renderJsonReport(sampleReport),
    junit: renderJunitReport(sampleReport),
    html: renderHtmlReport(sampleReport),
    'text summary': formatSummary(sampleReport, { color: true }),
    'text progress': sampleReport.cases.map((c) => formatProgressLine(c, { color: false })).join('\n'),
  };
  for (const [format, output] of Object.entries(outputs)) {
    it(format, () => {
      expect(expectNoSecrets(output)).toEqual([]);
      expect(output).toContain('[redacted]');
    });
  }
});
