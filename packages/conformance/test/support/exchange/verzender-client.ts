// A verzender of the Order API built with createVerzender, as a supplier would write it, run by the
// kit as `<command>`: node --conditions=@eduvkit/source --import tsx verzender-client.ts <port> [defect]
import { EduvStatus } from '@eduvkit/core';
import { createInMemoryExchangeStore, createVerzender, exchangePairs } from '@eduvkit/core/exchange';
import { statusAnswer } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { orderApi } from '@eduvkit/order';
import { requestBody } from '../../../src/async/message-bodies';
import { staticTokenAuthenticator } from '../../../src/async/static-token';

type Defect = 'none' | 'reuses-reference' | 'new-reference-on-retry' | 'refuses-repeat';
const [port, defect = 'none'] = process.argv.slice(2) as [string, Defect?];
const { EDUVKIT_BASE_URL: baseUrl, EDUVKIT_TOKEN: token, EDUVKIT_CONFIRMATION_TOKEN: confirmationToken } = process.env;
if (!baseUrl || !token || !confirmationToken) throw new Error('run me under eduvkit qualify order --role verzender');

const [orders, credits] = exchangePairs(orderApi);
const withoutReference = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, requestReferenceId: undefined });
const put = (path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const verzender = createVerzender({
  registry: orderApi,
  store: createInMemoryExchangeStore(),
  baseUrl,
  authorization: () => token,
  authenticate: staticTokenAuthenticator(confirmationToken, 'kit'),
  pollIntervalMs: 50,
  retry: { baseDelayMs: 100, maxDelayMs: 400 },
  confirmationTimeoutMs: 20_000,
});
const confirmed = new Set<string>();
const server = await serveNode(
  async (request) => {
    if (defect === 'refuses-repeat' && request.method === 'PUT' && request.target.endsWith('/confirmations')) {
      const reference = String((JSON.parse(await request.text()) as { requestReferenceId?: unknown }).requestReferenceId);
      if (confirmed.has(reference)) return statusAnswer(orderApi.version, 409, EduvStatus.Other, 'already confirmed');
      confirmed.add(reference);
    }
    return verzender.answer(request);
  },
  { apiVersion: orderApi.version, port: Number(port) },
);

const first = requestBody(orders!);
const handles = [];
if (defect === 'new-reference-on-retry') {
  // Its own first attempt, then a "retry" that makes up a new reference id.
  const answer = await put(orders!.request.path, first);
  if (answer.status >= 500) handles.push(await verzender.send('placeOrder', withoutReference(first)));
} else {
  const sent = await verzender.send('placeOrder', withoutReference(first));
  handles.push(sent);
  if (defect === 'reuses-reference') {
    // Once the first order is through, a second, different order under the same reference id.
    await sent.confirmation;
    await put(orders!.request.path, { ...requestBody(orders!), requestReferenceId: sent.referenceId });
  }
}
handles.push(await verzender.send('placeOrder', withoutReference(requestBody(orders!))));
handles.push(await verzender.send('placeCreditOrder', withoutReference(requestBody(credits!))));
await Promise.all(handles.map((handle) => handle.confirmation));
await verzender.close();
await server.close();
process.stderr.write(`${handles.length} requests confirmed\n`);
