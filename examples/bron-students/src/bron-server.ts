import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { HttpStatus } from '@eduvkit/core';
import { createStudentsBron } from '@eduvkit/students';
import { schools, studentsOf } from './administration';

/** The whole bron: protocol from eduvkit, data from the administration. */
export const studentsBron = createStudentsBron({
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
});

/** Mounts the bron on node:http; any framework with Fetch API requests works the same way. */
export function createBronServer(): Server {
  return createServer(async (incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const request = new Request(`http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
      method,
      headers: incoming.headers as Record<string, string>,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' }),
    } as RequestInit);
    const response = (await studentsBron.handle(request)) ?? new Response('not found', { status: HttpStatus.NotFound });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
}
