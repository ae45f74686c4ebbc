import { execFileSync } from 'node:child_process';

/** Runs a command, returns its stdout; on failure throws with its output, so the cause is visible. */
export function run(command, args, cwd, timeout = 300_000) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' },
    });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`, { cause: error });
  }
}
