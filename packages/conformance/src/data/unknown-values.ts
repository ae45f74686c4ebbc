import { randomUUID } from 'node:crypto';

/**
 * A well-formed OnderwijsaanbiederId (three digits, a capital, three digits) that is not the
 * school under test: an unknown school must fail on being unknown, not on its format.
 */
export function unknownOrgMasterId(known: string): string {
  return known === '999Z999' ? '998Z998' : '999Z999';
}

/** A well-formed id no bron holds: a fresh GUID, accepted wherever Edu-V allows GUIDs as ids. */
export const unknownId = (): string => randomUUID();
