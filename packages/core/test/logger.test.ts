import { describe, expect, it, vi } from 'vitest';
import { redact, redactValue, redactingLogger, type Logger } from '../src/logger';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJzdWIiOiJjbGllbnQiLCJzY29wZSI6ImVkdXYuc3R1ZGVudCJ9.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  'q2x0ZXN0a2V5bWF0ZXJpYWw=',
  '-----END PRIVATE KEY-----',
].join('\n');

describe('redact', () => {
  it('masks bearer tokens, opaque or not', () => {
    const out = redact('Authorization: Bearer opaque-token_123.abc~/+==');
    expect(out).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('authorization: bearer s3cr3t')).not.toContain('s3cr3t');
  });

  it('masks JWTs anywhere in text', () => {
    const out = redact(`token was ${JWT}, done`);
    expect(out).toBe('token was [REDACTED JWT], done');
  });

  it('masks client_assertion and other secret form fields', () => {
    const out = redact(`grant_type=client_credentials&client_assertion=${JWT}&client_secret=hunter2&scope=a`);
    expect(out).toBe('grant_type=client_credentials&client_assertion=[REDACTED]&client_secret=[REDACTED]&scope=a');
  });

  it('masks secrets in JSON text', () => {
    const out = redact('{"access_token":"abc.def","token_type":"Bearer","expires_in":300}');
    expect(out).toBe('{"access_token":"[REDACTED]","token_type":"Bearer","expires_in":300}');
  });

  it('masks PEM private key blocks, including RSA/EC variants and truncated ones', () => {
    expect(redact(`key:\n${PEM}\nend`)).toBe('key:\n[REDACTED PRIVATE KEY]\nend');
    const rsa = PEM.replaceAll('PRIVATE KEY', 'RSA PRIVATE KEY');
    expect(redact(rsa)).toBe('[REDACTED PRIVATE KEY]');
    expect(redact('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIAbc')).toBe('[REDACTED PRIVATE KEY]');
  });

  it('masks basic credentials in a header context only', () => {
    expect(redact('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: Basic [REDACTED]');
    expect(redact('Basic information about the school')).toBe('Basic information about the school');
  });

  it('leaves ordinary text alone', () => {
    const text = 'GET https://api.example.org/students-api/v1/students/school failed: Edu-V 0021 scope required';
    expect(redact(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('masks secret-named properties and redacts nested strings', () => {
    expect(redactValue({ headers: { Authorization: 'Bearer x', accept: 'application/json' }, note: `t=${JWT}`, n: 1 })).toEqual({
      headers: { Authorization: '[REDACTED]', accept: 'application/json' },
      note: 't=[REDACTED JWT]',
      n: 1,
    });
  });
});

describe('redactingLogger', () => {
  it('never passes a token to the wrapped logger', () => {
    const calls: unknown[][] = [];
    const record = (...args: unknown[]) => void calls.push(args);
    const inner: Logger = { debug: record, info: record, warn: record, error: record };
    const logger = redactingLogger(inner);
    logger.warn(`sending Bearer ${JWT}`, { token: 'abc', url: 'https://x.example/a' });
    logger.error(`assertion ${JWT}`);
    expect(JSON.stringify(calls)).not.toContain('eyJ');
    expect(JSON.stringify(calls)).not.toContain('"abc"');
    expect(calls[0]).toEqual(['sending Bearer [REDACTED]', { token: '[REDACTED]', url: 'https://x.example/a' }]);
    expect(calls[1]).toEqual(['assertion [REDACTED JWT]']);
  });

  it('forwards each level to the same level', () => {
    const inner = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const logger = redactingLogger(inner);
    logger.debug('d');
    logger.info('i');
    expect(inner.debug).toHaveBeenCalledWith('d');
    expect(inner.info).toHaveBeenCalledWith('i');
    expect(inner.warn).not.toHaveBeenCalled();
  });
});
