import { EduvStatus, resolveSchool, type ResolvedSchool, type SchoolRecord, type SchoolSelection, readSchoolSelection } from '@eduvkit/core';
import { BronError, createBron, isThenable, type Bron, type BronOptions, type CallerContext } from '@eduvkit/core/server';
import { readBoardSelection, type BoardSelection } from '../board';
import { educationApi } from '../generated/registry';
import type { EducationDataSource } from './data-source';
import { EducationStatus, educationRefusal } from '../generated/status';

export type EducationBronOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'>;

type OrganisationsOperation = (typeof educationApi.operations)['listOrganisations'];

interface OrganisationsQuery {
  readonly orgMasterId?: string | undefined;
  readonly orgId?: string | undefined;
  readonly orgIdType?: string | undefined;
  readonly boardMasterId?: string | undefined;
  readonly boardId?: string | undefined;
  readonly boardIdType?: string | undefined;
}

type OrganisationsSelection = { readonly kind: 'school'; readonly selection: SchoolSelection } | { readonly kind: 'board'; readonly selection: BoardSelection };

const NO_FILTERS = Object.freeze({});
const SCHOOL_FIELDS = ['orgMasterId', 'orgId', 'orgIdType'] as const;
const BOARD_FIELDS = ['boardMasterId', 'boardId', 'boardIdType'] as const;

/**
 * `GET /organisations` takes a school or a board (its school parameters are optional, so the spec
 * marks it `x-eduv-school-selection: none` and the bron helpers leave the selection to this code).
 * Neither, or both, is 400 / 0011 naming the fields.
 */
function readOrganisationsSelection(query: OrganisationsQuery): OrganisationsSelection {
  const hasSchool = SCHOOL_FIELDS.some((field) => query[field] !== undefined);
  const hasBoard = BOARD_FIELDS.some((field) => query[field] !== undefined);
  if (hasSchool && hasBoard) {
    throw BronError.schema('orgMasterId/orgId/orgIdType cannot be combined with boardMasterId/boardId/boardIdType; give a school or a board');
  }
  if (!hasSchool && !hasBoard) {
    throw BronError.schema('orgMasterId or orgId + orgIdType (a school), or boardMasterId or boardId + boardIdType (a board), is required');
  }
  const result = hasSchool ? readSchoolSelection(query) : readBoardSelection(query);
  if (!result.ok) throw new BronError(result.error.httpStatus, result.error.eduvStatus, result.error.statusMessage);
  return hasSchool ? { kind: 'school', selection: result.selection as SchoolSelection } : { kind: 'board', selection: result.selection as BoardSelection };
}

function isConsentRefusal(error: unknown): error is BronError {
  return error instanceof BronError && error.httpStatus === 403;
}

/** A complete Education API bron over a data source: the mock server and the MSW handlers use this. */
export function createEducationBron<S extends SchoolRecord>(source: EducationDataSource<S>, options: EducationBronOptions<S> = {}): Bron {
  const directory = source.schools;
  const resolve =
    typeof directory === 'function'
      ? directory
      : (selection: SchoolSelection): ResolvedSchool<S> | undefined => {
          const result = resolveSchool(selection, directory);
          return result.ok
            ? { school: result.school, filterByOrgId: result.filterByOrgId, ...(result.unit === undefined ? {} : { unit: result.unit }) }
            : undefined;
        };

  /**
   * The school selection of the other operations goes through BronOptions.authorize in the bron
   * helpers; /organisations resolves its own schools, so it applies the same check here. For a
   * board the answer holds the schools the caller may see, and a refusal only when that is none.
   */
  const authorizedBoard = async (
    caller: CallerContext,
    operation: OrganisationsOperation,
    schools: readonly ResolvedSchool<S>[],
  ): Promise<ResolvedSchool<S>[]> => {
    const allowed: ResolvedSchool<S>[] = [];
    let refusal: BronError | undefined;
    for (const school of schools) {
      try {
        await options.authorize!(caller, school, operation, educationApi);
        allowed.push(school);
      } catch (error) {
        if (!isConsentRefusal(error) || schools.length === 1) throw error;
        refusal ??= error;
      }
    }
    if (allowed.length === 0 && refusal) throw refusal;
    return allowed;
  };
  // One school (the usual question) is authorized or refused as it is, at once when authorize answers at once.
  const authorized = (
    caller: CallerContext,
    operation: OrganisationsOperation,
    schools: readonly ResolvedSchool<S>[],
  ): readonly ResolvedSchool<S>[] | Promise<readonly ResolvedSchool<S>[]> => {
    if (!options.authorize) return schools;
    if (schools.length !== 1) return authorizedBoard(caller, operation, schools);
    const checked = options.authorize(caller, schools[0]!, operation, educationApi);
    return isThenable(checked) ? Promise.resolve(checked).then(() => schools) : schools;
  };
  // Queries come frozen from the bron's memo and schools from a fixed list: read and resolve each once.
  const selections = new WeakMap<OrganisationsQuery, OrganisationsSelection>();
  const selectionOf = (query: OrganisationsQuery): OrganisationsSelection => {
    let selected = selections.get(query);
    if (!selected) {
      selected = readOrganisationsSelection(query);
      if (Object.isFrozen(query)) selections.set(query, selected);
    }
    return selected;
  };
  const resolvedSchools = new WeakMap<SchoolSelection, readonly ResolvedSchool<S>[]>();
  const schoolsOf = (selection: SchoolSelection, operation: OrganisationsOperation): readonly ResolvedSchool<S>[] => {
    let schools = resolvedSchools.get(selection);
    if (!schools) {
      const school = resolve(selection);
      if (!school) throw BronError.unknownSchool(operation);
      schools = [school];
      if (typeof directory !== 'function') resolvedSchools.set(selection, schools);
    }
    return schools;
  };
  const listFor = (schools: readonly ResolvedSchool<S>[], name: string | undefined) =>
    // The source's list as it is: the same instance for the same question lets the answer cache hit.
    source.listOrganisations(schools, name === undefined ? NO_FILTERS : { name });

  return createBron<typeof educationApi, S>(
    educationApi,
    {
      // Not async: a school's question that was asked before is answered without a promise.
      listOrganisations: ({ query, caller, operation }) => {
        const { name } = query;
        const selected = selectionOf(query);
        if (selected.kind === 'school') {
          const visible = authorized(caller, operation, schoolsOf(selected.selection, operation));
          return isThenable(visible) ? Promise.resolve(visible).then((schools) => listFor(schools, name)) : listFor(visible, name);
        }
        return (async () => {
          const members = await source.boardSchools(selected.selection);
          // A board is no school: 2001 does not apply, Edu-V's general 0023 does.
          if (!members) throw new BronError(400, EduvStatus.EduOrgIdUnknown, 'edu_org_id unknown: the board in the request is not known here');
          return listFor(
            await authorized(
              caller,
              operation,
              members.map((school) => ({ school, filterByOrgId: false })),
            ),
            name,
          );
        })();
      },
      listStudyOfferingsForSchool: async ({ school, query: { studyCode, schoolPeriodId } }) => source.listStudyOfferings(school, { studyCode, schoolPeriodId }),
      getStudyOffering: async ({ school, path: { id } }) => {
        const offering = await source.findStudyOffering(school, id);
        if (!offering) throw educationRefusal('getStudyOffering', EducationStatus.StudyOfferingUnknown, `no study offering ${id} at this school`);
        return offering;
      },
      listSubjectOfferingsForSchool: async ({ school, query: { schoolPeriodId, studyOfferingId, subjectCode } }) =>
        source.listSubjectOfferings(school, { schoolPeriodId, studyOfferingId, subjectCode }),
      getSubjectOffering: async ({ school, path: { id } }) => {
        const offering = await source.findSubjectOffering(school, id);
        if (!offering) throw educationRefusal('getSubjectOffering', EducationStatus.SubjectOfferingUnknown, `no subject offering ${id} at this school`);
        return offering;
      },
    },
    { ...options, schools: source.schools },
  );
}
