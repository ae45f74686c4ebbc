import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HttpStatus } from '@eduvkit/core';
import { createProducts } from '@eduvkit/core/fixtures';
import { startConfirmationServer } from './confirmation-server';
import { orderForClass } from './order-for-class';
import { bestelomgevingTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first (seed 1), then:
//   npm start -w @eduvkit/example-bestelomgeving-chain -- <orgMasterId> <studyOfferingId> [schoolPeriodId]
// The mock's banner and GET /education-api/v1/studyofferings/school?orgMasterId=… name both.
const issuer = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const [orgMasterId, studyOfferingId, schoolPeriodId = '2025-2026'] = process.argv.slice(2);
if (!orgMasterId || !studyOfferingId) throw new Error('usage: main.ts <orgMasterId> <studyOfferingId> [schoolPeriodId]');
const demo = dirname(createRequire(import.meta.url).resolve('@eduvkit/mock-server/package.json'));
const tokenProvider = bestelomgevingTokenProvider(
  issuer,
  join(demo, 'demo/keys/demo-bestelomgeving.dev-only.pem'),
  '7x-rRq5_TBy9fBp0VpTINiMOEdPIDSIduriAjBJvzyM',
);
// The mock's range for seed 1 is the shared fixture range its Catalogue API serves; a real Bestelomgeving harvests a catalogue.
const product = createProducts({ seed: 1 }).find((candidate) => candidate.type === 'digital')!;

const parties = await startConfirmationServer({ counterpartUrl: issuer, tokenProvider });
// Tell the mock where this Bestelomgeving receives its confirmations (Edu-V: registration out of band).
const registered = await fetch(`${issuer}/_admin/clients/demo-bestelomgeving/endpoints`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(parties.endpoints),
});
if (registered.status !== HttpStatus.NoContent) throw new Error(`could not register the endpoints: ${registered.status}`);
try {
  await orderForClass(
    { orgMasterId, studyOfferingId, schoolPeriodId, productId: product.productId, startDate: '2025-08-01', activationUntilDate: '2026-07-31' },
    { counterpartUrl: issuer, tokenProvider, parties },
    (step) =>
      console.log(step.step, JSON.stringify(step.step === 'entitlement' ? step.entitlements : step.step === 'first use' ? step.usage : step.confirmation)),
  );
  console.log(`Every exchange, with its state and confirmation: ${issuer}/_admin/exchanges`);
} finally {
  await parties.close();
  await tokenProvider.close();
}
