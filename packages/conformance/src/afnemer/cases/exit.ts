import { failed, passed, type Verdict } from '../../cases/case';
import type { AfnemerRun } from '../afnemer-run';
import { afnemerCode, type AfnemerCase } from './afnemer-case';

type CommandRun = Pick<AfnemerRun, 'outcome' | 'timeoutMs'>;

const tail = (run: CommandRun): string => (run.outcome.logTail ? `; the end of its output:\n${run.outcome.logTail}` : '; it wrote no output');

/** The supplier's command finished by itself, successfully, within the timeout. */
export const exitCase: AfnemerCase = {
  id: afnemerCode('EXIT'),
  title: 'the command exits 0 within the timeout',
  severity: 'Kritiek',
  judge: (run) => judgeExit(run),
};

/** Shared with the verzender suite, which runs the supplier's command the same way. */
export function judgeExit(run: CommandRun): Verdict {
  const { outcome } = run;
  if (outcome.startError) return failed(`the command could not start: ${outcome.startError}`);
  if (outcome.timedOut) return failed(`the command did not finish within ${run.timeoutMs} ms and was killed${tail(run)}`);
  if (outcome.exitCode !== 0)
    return failed(`the command exited with ${outcome.exitCode === null ? `signal ${outcome.signal}` : `code ${outcome.exitCode}`}${tail(run)}`);
  return passed(`the command exited 0 after ${outcome.durationMs} ms`);
}
