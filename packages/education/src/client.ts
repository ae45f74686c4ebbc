import { schoolQuery, type ApiClientOptions, type CallOptions, type EduvResponse, type SchoolQuery, type SchoolSelection } from '@eduvkit/core';
import { boardQuery, isBoardSelection, type BoardSelection } from './board';
import type { OrganisationFilters, StudyOfferingFilters, SubjectOfferingFilters } from './bron/data-source';
import type { Organisation, StudyOffering, SubjectOffering } from './generated/models';
import { createEducationMethods } from './generated/client';

export type EducationRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** `GET /organisations` asks about a school (`{ orgMasterId }`, `{ orgId, orgIdType }`) or a board (`{ boardMasterId }`, `{ boardId, boardIdType }`). */
export type OrganisationsSelection = SchoolSelection | BoardSelection;

export interface EducationClient {
  /** `GET /organisations`: the organisation of a school, or the organisations of a board. */
  listOrganisations(selection: OrganisationsSelection, filters?: OrganisationFilters, options?: EducationRequestOptions): Promise<EduvResponse<Organisation[]>>;
  /** `GET /studyofferings/school`: every study offering of the school, optionally filtered. */
  listStudyOfferings(school: SchoolSelection, filters?: StudyOfferingFilters, options?: EducationRequestOptions): Promise<EduvResponse<StudyOffering[]>>;
  /** `GET /studyofferings/school/{id}`: one study offering of the school (unknown: 404 / 2003). */
  getStudyOffering(school: SchoolSelection, studyOfferingId: string, options?: EducationRequestOptions): Promise<EduvResponse<StudyOffering>>;
  /** `GET /subjectofferings/school`: every subject offering of the school, optionally filtered. */
  listSubjectOfferings(school: SchoolSelection, filters?: SubjectOfferingFilters, options?: EducationRequestOptions): Promise<EduvResponse<SubjectOffering[]>>;
  /** `GET /subjectofferings/school/{id}`: one subject offering of the school (unknown: 404 / 2005). */
  getSubjectOffering(school: SchoolSelection, subjectOfferingId: string, options?: EducationRequestOptions): Promise<EduvResponse<SubjectOffering>>;
}

/** The school parameters of endpoints without `filterByOrgId` (`…/{id}`, `/organisations`). */
function schoolIdQuery(school: SchoolSelection): Omit<SchoolQuery, 'filterByOrgId'> {
  const { filterByOrgId: _dropped, ...query } = schoolQuery(school);
  return query;
}

/** Client for the calling role (afnemer) of the Education API. */
export function createEducationClient(options: ApiClientOptions): EducationClient {
  const methods = createEducationMethods(options);
  return {
    listOrganisations(selection, filters = {}, request = {}) {
      const query = isBoardSelection(selection) ? boardQuery(selection) : schoolIdQuery(selection);
      return methods.listOrganisations({ ...query, ...filters }, request);
    },
    listStudyOfferings: (school, filters = {}, request = {}) => methods.listStudyOfferings({ ...schoolQuery(school), ...filters }, request),
    getStudyOffering: (school, id, request = {}) => methods.getStudyOffering({ ...request, path: { id }, query: schoolIdQuery(school) }),
    listSubjectOfferings: (school, filters = {}, request = {}) => methods.listSubjectOfferings({ ...schoolQuery(school), ...filters }, request),
    getSubjectOffering: (school, id, request = {}) => methods.getSubjectOffering({ ...request, path: { id }, query: schoolIdQuery(school) }),
  };
}
