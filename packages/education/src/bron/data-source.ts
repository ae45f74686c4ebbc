import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { BoardSelection } from '../board';
import type { Organisation, StudyOffering, SubjectOffering } from '../generated/models';

export interface OrganisationFilters {
  /** Only organisations with this school name (whole name, ignoring case). */
  name?: string;
}

export interface StudyOfferingFilters {
  /** Only offerings with this official study code (`0011`, `1000O0020`). */
  studyCode?: string;
  /** Only offerings in this school period; an unknown period is 400 / 2008. */
  schoolPeriodId?: string;
}

export interface SubjectOfferingFilters {
  /** Only offerings in this school period; an unknown period is 400 / 2008. */
  schoolPeriodId?: string;
  /** Only subjects offered in this study offering; an unknown study offering is 400 / 2003. */
  studyOfferingId?: string;
  /** Only subjects with this subject code. */
  subjectCode?: string;
}

/**
 * What a bron needs to answer the Education API: implement it on top of your own administration
 * and `createEducationBron` does the protocol. Throw a BronError for business refusals (an unknown
 * school period, for example); return undefined for an unknown id and the bron answers 404.
 */
export interface EducationDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → undefined → 400 / 2001, decision 008). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** The schools of a board, in a stable order; undefined when the board is unknown (→ 400 / 0023). */
  boardSchools(board: BoardSelection): readonly S[] | undefined | Promise<readonly S[] | undefined>;
  /** The Organisation objects of these schools (in that order) that match the filters. */
  listOrganisations(schools: readonly ResolvedSchool<S>[], filters: OrganisationFilters): readonly Organisation[] | Promise<readonly Organisation[]>;
  listStudyOfferings(school: ResolvedSchool<S>, filters: StudyOfferingFilters): readonly StudyOffering[] | Promise<readonly StudyOffering[]>;
  findStudyOffering(school: ResolvedSchool<S>, studyOfferingId: string): StudyOffering | undefined | Promise<StudyOffering | undefined>;
  listSubjectOfferings(school: ResolvedSchool<S>, filters: SubjectOfferingFilters): readonly SubjectOffering[] | Promise<readonly SubjectOffering[]>;
  findSubjectOffering(school: ResolvedSchool<S>, subjectOfferingId: string): SubjectOffering | undefined | Promise<SubjectOffering | undefined>;
}
