import type { OperationDefinition } from '@eduvkit/core';
import { BronError, type CallerContext } from '@eduvkit/core/server';
import { describe, expect, it } from 'vitest';
import { createEducationBron, createInMemoryEducationSource, educationApi, type EducationBronOptions } from '../src/index';
import { createEducationWorld, type EducationWorld } from '../src/fixtures/index';

// A supplier's view: the bron is a function from a Fetch API Request to a Response.
const world = createEducationWorld({ seed: 11 });
const [poA, poB, vo] = world.schools as [EducationWorld['schools'][number], EducationWorld['schools'][number], EducationWorld['schools'][number]];
const BASE = 'https://las.example.nl/education-api/v1';

function bronWith(options: EducationBronOptions<EducationWorld['schools'][number]> = {}) {
  return createEducationBron(createInMemoryEducationSource(world.schools, world), { dangerouslyAcceptAnyToken: true, ...options });
}

async function call(path: string, init: { token?: string | null; options?: EducationBronOptions<EducationWorld['schools'][number]> } = {}) {
  const headers: Record<string, string> = init.token === null ? {} : { authorization: `Bearer ${init.token ?? 'token'}` };
  const response = await bronWith(init.options).handle(new Request(`${BASE}${path}`, { headers }));
  expect(response).toBeDefined();
  const body: unknown = await response!.json();
  return { status: response!.status, apiVersion: response!.headers.get('api-version'), body: body as Record<string, unknown> & unknown[] };
}

describe('createEducationBron over raw requests', () => {
  it('answers only under its base path, with API-Version on every answer', async () => {
    const bron = bronWith();
    expect(await bron.handle(new Request('https://las.example.nl/students-api/v1/students/school'))).toBeUndefined();
    const ok = await call(`/organisations?orgMasterId=${vo.orgMasterId}`);
    expect(ok.status).toBe(200);
    expect(ok.apiVersion).toBe('1.1.1');
    expect(ok.body).toEqual([world.organisations.get(vo.orgMasterId)]);
  });

  it('refuses a request without a bearer token with 401', async () => {
    for (const path of [`/organisations?boardMasterId=${world.boardMasterId}`, `/studyofferings/school?orgMasterId=${vo.orgMasterId}`]) {
      const { status, body } = await call(path, { token: null });
      expect(status).toBe(401);
      expect(body).toMatchObject({ status: 99, statusMessage: expect.stringContaining('bearer') });
    }
  });

  it('needs a school or a board on /organisations: 400 / 0011 naming the fields', async () => {
    for (const query of ['', '?name=De%20Regenboog']) {
      const { status, body } = await call(`/organisations${query}`);
      expect(status).toBe(400);
      expect(body.status).toBe(11);
      for (const field of ['orgMasterId', 'orgId', 'orgIdType', 'boardMasterId', 'boardId', 'boardIdType']) expect(body.statusMessage).toContain(field);
    }
    const both = await call(`/organisations?orgMasterId=${vo.orgMasterId}&boardMasterId=${world.boardMasterId}`);
    expect(both).toMatchObject({ status: 400, body: { status: 11, statusMessage: expect.stringContaining('boardMasterId') } });
  });

  it('checks the board parameters field by field', async () => {
    const cases: [string, string][] = [
      [`boardId=${world.board.organisationId}`, 'boardIdType is required with boardId'],
      ['boardIdType=BGE_CODE', 'boardId is required with boardIdType'],
      [`boardMasterId=${world.boardMasterId}&boardId=1`, 'boardMasterId cannot be combined'],
      [`boardId=${world.board.organisationId}&boardIdType=OIE_CODE`, 'boardIdType'],
      ['orgId=x', 'orgIdType is required with orgId'],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await call(`/organisations?${query}`);
      expect(status, query).toBe(400);
      expect(body.status, query).toBe(11);
      expect(body.statusMessage, query).toContain(message);
    }
  });

  it('answers an unknown board with 400 / 0023 and an unknown school with 400 / 2001 School unknown', async () => {
    const board = await call('/organisations?boardId=00000&boardIdType=BGE_CODE');
    expect(board).toMatchObject({ status: 400, body: { status: 23, statusMessage: expect.stringContaining('board') } });
    expect((await call('/organisations?boardMasterId=100B000')).body.status).toBe(23);
    expect(await call('/organisations?orgMasterId=999Z999')).toMatchObject({
      status: 400,
      body: { status: 2001, statusMessage: expect.stringContaining('School unknown') },
    });
    expect((await call('/subjectofferings/school?orgId=00XX&orgIdType=OIE_CODE')).body.status).toBe(2001);
  });

  it('answers the business refusals of the offerings endpoints', async () => {
    expect(await call(`/studyofferings/school/nope?orgMasterId=${vo.orgMasterId}`)).toMatchObject({ status: 404, body: { status: 2003 } });
    expect(await call(`/subjectofferings/school/nope?orgMasterId=${vo.orgMasterId}`)).toMatchObject({ status: 404, body: { status: 2005 } });
    expect(await call(`/studyofferings/school?orgMasterId=${vo.orgMasterId}&schoolPeriodId=2030-2031`)).toMatchObject({ status: 400, body: { status: 2008 } });
    expect(await call(`/subjectofferings/school?orgMasterId=${vo.orgMasterId}&studyOfferingId=nope`)).toMatchObject({ status: 400, body: { status: 2003 } });
    // The by-id endpoints need the school too.
    const id = world.studyOfferings.get(vo.orgMasterId)![0]!.studyOfferingId;
    expect(await call(`/studyofferings/school/${id}`)).toMatchObject({ status: 400, body: { status: 11 } });
    expect((await call(`/studyofferings/school/${id}?orgMasterId=${vo.orgMasterId}`)).body).toEqual(world.studyOfferings.get(vo.orgMasterId)![0]);
  });

  it('applies consent to /organisations: a school without it is 403, a board shows only the schools with it', async () => {
    const authorized: string[] = [];
    const options: EducationBronOptions<EducationWorld['schools'][number]> = {
      authenticate: (): CallerContext => ({ clientId: 'client-1', scopes: new Set(['eduv.education']) }),
      authorize: (_caller, school, operation: OperationDefinition, registry) => {
        expect(registry).toBe(educationApi);
        authorized.push(`${operation.operationId}:${school.school.orgMasterId}`);
        if (school.school.orgMasterId === poB.orgMasterId) throw BronError.consentRequired();
      },
    };
    expect(await call(`/organisations?orgMasterId=${poB.orgMasterId}`, { options })).toMatchObject({ status: 403, body: { status: 22 } });
    const board = await call(`/organisations?boardMasterId=${world.boardMasterId}`, { options });
    expect(board.status).toBe(200);
    expect(board.body.map((organisation) => (organisation as { organisationMasterIdentifier: string }).organisationMasterIdentifier)).toEqual([
      poA.orgMasterId,
      vo.orgMasterId,
    ]);
    expect(authorized).toContain(`listOrganisations:${vo.orgMasterId}`);
    // The other operations get the check from the bron helpers.
    expect(await call(`/studyofferings/school?orgMasterId=${poB.orgMasterId}`, { options })).toMatchObject({ status: 403, body: { status: 22 } });

    const nobody: typeof options = {
      ...options,
      authorize: () => {
        throw BronError.consentRequired();
      },
    };
    expect(await call(`/organisations?boardMasterId=${world.boardMasterId}`, { options: nobody })).toMatchObject({ status: 403, body: { status: 22 } });
  });

  it('checks consent on every /organisations request, also for a question answered before (sync and async authorize)', async () => {
    for (const wrap of [(check: () => void) => check, (check: () => void) => async () => check()]) {
      let allowed = true;
      const bron = bronWith({
        authenticate: (): CallerContext => ({ clientId: 'client-1', scopes: new Set(['eduv.education']) }),
        authorize: wrap(() => {
          if (!allowed) throw BronError.consentRequired();
        }),
      });
      const ask = async () =>
        (await bron.handle(new Request(`${BASE}/organisations?orgMasterId=${vo.orgMasterId}`, { headers: { authorization: 'Bearer t' } })))!;
      expect((await ask()).status).toBe(200);
      expect((await ask()).status).toBe(200);
      allowed = false;
      expect(await (await ask()).json()).toMatchObject({ status: 22 });
      allowed = true;
      expect(await (await ask()).json()).toEqual([world.organisations.get(vo.orgMasterId)]);
    }
  });

  it('asks a school resolver function again for every request (its answer may change)', async () => {
    const inMemory = createInMemoryEducationSource(world.schools, world);
    let known = true;
    const bron = createEducationBron(
      {
        ...inMemory,
        schools: (selection) =>
          known && 'orgMasterId' in selection && selection.orgMasterId === vo.orgMasterId ? { school: vo, filterByOrgId: false } : undefined,
      },
      { dangerouslyAcceptAnyToken: true },
    );
    const ask = async () =>
      (await bron.handle(new Request(`${BASE}/organisations?orgMasterId=${vo.orgMasterId}`, { headers: { authorization: 'Bearer t' } })))!.status;
    expect(await ask()).toBe(200);
    known = false;
    expect(await ask()).toBe(400);
  });

  it('requires the eduv.education scope', async () => {
    const options = { authenticate: (): CallerContext => ({ clientId: 'client-1', scopes: new Set(['eduv.student.basic']) }) };
    expect(await call(`/organisations?orgMasterId=${vo.orgMasterId}`, { options })).toMatchObject({ status: 401, body: { status: 21 } });
  });

  it('works over a data source with a school resolver function', async () => {
    const inMemory = createInMemoryEducationSource(world.schools, world);
    const bron = createEducationBron(
      {
        ...inMemory,
        schools: (selection) => ('orgMasterId' in selection && selection.orgMasterId === 'ALIAS' ? { school: vo, filterByOrgId: false } : undefined),
      },
      { dangerouslyAcceptAnyToken: true },
    );
    const response = await bron.handle(new Request(`${BASE}/organisations?orgMasterId=ALIAS`, { headers: { authorization: 'Bearer t' } }));
    expect(await response!.json()).toEqual([world.organisations.get(vo.orgMasterId)]);
    const unknown = await bron.handle(new Request(`${BASE}/organisations?orgMasterId=${vo.orgMasterId}`, { headers: { authorization: 'Bearer t' } }));
    expect(unknown!.status).toBe(400);
  });

  it('gives the same unfiltered organisation list for the same schools, so cached answers can be reused; a name filter gets its own', () => {
    const source = createInMemoryEducationSource(world.schools, world);
    const selected = [{ school: vo, filterByOrgId: false }];
    const first = source.listOrganisations(selected, {});
    expect(source.listOrganisations(selected, {})).toBe(first);
    expect(first).toEqual([world.organisations.get(vo.orgMasterId)]);
    const named = source.listOrganisations(selected, { name: world.organisations.get(vo.orgMasterId)!.name });
    expect(named).toEqual(first);
    expect(named).not.toBe(first);
    expect(source.listOrganisations(selected, { name: 'no such school' })).toEqual([]);
  });
});
