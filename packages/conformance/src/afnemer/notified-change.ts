import type { MockApp } from '@eduvkit/mock-server';
import { operationOf } from './afnemer-run';
import type { TrafficEntry } from './traffic';

// Pushes to the client would need its own receive endpoint; the kit judges its catch-up reads
// instead, so the callback on file (which subscribing needs) points at a port nothing listens on.
const NO_RECEIVER = 'http://127.0.0.1:9/notifications-api/v0';

/**
 * For a Notifications afnemer: once the command has subscribed to the Students API, one student of
 * its school changes, so GET /notifications has something to tell and the client something to fetch.
 */
export function notifiedChange(app: MockApp, clientId: string, school: string): (entry: TrafficEntry) => void {
  app.notifications.setCallbackUrl(clientId, NO_RECEIVER);
  let changed = false;
  return (entry) => {
    if (changed || entry.status >= 300 || operationOf(entry)?.operation.operationId !== 'subscribe' || !entry.url.pathname.endsWith('/subscribe/students-api'))
      return;
    const student = app.world.students.get(school)?.find((record) => record.student.userMasterIdentifier)?.student.userMasterIdentifier;
    if (!student) return;
    changed = true;
    app.editor.changeStudent(school, student, { preferredFirstName: 'Noor' });
  };
}
