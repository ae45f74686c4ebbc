import { EduvStatus } from '@eduvkit/core';
import { describeIssues, jsonResponse, statusResponse } from '@eduvkit/core/server';
import { EmployeeSchema } from '@eduvkit/employees';
import { StudentSchema } from '@eduvkit/students';
import { z } from 'zod';
import { MOCK_SERVER_VERSION } from '../mock-handler';
import { WorldChangeError, type WorldEditor } from '../world-changes/world-editor';
import { decodePathSegment } from './path-segment';

const StudentChanges = z.strictObject(StudentSchema.shape).partial();
const EmployeeChanges = z.strictObject(EmployeeSchema.shape).partial();
const Move = z.strictObject({ toOrgMasterId: z.string().min(1) });
const Import = z.strictObject({ count: z.int().min(1).max(10_000) });
const GroupChange = z.strictObject({ groupName: z.string().min(1) });

class BodyError extends Error {}

async function body<T>(request: Request, schema: z.ZodType<T>, optional = false): Promise<T> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim()) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new BodyError('Schema incorrect: the request body is not valid JSON');
    }
  } else if (!optional) {
    throw new BodyError('Schema incorrect: the request body is required');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new BodyError(`Schema incorrect: ${describeIssues('body field', result.error.issues)}`);
  return result.data;
}

/** The route's captures, decoded: the school, then the student, employee or group id ('' where the route has none). */
type Handler = (editor: WorldEditor, params: readonly [school: string, key: string], request: Request) => Promise<Response>;

const ok = (status: number, value?: unknown) => (value === undefined ? new Response(null, { status }) : jsonResponse(MOCK_SERVER_VERSION, status, value));

const ROUTES: [string, RegExp, Handler][] = [
  [
    'POST',
    /^\/_admin\/schools\/([^/]+)\/students$/,
    async (editor, [school], request) => ok(201, { student: editor.addStudent(school, await body(request, StudentChanges, true)) }),
  ],
  [
    'POST',
    /^\/_admin\/schools\/([^/]+)\/students\/import$/,
    async (editor, [school], request) => {
      const { count } = await body(request, Import);
      return ok(201, { added: editor.importStudents(school, count).length });
    },
  ],
  [
    'PATCH',
    /^\/_admin\/schools\/([^/]+)\/students\/([^/]+)$/,
    async (editor, [school, key], request) => ok(200, { student: editor.changeStudent(school, key, await body(request, StudentChanges)) }),
  ],
  [
    'POST',
    /^\/_admin\/schools\/([^/]+)\/students\/([^/]+)\/move$/,
    async (editor, [school, key], request) => ok(200, { student: editor.moveStudent(school, key, (await body(request, Move)).toOrgMasterId) }),
  ],
  [
    'DELETE',
    /^\/_admin\/schools\/([^/]+)\/students\/([^/]+)$/,
    async (editor, [school, key]) => {
      editor.deleteStudent(school, key);
      return ok(204);
    },
  ],
  [
    'POST',
    /^\/_admin\/schools\/([^/]+)\/employees$/,
    async (editor, [school], request) => ok(201, { employee: editor.addEmployee(school, await body(request, EmployeeChanges, true)) }),
  ],
  [
    'PATCH',
    /^\/_admin\/schools\/([^/]+)\/employees\/([^/]+)$/,
    async (editor, [school, key], request) => ok(200, { employee: editor.changeEmployee(school, key, await body(request, EmployeeChanges)) }),
  ],
  [
    'DELETE',
    /^\/_admin\/schools\/([^/]+)\/employees\/([^/]+)$/,
    async (editor, [school, key]) => {
      editor.deleteEmployee(school, key);
      return ok(204);
    },
  ],
  [
    'PATCH',
    /^\/_admin\/schools\/([^/]+)\/groups\/([^/]+)$/,
    async (editor, [school, groupId], request) => {
      editor.renameGroup(school, groupId, (await body(request, GroupChange)).groupName);
      return ok(204);
    },
  ],
  [
    'POST',
    /^\/_admin\/reset$/,
    async (editor) => {
      editor.reset();
      return ok(204);
    },
  ],
];

/**
 * `/_admin/schools/...` and `/_admin/reset`: change the world as a school administration would.
 * Every change becomes notifications. Local development only: these routes take no token.
 */
export function createWorldRoutes(editor: WorldEditor) {
  return async (request: Request): Promise<Response | undefined> => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith('/_admin/schools/') && pathname !== '/_admin/reset') return undefined;
    let allowed = false;
    for (const [method, pattern, handler] of ROUTES) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      allowed = true;
      if (method !== request.method) continue;
      try {
        const school = decodePathSegment(match[1] ?? '', 'orgMasterId');
        if (school instanceof Response) return school;
        const key = decodePathSegment(match[2] ?? '', 'id');
        if (key instanceof Response) return key;
        return await handler(editor, [school, key], request);
      } catch (error) {
        if (error instanceof BodyError) return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, error.message);
        if (error instanceof WorldChangeError) return statusResponse(MOCK_SERVER_VERSION, error.httpStatus, EduvStatus.Other, error.message);
        throw error;
      }
    }
    return allowed
      ? statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, `method ${request.method} not allowed here`)
      : statusResponse(MOCK_SERVER_VERSION, 404, EduvStatus.Other, `no admin route ${pathname.slice(0, 200)}`);
  };
}
