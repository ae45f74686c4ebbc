import type { SchoolRecord } from '@eduvkit/core';
import type { UserReference } from '@eduvkit/progress';
import { createInMemoryProgressSource, createInMemoryProgressStore, createProgressOntvanger } from '@eduvkit/progress';
import { createInMemoryResultsSource, createInMemoryResultsStore, createResultsOntvanger } from '@eduvkit/results';
import type { Bron, BronOptions } from '@eduvkit/core/server';

/** The students a dashboard serves, per school: in practice from the licences it holds for them. */
export type Roster = ReadonlyMap<string, readonly UserReference[]>;

/** One row of the class overview a teacher sees. */
export interface StudentOverview {
  readonly student: UserReference;
  readonly completed: number;
  readonly started: number;
  readonly abandoned: number;
  /** Units the learning environment asked the teacher to look at (pleaseFollowUp). */
  readonly followUp: readonly string[];
  /** Per assessment: its name and the result items as the test system sent them. */
  readonly results: readonly { readonly assessment: string; readonly results: unknown }[];
}

const keysOf = (reference: UserReference): string[] => [
  ...(reference.userMasterIdentifier ? [reference.userMasterIdentifier] : []),
  ...(reference.userIds ?? []).map((id) => id.userId),
];
const samePerson = (a: UserReference, b: UserReference): boolean => keysOf(a).some((key) => keysOf(b).includes(key));

/**
 * A Leermiddelendashboard: the Results and Progress ontvangers over its own stores, and the class
 * overview it builds from what it received. `bron` options decide token checks and consent.
 */
export function createDashboard(schools: readonly SchoolRecord[], roster: Roster, bron: Omit<BronOptions, 'schools'>) {
  const directory = {
    findStudent: (school: { school: SchoolRecord }, student: UserReference) =>
      roster.get(school.school.orgMasterId)?.find((known) => samePerson(known, student)),
  };
  const results = createInMemoryResultsStore();
  const progress = createInMemoryProgressStore();
  const brons: Bron[] = [
    createResultsOntvanger(createInMemoryResultsSource(schools, directory, results), bron),
    createProgressOntvanger(createInMemoryProgressSource(schools, directory, progress), bron),
  ];

  /** The overview of a class at a school: one row per student, in the order given. */
  const classOverview = (orgMasterId: string, students: readonly UserReference[]): StudentOverview[] => {
    const received = progress.list({ orgMasterId });
    const delivered = results.list({ orgMasterId });
    return students.map((student) => {
      const own = received.filter((record) => samePerson(record.progress.student, student)).map((record) => record.progress);
      const count = (status: string) => own.filter((message) => message.status === status).length;
      return {
        student,
        completed: count('completed'),
        started: count('started'),
        abandoned: count('abandoned'),
        followUp: own.filter((message) => message.pleaseFollowUp).map((message) => message.assignableUnitId),
        results: delivered
          .filter((record) => samePerson(record.item.student, student))
          .map((record) => ({ assessment: record.assessmentDefinition.name, results: record.item.results })),
      };
    });
  };
  return { brons, classOverview, received: { results, progress } };
}
