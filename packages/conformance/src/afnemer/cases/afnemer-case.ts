import { eduvkitCode } from '../../case-id';
import { failed, passed, skipped, type Verdict } from '../../cases/case';
import type { Severity } from '../../report/types';
import type { AfnemerRun } from '../afnemer-run';
import { describeEntry, toExchange, type TrafficEntry } from '../traffic';

/** One judgement over the recorded run of the supplier's command; never throws for a client defect. */
export interface AfnemerCase {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  judge(run: AfnemerRun): Verdict;
}

export const afnemerCode = (check: string): string => eduvkitCode(`AFNEMER-${check}`);

export const passedWith = (reason: string, entry?: TrafficEntry): Verdict => passed(reason, entry && toExchange(entry));
export const skippedWith = (reason: string, entry?: TrafficEntry): Verdict => skipped(reason, entry && toExchange(entry));

/** Fails on the first offending request and says how many more there were. */
export function failedOn(offenders: readonly { entry: TrafficEntry; why: string }[], of: number, noun = 'requests'): Verdict {
  const first = offenders[0]!;
  const more = offenders.length > 1 ? ` (and ${offenders.length - 1} more)` : '';
  return failed(`${offenders.length} of ${of} ${noun} break it; first: ${describeEntry(first.entry)}: ${first.why}${more}`, toExchange(first.entry));
}

/** Passes when no entry offends, skips when there was nothing to judge. */
export function verdictOver(
  entries: readonly TrafficEntry[],
  offenders: readonly { entry: TrafficEntry; why: string }[],
  what: string,
  noun = 'requests',
): Verdict {
  if (!entries.length) return skipped(`the command sent no ${noun}`);
  if (offenders.length) return failedOn(offenders, entries.length, noun);
  return passed(`${what} in all ${entries.length} ${noun}`);
}
