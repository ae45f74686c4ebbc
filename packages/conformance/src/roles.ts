import { ConformanceConfigError } from './config-error';

/** The transaction roles the kit can play the opposite of. */
export type QualifyRole = 'bron' | 'afnemer' | 'verzender';

/**
 * Edu-V's words for the role under test. The testlab calls the party that answers a request its
 * "Ontvanger", which for a pull API is the bron: both words select the implementing role.
 */
const ROLE_WORDS: Readonly<Record<string, QualifyRole>> = {
  bron: 'bron',
  ontvanger: 'bron',
  afnemer: 'afnemer',
  verzender: 'verzender',
};

export function normaliseRole(word: string): QualifyRole {
  const role = ROLE_WORDS[word.trim().toLowerCase()];
  if (!role) throw new ConformanceConfigError(`unknown role "${word}"; use bron (or ontvanger), afnemer or verzender`);
  return role;
}
