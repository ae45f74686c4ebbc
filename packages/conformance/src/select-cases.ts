import { ConformanceConfigError } from './config-error';

/** The cases `--only` names (a trailing `*` matches a prefix); every pattern must name at least one. */
export function selectCases<T extends { readonly id: string }>(cases: readonly T[], only: readonly string[] | undefined, suite: string): T[] {
  if (!only?.length) return [...cases];
  const matches = (pattern: string, id: string) => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern);
  const unknown = only.filter((pattern) => !cases.some((definition) => matches(pattern, definition.id)));
  if (unknown.length) throw new ConformanceConfigError(`--only names no case of the ${suite} suite: ${unknown.join(', ')}`);
  return cases.filter((definition) => only.some((pattern) => matches(pattern, definition.id)));
}
