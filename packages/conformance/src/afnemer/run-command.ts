import { spawn } from 'node:child_process';
import { redactString } from '../report/redact';

export interface CommandOutcome {
  /** Null when the command was killed or could not start. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Set when the command could not be started at all (not found, not executable). */
  readonly startError?: string;
  readonly durationMs: number;
  /** The last lines of its stdout and stderr together, secrets redacted. */
  readonly logTail: string;
}

export interface CommandOptions {
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Each chunk of the command's output as it comes, for the terminal. */
  readonly onOutput?: ((chunk: string, stream: 'stdout' | 'stderr') => void) | undefined;
  readonly cwd?: string | undefined;
}

const TAIL_LINES = 40;
// After SIGTERM on timeout, how long the command gets to exit before SIGKILL.
const KILL_GRACE_MS = 2_000;
const OUTPUT_DRAIN_MS = 500;

/** Runs the supplier's command without a shell, with the kit's variables added to the environment. */
export function runCommand(options: CommandOptions): Promise<CommandOutcome> {
  const [file, ...args] = options.command;
  const started = performance.now();
  let output = '';
  return new Promise((resolve) => {
    const child = spawn(file!, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      // Only the tail is reported; cap what is held so a chatty command cannot fill memory.
      output = (output + text).slice(-64_000);
      options.onOutput?.(text, stream);
    };
    child.stdout.on('data', keep('stdout'));
    child.stderr.on('data', keep('stderr'));
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, options.timeoutMs);
    let finished = false;
    const finish = (outcome: Omit<CommandOutcome, 'durationMs' | 'logTail' | 'timedOut'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(killer);
      const logTail = redactString(output.split('\n').slice(-TAIL_LINES).join('\n').trimEnd());
      resolve({ ...outcome, timedOut, durationMs: Math.round(performance.now() - started), logTail });
    };
    child.once('error', (error) => finish({ exitCode: null, signal: null, startError: error.message }));
    // 'close' waits for stdout and stderr to end, which a grandchild holding them open would delay
    // forever; after 'exit' the output gets a moment to drain, then the run is over.
    child.once('exit', (exitCode, signal) => {
      const drained = setTimeout(() => finish({ exitCode, signal }), OUTPUT_DRAIN_MS);
      child.once('close', () => {
        clearTimeout(drained);
        finish({ exitCode, signal });
      });
    });
  });
}
