/**
 * The one shape of every `onError` hook in eduvkit (decision 037): the error as thrown (unknown,
 * since these hooks see bugs, not refusals) and what it happened to.
 */
export type ErrorHook<Context = undefined> = (error: unknown, context: Context) => void;

/** The one shape of every `onWarning` hook: a message that has already been redacted. */
export type WarningHook = (message: string) => void;

/** Calls an error hook if given; a hook that throws is ignored, so reporting never breaks the work it reports on. */
export function reportError<Context>(hook: ErrorHook<Context> | undefined, error: unknown, context: Context): void {
  if (!hook) return;
  try {
    hook(error, context);
  } catch {
    // the hook's own failure has nowhere better to go
  }
}
