import { registeredClientKey } from '@eduvkit/mock-server';
import { CatalogueMirror } from './catalogue-mirror';
import { selectieomgevingTokenProvider } from './supplier-credentials';

// Run `npm start` at the repository root first, then: npm start -w @eduvkit/example-selectieomgeving-catalogue
const issuer = process.env.EDUVKIT_URL ?? 'http://127.0.0.1:4010';
const demo = registeredClientKey('demo-selectieomgeving');
if (!demo) throw new Error('the mock server has no demo-selectieomgeving key on file');
const tokenProvider = selectieomgevingTokenProvider(issuer, demo.privateKeyPem, demo.keyId);
const mirror = new CatalogueMirror({ baseUrl: `${issuer}/catalogue-api/v2`, tokenProvider });

const full = await mirror.harvest();
console.log(`full harvest: ${full.received} products, ${mirror.selectable().length} selectable; next since ${full.since ?? '-'}`);
const incremental = await mirror.harvest();
console.log(`incremental harvest since ${full.since ?? '-'}: ${incremental.received} received, ${incremental.added} new, ${incremental.changed} changed`);
await tokenProvider.close();
