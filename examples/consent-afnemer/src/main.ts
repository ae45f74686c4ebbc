import { readStudents, requestActivation, waitForActivation } from './activation';
import { demoTestSystem } from './supplier-credentials';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-consent-afnemer -- <orgMasterId>
const bronUrl = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const tokenProvider = demoTestSystem(bronUrl);
const options = { bronUrl, tokenProvider };
const orgMasterId =
  process.argv[2] ?? ((await (await fetch(`${bronUrl}/_admin/world`)).json()) as { schools: { orgMasterId: string }[] }).schools[1]!.orgMasterId;

if ((await readStudents(orgMasterId, options)).activated) {
  console.log(`${orgMasterId} has already activated students-api for demo-toetssysteem: deactivate it at ${bronUrl}/_admin/consent to try the flow`);
} else {
  const pending = await requestActivation({ orgMasterId, api: 'students-api', scopes: ['eduv.student.basic'] }, options);
  console.log(`Asked ${orgMasterId} to activate students-api (reference ${pending.consumerReferenceId}).`);
  console.log(`Play the school's application manager: press Activate at ${bronUrl}/_admin/consent (waiting…)`);
  const students = await waitForActivation(pending, options);
  console.log(`Activated: ${students.length} students at ${orgMasterId}`);
}
await tokenProvider.close();
