import { associationApi } from '@eduvkit/association';
import { employeesApi } from '@eduvkit/employees';
import type { NotificationObjectType } from '@eduvkit/notifications';
import { studentsApi } from '@eduvkit/students';
import type { MockWorld } from '../world';

/** One data object that a mutation created, changed or deleted: what a notification describes. */
export interface ObjectChange {
  readonly api: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly orgMasterId: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** A bulk change of one API at one school (an import): consumers re-read rather than fetch objects. */
export interface BulkChange {
  readonly api: string;
  readonly orgMasterId: string;
}

type Snapshot = Map<string, { api: string; objectType: string; objectId: string; json: string }>;

function studentId(student: { userMasterIdentifier?: string; userIds?: readonly { userId: string }[] }): string {
  return student.userMasterIdentifier ?? student.userIds?.[0]?.userId ?? '';
}

/** Every data object of one school, keyed by API, type and id, with its JSON to compare. */
export function snapshotSchool(world: MockWorld, orgMasterId: string): Snapshot {
  const snapshot: Snapshot = new Map();
  // The object type is checked against the spec's (x-eduvkit-notifications) at compile time.
  const add = ({ api }: { api: string }, objectType: NotificationObjectType, objectId: string, value: unknown) =>
    snapshot.set(`${api}|${objectType}|${objectId}`, { api, objectType, objectId, json: JSON.stringify(value) });
  for (const { student } of world.students.get(orgMasterId) ?? []) add(studentsApi, 'Student', studentId(student), student);
  for (const { employee } of world.employees.get(orgMasterId) ?? []) add(employeesApi, 'Employee', employee.userIds[0]?.userId ?? '', employee);
  const association = world.association.get(orgMasterId);
  for (const group of association?.groups ?? []) add(associationApi, 'Group', group.groupId, group);
  for (const enrollment of association?.enrollments ?? []) add(associationApi, 'Enrollment', enrollment.enrollmentId, enrollment);
  for (const assignment of association?.assignments ?? []) add(associationApi, 'Assignment', assignment.assignmentId, assignment);
  return snapshot;
}

/** What differs between two snapshots of the same school. */
export function diffSnapshots(orgMasterId: string, before: Snapshot, after: Snapshot): ObjectChange[] {
  const changes: ObjectChange[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) changes.push({ api: now.api, objectType: now.objectType, objectId: now.objectId, orgMasterId, kind: 'created' });
    else if (then.json !== now.json) changes.push({ api: now.api, objectType: now.objectType, objectId: now.objectId, orgMasterId, kind: 'changed' });
  }
  for (const [key, then] of before) {
    if (!after.has(key)) changes.push({ api: then.api, objectType: then.objectType, objectId: then.objectId, orgMasterId, kind: 'deleted' });
  }
  return changes;
}
