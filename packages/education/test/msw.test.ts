import { EduvApiError, EduvConfigError, EduvValidationError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEducationClient, type BoardSelection } from '../src/index';
import { createEducationWorld } from '../src/fixtures/index';
import { DEFAULT_EDUCATION_BASE_URL, educationHandlers, educationOverride } from '../src/msw/index';

// A consumer's test: the supplier's code under test talks to "the bron", MSW answers.
const server = setupServer(...educationHandlers({ seed: 5 }));
const world = createEducationWorld({ seed: 5 });
const po = world.schools[0]!;
const vo = world.schools[2]!;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the client waited before each retry (the test does not really wait). */
const slept: number[] = [];
const client = createEducationClient({
  baseUrl: DEFAULT_EDUCATION_BASE_URL,
  tokenProvider: staticToken('test-token'),
  validation: 'strict',
  retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void slept.push(ms) },
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (caught: unknown) => caught,
  );
}

describe('Education MSW handlers: organisations', () => {
  it('answer for one school, by primary or secondary id', async () => {
    const { data, apiVersion } = await client.listOrganisations({ orgMasterId: vo.orgMasterId });
    expect(apiVersion).toBe('1.1.1');
    expect(data).toEqual([world.organisations.get(vo.orgMasterId)]);
    const bySecondary = await client.listOrganisations({ orgId: vo.brin, orgIdType: 'OIE_CODE', filterByOrgId: true });
    expect(bySecondary.data).toEqual(data);
    const byLocation = await client.listOrganisations({ orgId: po.locations[0]!.vestigingId, orgIdType: 'V_ID' });
    expect(byLocation.data.map((organisation) => organisation.organisationMasterIdentifier)).toEqual([po.orgMasterId]);
  });

  it('answer for a whole board, by OnderwijsbestuurId or BGE code, optionally narrowed by name', async () => {
    const everyOrganisation = world.schools.map((school) => world.organisations.get(school.orgMasterId));
    const byMaster = await client.listOrganisations({ boardMasterId: world.boardMasterId });
    expect(byMaster.data).toEqual(everyOrganisation);
    const byCode = await client.listOrganisations({ boardId: world.board.organisationId, boardIdType: 'BGE_CODE' });
    expect(byCode.data).toEqual(everyOrganisation);
    const named = await client.listOrganisations({ boardMasterId: world.boardMasterId }, { name: vo.name.toUpperCase() });
    expect(named.data.map((organisation) => organisation.name)).toEqual([vo.name]);
    const none = await client.listOrganisations({ orgMasterId: po.orgMasterId }, { name: 'Geen School' });
    expect(none.data).toEqual([]);
  });

  it('refuse an unknown board with 400 / 0023', async () => {
    const error = await failure(client.listOrganisations({ boardMasterId: '100B000' }));
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatusCode: '0023' });
  });

  it('check a board selection before sending it (thrown like an invalid school selection)', () => {
    const bad = { boardId: '12345', boardIdType: 'BRIN' } as unknown as BoardSelection;
    expect(() => client.listOrganisations(bad)).toThrow(EduvConfigError);
    const both = { boardMasterId: '100B000', boardId: '12345', boardIdType: 'BGE_CODE' } as unknown as BoardSelection;
    expect(() => client.listOrganisations(both)).toThrow(EduvConfigError);
  });
});

describe('Education MSW handlers: study offerings', () => {
  const studies = world.studyOfferings.get(vo.orgMasterId)!;

  it('list the catalogue of the school, filtered by study code or school period', async () => {
    const { data } = await client.listStudyOfferings({ orgMasterId: vo.orgMasterId });
    expect(data).toEqual(studies);
    const havo4 = await client.listStudyOfferings({ orgMasterId: vo.orgMasterId }, { studyCode: '0024' });
    expect(havo4.data.map((offering) => offering.studyOfferingName)).toEqual(['havo 4']);
    const term = vo.catalogue.periods.find((period) => period.type === 'term')!;
    for (const schoolPeriodId of ['2024-2025', '2025-2026', term.id]) {
      expect((await client.listStudyOfferings({ orgMasterId: vo.orgMasterId }, { schoolPeriodId })).data).toEqual(studies);
    }
    // Offerings belong to the whole school: a vestiging's V_ID (po default filterByOrgId true) gets all of them.
    const byLocation = await client.listStudyOfferings({ orgId: po.locations[0]!.vestigingId, orgIdType: 'V_ID' });
    expect(byLocation.data).toEqual(world.studyOfferings.get(po.orgMasterId));
  });

  it('refuse an unknown school period with 400 / 2008', async () => {
    const error = await failure(client.listStudyOfferings({ orgMasterId: vo.orgMasterId }, { schoolPeriodId: '2019-2020' }));
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 2008, eduvStatusCode: '2008' });
  });

  it('get one by id, and answer an unknown id with 404 / 2003', async () => {
    const { data } = await client.getStudyOffering({ orgMasterId: vo.orgMasterId }, studies[3]!.studyOfferingId);
    expect(data).toEqual(studies[3]);
    // An id of another school is unknown at this one.
    const other = world.studyOfferings.get(po.orgMasterId)![0]!.studyOfferingId;
    const error = await failure(client.getStudyOffering({ orgMasterId: vo.orgMasterId }, other));
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 404, eduvStatus: 2003, eduvStatusCode: '2003' });
  });
});

describe('Education MSW handlers: subject offerings', () => {
  const studies = world.studyOfferings.get(vo.orgMasterId)!;
  const subjects = world.subjectOfferings.get(vo.orgMasterId)!;

  it('list the subjects of the school, filtered by study offering, subject code or school period', async () => {
    expect((await client.listSubjectOfferings({ orgMasterId: vo.orgMasterId })).data).toEqual(subjects);
    expect((await client.listSubjectOfferings({ orgMasterId: po.orgMasterId })).data).toEqual([]);
    const havo4 = studies.find((offering) => offering.studyOfferingName === 'havo 4')!;
    const ofHavo4 = await client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { studyOfferingId: havo4.studyOfferingId });
    expect(ofHavo4.data.length).toBeGreaterThan(0);
    expect(ofHavo4.data.every((subject) => subject.studyOfferings?.includes(havo4.studyOfferingId))).toBe(true);
    expect(ofHavo4.data.map((subject) => subject.subjectOfferingName)).toContain('Nederlands havo 4');
    const dutch = await client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { subjectCode: 'ne', studyOfferingId: havo4.studyOfferingId });
    expect(dutch.data.map((subject) => subject.subjectOfferingName)).toEqual(['Nederlands havo 4']);
    expect((await client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { schoolPeriodId: '2025-2026' })).data).toEqual(subjects);
  });

  it('refuse an unknown study offering with 400 / 2003 and an unknown school period with 400 / 2008', async () => {
    const unknownStudy = await failure(client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { studyOfferingId: 'no-such-offering' }));
    expect(unknownStudy).toMatchObject({ httpStatus: 400, eduvStatusCode: '2003' });
    const unknownPeriod = await failure(client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { schoolPeriodId: '1999-2000' }));
    expect(unknownPeriod).toMatchObject({ httpStatus: 400, eduvStatusCode: '2008' });
    // A value that is no schoolPeriodId at all is malformed input, not an unknown period.
    const malformed = await failure(client.listSubjectOfferings({ orgMasterId: vo.orgMasterId }, { schoolPeriodId: 'nope' }));
    expect(malformed).toMatchObject({ httpStatus: 400, eduvStatusCode: '0011', statusMessage: expect.stringContaining('schoolPeriodId') });
  });

  it('get one by id, and answer an unknown id with 404 / 2005', async () => {
    const { data } = await client.getSubjectOffering({ orgId: vo.brin, orgIdType: 'OIE_CODE' }, subjects[7]!.subjectOfferingId);
    expect(data).toEqual(subjects[7]);
    const error = await failure(client.getSubjectOffering({ orgMasterId: vo.orgMasterId }, 'no-such-subject'));
    expect(error).toMatchObject({ httpStatus: 404, eduvStatus: 2005, eduvStatusCode: '2005' });
  });
});

describe('Education MSW handlers: request checks and overrides', () => {
  it('validate requests like the mock server: a bad orgIdType is 400 / 0011', async () => {
    const response = await fetch(`${DEFAULT_EDUCATION_BASE_URL}/studyofferings/school?orgId=x&orgIdType=nope`, { headers: { authorization: 'Bearer t' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });
  });

  it('let a test make one call fail with 503 + Retry-After, which the client honours before retrying', async () => {
    slept.length = 0;
    server.use(educationOverride('listStudyOfferingsForSchool', { status: 503, headers: { 'Retry-After': '3' }, once: true }));
    const { data } = await client.listStudyOfferings({ orgMasterId: vo.orgMasterId });
    expect(data.length).toBeGreaterThan(0);
    expect(slept).toEqual([3_000]);
  });

  it('let a test simulate a missing consent', async () => {
    server.use(educationOverride('listOrganisations', { status: 403 }));
    const error = await failure(client.listOrganisations({ boardMasterId: world.boardMasterId }));
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22, eduvStatusCode: '0022' });
  });

  it('let a test serve a malformed body, which strict validation reports field by field', async () => {
    server.use(
      educationOverride('getSubjectOffering', {
        status: 200,
        body: { subjectOfferingId: 'x', subjectOfferingName: 'Nederlands', status: 'gone', dateCreated: 'yesterday' },
      }),
    );
    const error = await failure(client.getSubjectOffering({ orgMasterId: vo.orgMasterId }, 'x'));
    expect(error).toBeInstanceOf(EduvValidationError);
    const paths = (error as EduvValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$.status', '$.dateCreated', '$.dateLastModified']));
  });
});
