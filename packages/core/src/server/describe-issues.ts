import type { z } from 'zod';

export type InputLocation = 'query parameter' | 'path parameter' | 'body field';

function pathLabel(path: readonly PropertyKey[]): string {
  return path.reduce<string>((label, key) => {
    if (typeof key === 'number') return `${label}[${key}]`;
    return label ? `${label}.${String(key)}` : String(key);
  }, '');
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required';
  return issue.message;
}

/** Turns zod issues into one message that names every offending field. */
export function describeIssues(location: InputLocation, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const name = pathLabel(issue.path);
      return name ? `${location} "${name}" ${issueText(issue)}` : `${location.replace(/ (parameter|field)$/, '')} ${issueText(issue)}`;
    })
    .join('; ');
}
