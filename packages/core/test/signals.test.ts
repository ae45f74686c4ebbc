import { describe, expect, it } from 'vitest';
import { abortReason, attemptSignal } from '../src/signals';

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

describe('attemptSignal', () => {
  it('times out on its own', async () => {
    const attempt = attemptSignal(undefined, 10);
    await aborted(attempt.signal!);
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.callerAborted()).toBe(false);
  });

  it('follows the caller and reports it as a caller abort', async () => {
    const controller = new AbortController();
    const attempt = attemptSignal(controller.signal, 10_000);
    controller.abort();
    expect(attempt.signal?.aborted).toBe(true);
    expect(attempt.callerAborted()).toBe(true);
    expect(attempt.timedOut()).toBe(false);
  });

  it('has no signal without caller signal and timeout', () => {
    expect(attemptSignal(undefined, Number.POSITIVE_INFINITY).signal).toBeUndefined();
    expect(attemptSignal(undefined, undefined).signal).toBeUndefined();
  });

  it('uses the caller signal itself when there is no timeout', () => {
    const controller = new AbortController();
    expect(attemptSignal(controller.signal, Number.POSITIVE_INFINITY).signal).toBe(controller.signal);
  });
});

describe('abortReason', () => {
  it('returns the given reason', () => {
    const reason = new Error('user left');
    expect(abortReason(AbortSignal.abort(reason))).toBe(reason);
    expect((abortReason(AbortSignal.abort()) as DOMException).name).toBe('AbortError');
  });
});
