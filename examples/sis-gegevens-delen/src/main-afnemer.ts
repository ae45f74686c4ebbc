import { followNotifications } from './follow-notifications';
import { syncSchool } from './school-copy';
import { DEMO_CLIENT_ID, demoTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-sis-gegevens-delen -- <orgMasterId>
const bronUrl = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const orgMasterId =
  process.argv[2] ?? ((await (await fetch(`${bronUrl}/_admin/world`)).json()) as { schools: { orgMasterId: string }[] }).schools[0]!.orgMasterId;
const tokenProvider = demoTokenProvider(bronUrl);

const copy = await syncSchool(orgMasterId, bronUrl, tokenProvider);
console.log(`Synced ${copy.students.size} students of ${orgMasterId}`);
const following = await followNotifications(copy, {
  bronUrl,
  clientId: DEMO_CLIENT_ID,
  tokenProvider,
  registerCallback: async (url) => {
    await fetch(`${bronUrl}/_admin/clients/${DEMO_CLIENT_ID}/callback`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
  },
});
console.log(`Following notifications at ${following.callbackUrl}; change the school (e.g. POST ${bronUrl}/_admin/schools/${orgMasterId}/students) and watch:`);
setInterval(() => console.log(`${new Date().toLocaleTimeString('en-GB')}: ${copy.students.size} students`), 5_000);
