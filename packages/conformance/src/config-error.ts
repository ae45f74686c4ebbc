/** The kit cannot run as configured (exit code 2 in the CLI); the message says what to fix. */
export class ConformanceConfigError extends Error {
  override readonly name = 'ConformanceConfigError';
}
