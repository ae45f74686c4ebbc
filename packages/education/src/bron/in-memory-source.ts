import type { ResolvedSchool, SchoolRecord } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import type { BoardSelection } from '../board';
import type { Board, Organisation, StudyOffering, SubjectOffering } from '../generated/models';
import type { EducationDataSource, StudyOfferingFilters, SubjectOfferingFilters } from './data-source';
import { EducationStatus } from '../generated/status';

/** A school as the in-memory source needs it: its record plus the school periods filters may name. */
export interface InMemoryEducationSchool extends SchoolRecord {
  readonly catalogue: {
    readonly periods: readonly { readonly id: string; readonly superSchoolPeriod?: string }[];
  };
}

/** The Education objects the in-memory source serves; `EducationRecords` from the fixtures fits. */
export interface InMemoryEducationRecords {
  /** The board the schools belong to; `boardId` + `boardIdType` name it. Members: organisations listing it in `boards`. */
  readonly board?: Board;
  /** The board's OnderwijsbestuurId; `boardMasterId` names it. */
  readonly boardMasterId?: string;
  /** Organisation per school, keyed by `orgMasterId`. */
  readonly organisations: ReadonlyMap<string, Organisation>;
  /** Study offerings per school, keyed by `orgMasterId`. */
  readonly studyOfferings: ReadonlyMap<string, readonly StudyOffering[]>;
  /** Subject offerings per school, keyed by `orgMasterId`. */
  readonly subjectOfferings: ReadonlyMap<string, readonly SubjectOffering[]>;
}

interface Period {
  readonly id: string;
  readonly superSchoolPeriod?: string;
}

interface SchoolIndex {
  periods: Map<string, Period>;
  studyOfferings: readonly StudyOffering[];
  studyOfferingsById: Map<string, StudyOffering>;
  subjectOfferings: readonly SubjectOffering[];
  subjectOfferingsById: Map<string, SubjectOffering>;
}

function indexSchool(school: InMemoryEducationSchool, records: InMemoryEducationRecords): SchoolIndex {
  const studyOfferings = records.studyOfferings.get(school.orgMasterId) ?? [];
  const subjectOfferings = records.subjectOfferings.get(school.orgMasterId) ?? [];
  return {
    periods: new Map(school.catalogue.periods.map((period) => [period.id, period])),
    studyOfferings,
    studyOfferingsById: new Map(studyOfferings.map((offering) => [offering.studyOfferingId, offering])),
    subjectOfferings,
    subjectOfferingsById: new Map(subjectOfferings.map((offering) => [offering.subjectOfferingId, offering])),
  };
}

const linkedStudyOfferingIds = (subject: SubjectOffering): string[] =>
  (subject.studyOfferings ?? []).map((link) => (typeof link === 'string' ? link : link.studyOfferingId));

/**
 * Is the offering given in the period? An offering without `schoolPeriod` is given in every period
 * of the school; one with a school year is given in that year and its parts; one with a part of a
 * year, in that part and the whole year.
 */
function inPeriod(offering: StudyOffering, periodId: string, periods: ReadonlyMap<string, Period>): boolean {
  const own = offering.schoolPeriod;
  if (own === undefined || own === periodId) return true;
  return periods.get(periodId)?.superSchoolPeriod === own || periods.get(own)?.superSchoolPeriod === periodId;
}

function checkPeriod(index: SchoolIndex, schoolPeriodId: string | undefined): void {
  if (schoolPeriodId !== undefined && !index.periods.has(schoolPeriodId)) {
    throw BronError.business(EducationStatus.SchoolPeriodUnknown, `SchoolPeriod unknown: schoolPeriodId ${schoolPeriodId}`);
  }
}

const sameBoard = (a: Board, b: Board): boolean => a.organisationId === b.organisationId && a.organisationIdType === b.organisationIdType;

/**
 * An Education data source over records held in memory (the mock server's world, MSW tests).
 * Offerings belong to the whole school: a unit-level school selection (a vestiging's V_ID) gets
 * the school's whole catalogue. The records are treated as immutable.
 */
export function createInMemoryEducationSource<S extends InMemoryEducationSchool>(
  schools: readonly S[],
  records: InMemoryEducationRecords,
): EducationDataSource<S> {
  const indexes = new Map(schools.map((school) => [school.orgMasterId, indexSchool(school, records)]));
  const indexOf = (school: ResolvedSchool<S>): SchoolIndex => indexes.get(school.school.orgMasterId)!;
  const { board, boardMasterId } = records;
  const members = board
    ? schools.filter((school) => records.organisations.get(school.orgMasterId)?.boards?.some((candidate) => sameBoard(candidate, board)))
    : [];

  const isOurBoard = (selection: BoardSelection): boolean =>
    'boardMasterId' in selection
      ? boardMasterId !== undefined && selection.boardMasterId === boardMasterId
      : board !== undefined && board.organisationIdType === selection.boardIdType && board.organisationId === selection.boardId;

  // Keyed by the selected schools; one entry per school and one per board: bounded by the world.
  const unfilteredOrganisations = new Map<string, readonly Organisation[]>();

  return {
    schools,
    boardSchools(selection) {
      return isOurBoard(selection) ? members : undefined;
    },
    listOrganisations(selected, filters) {
      const name = filters.name?.toLowerCase();
      // Unfiltered lists are kept, so the same question gets the same (immutable) list and the bron's answer cache hits.
      const key =
        name === undefined ? (selected.length === 1 ? selected[0]!.school.orgMasterId : selected.map(({ school }) => school.orgMasterId).join(' ')) : undefined;
      const kept = key === undefined ? undefined : unfilteredOrganisations.get(key);
      if (kept) return kept;
      const organisations: Organisation[] = [];
      for (const { school } of selected) {
        const organisation = records.organisations.get(school.orgMasterId);
        if (organisation && (name === undefined || organisation.name.toLowerCase() === name)) organisations.push(organisation);
      }
      if (key !== undefined) unfilteredOrganisations.set(key, organisations);
      return organisations;
    },
    listStudyOfferings(school, filters: StudyOfferingFilters) {
      const index = indexOf(school);
      const { studyCode, schoolPeriodId } = filters;
      checkPeriod(index, schoolPeriodId);
      if (studyCode === undefined && schoolPeriodId === undefined) return index.studyOfferings;
      return index.studyOfferings.filter(
        (offering) =>
          (studyCode === undefined || offering.studyCode === studyCode) && (schoolPeriodId === undefined || inPeriod(offering, schoolPeriodId, index.periods)),
      );
    },
    findStudyOffering(school, id) {
      return indexOf(school).studyOfferingsById.get(id);
    },
    listSubjectOfferings(school, filters: SubjectOfferingFilters) {
      const index = indexOf(school);
      const { schoolPeriodId, studyOfferingId, subjectCode } = filters;
      checkPeriod(index, schoolPeriodId);
      if (studyOfferingId !== undefined && !index.studyOfferingsById.has(studyOfferingId)) {
        throw BronError.business(EducationStatus.StudyOfferingUnknown, `StudyOffering unknown: studyOfferingId ${studyOfferingId}`);
      }
      if (schoolPeriodId === undefined && studyOfferingId === undefined && subjectCode === undefined) return index.subjectOfferings;
      return index.subjectOfferings.filter((subject) => {
        if (subjectCode !== undefined && subject.subjectCode !== subjectCode) return false;
        const linked = linkedStudyOfferingIds(subject);
        if (studyOfferingId !== undefined && !linked.includes(studyOfferingId)) return false;
        if (schoolPeriodId === undefined || linked.length === 0) return true;
        // A subject is given in a period when one of the study offerings it belongs to is.
        return linked.some((id) => {
          const offering = index.studyOfferingsById.get(id);
          return offering === undefined || inPeriod(offering, schoolPeriodId, index.periods);
        });
      });
    },
    findSubjectOffering(school, id) {
      return indexOf(school).subjectOfferingsById.get(id);
    },
  };
}
