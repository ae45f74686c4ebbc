import { describe, expect, it } from 'vitest';
import { checkEan13, checkIsbn13, ean13CheckDigit, ean13Schema } from '../src/index';

const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? undefined : result.reason);

describe('EAN-13 and ISBN-13 product ids', () => {
  // Published examples: ISBN 978-90-01-89654-4 style; 4006381333931 is GS1's own example EAN.
  it.each([['4006381333931'], ['9789024419876'], ['9780306406157']])('accepts %s', (value) => {
    expect(checkEan13(value)).toEqual({ ok: true });
  });

  it('computes the GS1 check digit from the first 12 digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('978030640615')).toBe(7);
    expect(() => ean13CheckDigit('97803064061')).toThrow(TypeError);
  });

  it('names the wrong check digit', () => {
    expect(reasonOf(checkEan13('4006381333932'))).toBe('check digit must be 1, got 2');
    expect(reasonOf(checkEan13('400638133393'))).toBe('must be 13 digits');
    expect(ean13Schema.safeParse('4006381333932').success).toBe(false);
  });

  it('takes ISBN-13 only in the 978/979 range', () => {
    expect(checkIsbn13('9780306406157')).toEqual({ ok: true });
    expect(reasonOf(checkIsbn13('4006381333931'))).toBe('must start with 978 or 979');
  });
});
