// A test afnemer of the Notifications API, run by the conformance tests as `-- <command>`: it
// subscribes to the Students API, catches up with GET /notifications and fetches every notified
// student. The one defect, 'never-fetches', reads the notifications and leaves the objects alone.
import process from 'node:process';
import { URL } from 'node:url';
import { createCarefulClient, env } from './careful-client.mjs';

const defect = process.argv[2] ?? 'none';
if (!['none', 'never-fetches'].includes(defect)) throw new Error(`unknown defect ${defect}`);
const baseUrl = env('EDUVKIT_BASE_URL');
const students = `${new URL(baseUrl).origin}/students-api/v1`;
const { call } = createCarefulClient(defect);

const subscribed = await call(`${baseUrl}/subscribe/students-api`, { method: 'POST' });
await subscribed.text();
process.stdout.write(`subscribe: HTTP ${subscribed.status}\n`);
/** @type {{ objectType: string, objectId?: string, created: string, isDeleteNotification?: boolean, school?: { organisationMasterIdentifier: string } }[]} */
const notifications = await (await call(`${baseUrl}/notifications`)).json();
process.stdout.write(`${notifications.length} notification(s)\n`);
for (const notification of notifications) {
  if (defect === 'never-fetches' || notification.objectType !== 'Student' || notification.isDeleteNotification || !notification.objectId) continue;
  const body = JSON.stringify({ school: notification.school, student: { userMasterIdentifier: notification.objectId } });
  const fetched = await call(`${students}/students`, { method: 'POST', body });
  await fetched.text();
  process.stdout.write(`student ${notification.objectId}: HTTP ${fetched.status}\n`);
}
const since = notifications.at(-1)?.created;
const later = await call(`${baseUrl}/notifications${since ? `?since=${encodeURIComponent(since)}` : ''}`);
await later.text();
process.stdout.write(`catch-up again: HTTP ${later.status}\n`);
const refused = await call(`${students}/students/school?orgMasterId=${encodeURIComponent(env('EDUVKIT_SCHOOL_NO_CONSENT'))}`);
await refused.text();
process.stdout.write(`school without consent: HTTP ${refused.status}\n`);
