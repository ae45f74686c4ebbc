import { BronError } from '@eduvkit/core/server';
import type { SimpleProgress } from '../generated/models';

/** A progress message in Edu-V's names only (no pleaseFollowup, no detailsUrl): what the ontvanger hands to its data source. */
export type ReceivedProgressMessage = SimpleProgress;

/** SEM 1.3.0 spelling → Edu-V 0.0.4 name. */
const SEM_SPELLINGS = [
  ['pleaseFollowup', 'pleaseFollowUp'],
  ['detailsUrl', 'detailUrl'],
] as const;

/**
 * Reads the SEM 1.3.0 spellings as Edu-V's names. A message that gives both spellings with
 * different values is refused (400 / 0011), as the receiver cannot tell which one is meant.
 */
export function toEduvSpelling(message: SimpleProgress): ReceivedProgressMessage {
  const normalised: Record<string, unknown> = { ...message };
  for (const [sem, eduv] of SEM_SPELLINGS) {
    if (!(sem in normalised)) continue;
    const given = normalised[sem];
    delete normalised[sem];
    if (normalised[eduv] !== undefined && normalised[eduv] !== given) {
      throw BronError.schema(`body field "${sem}" (the SEM spelling of "${eduv}") contradicts "${eduv}"`);
    }
    normalised[eduv] = given;
  }
  return normalised as ReceivedProgressMessage;
}
