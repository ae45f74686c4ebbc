import { createAccessTokenVerifier } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { createStudentsBron, studentsApi, type Student } from '@eduvkit/students';
import type { SchoolRecord } from '@eduvkit/core';
import { createRemoteJWKSet } from 'jose';

/** The LAS's one school and its pupils, as the LAS keeps them (its own field names). */
const school: SchoolRecord = { orgMasterId: '145L771', name: 'IKC De Lijster', sector: 'po', ids: [{ id: '45LL', type: 'OIE_CODE' }] };

const pupils = [
  { eckId: `https://ketenid.nl/201703/${'d4'.repeat(64)}`, nummer: '3001', roepnaam: 'Noor', achternaam: 'Visser' },
  { eckId: `https://ketenid.nl/201703/${'e5'.repeat(64)}`, nummer: '3002', roepnaam: 'Daan', tussenvoegsel: 'de', achternaam: 'Jong' },
];

const students: Student[] = pupils.map((pupil) => ({
  userMasterIdentifier: pupil.eckId,
  userIds: [{ userId: `${pupil.nummer}@1.delijster.example.nl`, userIdType: 'NEPPI' }],
  givenName: pupil.roepnaam,
  ...(pupil.tussenvoegsel ? { familyNamePrefix: pupil.tussenvoegsel } : {}),
  familyName: pupil.achternaam,
}));

export const LAS_SCHOOL = school;

/**
 * The LAS as a Students bron on `@eduvkit/core/server/node`: answers go from the bron to the socket
 * without Fetch objects, and only access tokens of the authorization server the afsprakenstelsel
 * appoints (here the mock's, at `issuer`) get in. The mapping of a LAS's own records is the same
 * as in examples/bron-students.
 */
export function serveLasBron(options: { issuer: string; port?: number }): Promise<NodeServer> {
  const bron = createStudentsBron(
    {
      schools: [school],
      listStudents: () => students,
      findStudent: (_school, reference) => students.find((student) => student.userMasterIdentifier === reference.userMasterIdentifier),
    },
    { authenticate: createAccessTokenVerifier({ issuer: options.issuer, keys: createRemoteJWKSet(new URL(`${options.issuer}/oauth2/jwks`)) }) },
  );
  return serveNode((request) => bron.answer(request), { apiVersion: studentsApi.version, port: options.port ?? 0 });
}
