import { EduvApiError } from '@eduvkit/core';
import { createAssociationClient } from '@eduvkit/association';
import { createConsentClient } from '@eduvkit/consent';
import { createEducationClient } from '@eduvkit/education';
import { createEmployeesClient } from '@eduvkit/employees';
import { createStudentsClient } from '@eduvkit/students';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoTokenProvider } from './support/token-provider';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 21 });
});
afterAll(() => server.close());

describe('an afnemer with its own key, end to end against the mock', () => {
  it('reads students, staff and the catalogue of a school with consent, all through eduvkit clients', async () => {
    const tokenProvider = demoTokenProvider(server, 'demo-bestelomgeving');
    const options = { tokenProvider, validation: 'strict' as const, retry: false as const };
    const school = { orgMasterId: server.world.schools[2]!.orgMasterId };
    const students = createStudentsClient({ ...options, baseUrl: `${server.url}/students-api/v1` });
    const employees = createEmployeesClient({ ...options, baseUrl: `${server.url}/employees-api/v1` });
    const education = createEducationClient({ ...options, baseUrl: `${server.url}/education-api/v1` });

    const [studentList, staff, offerings] = await Promise.all([
      students.listForSchool(school),
      employees.listForSchool(school),
      education.listStudyOfferings(school),
    ]);
    expect(studentList.data).toHaveLength(server.world.students.get(school.orgMasterId)!.length);
    expect(staff.data).toHaveLength(server.world.employees.get(school.orgMasterId)!.length);
    expect(offerings.data.map((offering) => offering.studyOfferingId).sort()).toEqual(
      server.world.schools[2]!.catalogue.studyOfferings.map((offering) => offering.id).sort(),
    );
    expect([studentList.apiVersion, staff.apiVersion, offerings.apiVersion]).toEqual(['1.1.0', '1.1.0', '1.1.1']);
    await tokenProvider.close();
  });

  it('reads groups, enrollments and assignments that point at the students and staff it read', async () => {
    const tokenProvider = demoTokenProvider(server, 'demo-bestelomgeving');
    const options = { tokenProvider, validation: 'strict' as const, retry: false as const };
    const school = { orgMasterId: server.world.schools[0]!.orgMasterId };
    const association = createAssociationClient({ ...options, baseUrl: `${server.url}/association-api/v1` });
    const students = createStudentsClient({ ...options, baseUrl: `${server.url}/students-api/v1` });
    const [{ data: groups }, { data: enrollments }, { data: studentList }] = await Promise.all([
      association.listGroups(school),
      association.listEnrollments(school),
      students.listForSchool(school),
    ]);
    const eckIds = new Set(studentList.map((student) => student.userMasterIdentifier));
    expect(groups.length).toBeGreaterThan(0);
    expect(enrollments.every((enrollment) => !enrollment.student.userMasterIdentifier || eckIds.has(enrollment.student.userMasterIdentifier))).toBe(true);
    const group = await association.getGroup(school, groups[0]!.groupId);
    expect(group.data.groupName).toBe(groups[0]!.groupName);
    await tokenProvider.close();
  });

  it('asks for consent through the Consent API, and the school sees the request', async () => {
    const tokenProvider = demoTokenProvider(server, 'demo-toetssysteem');
    const consent = createConsentClient({ baseUrl: `${server.url}/consent-api/v0`, tokenProvider, validation: 'strict', retry: false });
    const school = server.world.schools[2]!;
    const consumerReferenceId = '0b6f4f4e-5b0c-4c56-9d1b-1f2d3c4b5a69';
    const sent = await consent.sendRequest({
      consumerReferenceId,
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'students-api',
      scopes: ['eduv.student.basic'],
    });
    expect(sent.httpStatus).toBe(202);
    const { data: statuses } = await consent.listStatuses({ api: 'students-api' });
    expect(statuses).toContainEqual(expect.objectContaining({ consumerReferenceId, providerStatus: 'requested' }));
    const page = await (await fetch(`${server.url}/_admin/consent`)).text();
    expect(page).toContain(`data-testid="state-${school.orgMasterId}-demo-toetssysteem-students-api" class="requested">requested`);
    server.consent.activate({ clientId: 'demo-toetssysteem', orgMasterId: school.orgMasterId, api: 'students-api' });
    const { data: granted } = await consent.listStatuses({ api: 'students-api' });
    expect(granted).toContainEqual(expect.objectContaining({ consumerReferenceId, providerStatus: 'granted' }));
    server.consent.deactivate({ clientId: 'demo-toetssysteem', orgMasterId: school.orgMasterId, api: 'students-api' });
    await tokenProvider.close();
  });

  it('shares one token request among 50 concurrent calls', async () => {
    const tokenProvider = demoTokenProvider(server, 'demo-bestelomgeving');
    const students = createStudentsClient({ baseUrl: `${server.url}/students-api/v1`, tokenProvider, validation: 'off' });
    const before = server.authorizationServer.stats.tokenRequests;
    const school = { orgMasterId: server.world.schools[0]!.orgMasterId };
    const answers = await Promise.all(Array.from({ length: 50 }, () => students.listForSchool(school)));
    expect(answers.every((answer) => answer.httpStatus === 200)).toBe(true);
    expect(server.authorizationServer.stats.tokenRequests - before).toBe(1);
    await tokenProvider.close();
  });

  it('reads students only while the school keeps the exchange active', async () => {
    const tokenProvider = demoTokenProvider(server, 'demo-toetssysteem');
    const students = createStudentsClient({ baseUrl: `${server.url}/students-api/v1`, tokenProvider, retry: false });
    const school = server.world.schools[1]!;
    const key = { clientId: 'demo-toetssysteem', orgMasterId: school.orgMasterId, api: 'students-api' };
    await expect(students.listForSchool({ orgMasterId: school.orgMasterId })).rejects.toMatchObject({ httpStatus: 403, eduvStatusCode: '0022' });
    server.consent.activate(key);
    expect((await students.listForSchool({ orgMasterId: school.orgMasterId })).httpStatus).toBe(200);
    server.consent.deactivate(key);
    const error = await students.listForSchool({ orgMasterId: school.orgMasterId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22 });
    await tokenProvider.close();
  });
});
