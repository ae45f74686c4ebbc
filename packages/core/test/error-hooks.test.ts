import { describe, expect, it } from 'vitest';
import { reportError } from '../src/index';

describe('reportError', () => {
  it('passes the error and its context to the hook', () => {
    const seen: unknown[] = [];
    const error = new Error('boom');
    reportError((thrown: unknown, context: { readonly where: string }) => seen.push(thrown, context), error, { where: 'delivery' });
    expect(seen).toEqual([error, { where: 'delivery' }]);
  });

  it('swallows a hook that throws and does nothing without a hook', () => {
    expect(() =>
      reportError(
        () => {
          throw new Error('the hook broke');
        },
        new Error('boom'),
        undefined,
      ),
    ).not.toThrow();
    expect(() => reportError(undefined, new Error('boom'), undefined)).not.toThrow();
  });
});
