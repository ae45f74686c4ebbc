import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { AssessmentScoresAndResults, UserReference } from '../generated/models';

/** A delivery as the ontvanger took it in: the message as sent, with who sent it and when. */
export interface ReceivedResults<S extends SchoolRecord = SchoolRecord> {
  readonly school: ResolvedSchool<S>;
  /** Unknown fields included, exactly as the verzender wrote them. */
  readonly delivery: AssessmentScoresAndResults;
  /** The verzender's OAuth client id, when the ontvanger checks tokens. */
  readonly senderClientId?: string;
  readonly receivedAt: string;
}

/**
 * What an ontvanger of the Results API needs: implement it on top of your gradebook or dashboard
 * and `createResultsOntvanger` does the protocol.
 */
export interface ResultsDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Whether the school knows this student; a delivery naming one it does not is refused (400 / 2002). */
  knowsStudent(school: ResolvedSchool<S>, student: UserReference): boolean | Promise<boolean>;
  /** Records the delivery: each item creates or replaces that student's scores and results for the assessment. */
  record(received: ReceivedResults<S>): void | Promise<void>;
}
