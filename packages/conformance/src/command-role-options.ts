import type { ApiRegistry } from '@eduvkit/core';
import type { CaseResult } from './report/types';

/** What every kit role that runs the supplier's command (afnemer, verzender) takes. */
export interface CommandRoleOptions {
  /** eduvkit's API name (`students`, `order`) or a registry. */
  readonly api: string | ApiRegistry;
  /** The supplier's command and its arguments, run without a shell. */
  readonly command: readonly string[];
  /** For the whole command; default 120 000 ms. */
  readonly timeoutMs?: number | undefined;
  readonly only?: readonly string[] | undefined;
  readonly onCase?: ((result: CaseResult) => void) | undefined;
  /** The command's output as it comes (the terminal); the report keeps its last lines. */
  readonly onOutput?: ((chunk: string, stream: 'stdout' | 'stderr') => void) | undefined;
  readonly cwd?: string | undefined;
}
