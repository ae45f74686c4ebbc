/** The signal of one request attempt: the caller's signal combined with a per-attempt timeout. */
export interface AttemptSignal {
  /** Pass this to fetch; undefined when there is neither a caller signal nor a timeout. */
  readonly signal: AbortSignal | undefined;
  /** The caller aborted: never retry, rethrow the caller's reason. */
  callerAborted(): boolean;
  /** Our own timeout fired (and the caller did not abort). */
  timedOut(): boolean;
}

/**
 * `timeoutMs` of Infinity (or undefined) means no timeout. The timeout starts now, so create one
 * per attempt.
 */
export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): AttemptSignal {
  const timeoutSignal = timeoutMs !== undefined && Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : undefined;
  const signals = [callerSignal, timeoutSignal].filter((signal): signal is AbortSignal => signal !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  return {
    signal,
    callerAborted: () => callerSignal?.aborted === true,
    timedOut: () => timeoutSignal?.aborted === true && callerSignal?.aborted !== true,
  };
}

/** The reason to throw for an aborted caller signal (an `AbortError` DOMException by default). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
