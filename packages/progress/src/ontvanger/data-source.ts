import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { UserReference } from '../generated/models';
import type { ReceivedProgressMessage } from './sem-spellings';

/** A progress message as the dashboard took it in, in Edu-V's spelling, with who sent it and when. */
export interface ReceivedProgress<S extends SchoolRecord = SchoolRecord> {
  readonly school: ResolvedSchool<S>;
  readonly progress: ReceivedProgressMessage;
  /** The verzender's OAuth client id, when the ontvanger checks tokens. */
  readonly senderClientId?: string;
  readonly receivedAt: string;
}

/**
 * What a Leermiddelendashboard needs to receive the Progress API: implement it over your own
 * dashboard storage and `createProgressOntvanger` does the protocol.
 */
export interface ProgressDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Whether the school knows this student; progress about one it does not is refused (400 / 2002). */
  knowsStudent(school: ResolvedSchool<S>, student: UserReference): boolean | Promise<boolean>;
  /** Records the message; one with an id seen before replaces the earlier one. */
  record(received: ReceivedProgress<S>): void | Promise<void>;
}
