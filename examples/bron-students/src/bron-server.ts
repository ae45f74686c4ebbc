import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { createStudentsBron, studentsApi } from '@eduvkit/students';
import { schools, studentsOf } from './administration';

/**
 * The whole bron: protocol from eduvkit, data from the administration. A local experiment: it
 * accepts any bearer token. A real bron verifies tokens with `authenticate` (see examples/sis-gegevens-delen).
 */
export const studentsBron = createStudentsBron(
  {
    schools,
    listStudents: (school, filters) => {
      // This administration keeps no enrollment history, so it ignores the period filters it cannot apply.
      void filters;
      return studentsOf(school.school.orgMasterId, school.unit);
    },
    findStudent: (school, reference) =>
      studentsOf(school.school.orgMasterId, undefined).find(
        (student) =>
          student.userMasterIdentifier === reference.userMasterIdentifier ||
          reference.userIds?.some((id) => student.userIds?.some((own) => own.userId === id.userId && own.userIdType === id.userIdType)),
      ),
  },
  { dangerouslyAcceptAnyToken: true },
);

/** Serves the bron with eduvkit's Node adapter (`@eduvkit/core/server/node`) on 127.0.0.1. */
export function serveBron(port = 0): Promise<NodeServer> {
  return serveNode((request) => studentsBron.answer(request), { apiVersion: studentsApi.version, port });
}
