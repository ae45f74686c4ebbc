import { createInMemoryExchangeStore, operationUrl } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { serveNode } from '@eduvkit/core/server/node';
import { createProductRange } from '@eduvkit/order/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { activationcodeApi, createActivationcodeOntvanger, createActivationcodeVerzender, type ActivationcodeOntvangerOptions } from '../src/index';
import { fakeActivationCode } from '../src/fixtures/index';

// Fast loops, and parties that accept any bearer token: these tests are about the exchange, not tokens.
const FAST = { pollIntervalMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 }, dangerouslyAcceptAnyToken: true };
const random = createRandom(11);
const [product] = createProductRange(random, 1);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A Bestelomgeving asking codes of a Licentieregistratie, each on its own node server on 127.0.0.1. */
async function startChain(process: ActivationcodeOntvangerOptions['process']) {
  const requester = { url: '' };
  const registry = createActivationcodeOntvanger({
    ...FAST,
    store: createInMemoryExchangeStore(),
    process,
    authorization: () => 'lr-token',
    confirmationUrl: (_peer, operation) => operationUrl(`${requester.url}/activationcode-api/v0`, operation),
  });
  const registryServer = await serveNode((request) => registry.answer(request), { apiVersion: activationcodeApi.version, port: 0, host: '127.0.0.1' });
  const verzender = createActivationcodeVerzender({
    ...FAST,
    store: createInMemoryExchangeStore(),
    baseUrl: `${registryServer.url}/activationcode-api/v0`,
    authorization: () => 'bestel-token',
    confirmationTimeoutMs: 5_000,
  });
  const requesterServer = await serveNode((request) => verzender.answer(request), { apiVersion: activationcodeApi.version, port: 0, host: '127.0.0.1' });
  requester.url = requesterServer.url;
  closers.push(
    () => registryServer.close(),
    () => registry.close(),
    () => requesterServer.close(),
    () => verzender.close(),
  );
  return { verzender, registryUrl: `${registryServer.url}/activationcode-api/v0` };
}

describe('ActivationCode exchange over HTTP', () => {
  it('requests codes and revokes one: both confirmations arrive typed', async () => {
    const { verzender } = await startChain({
      requestActivationCodes: ({ body }) => ({
        productId: body.productId,
        activationCodes: Array.from({ length: body.quantity }, () => fakeActivationCode(random)),
        success: true,
        status: 0,
      }),
      revokeActivationCode: ({ body }) => ({ activationCode: body.activationCode, success: true, status: 0 }),
    });
    const codes = await (await verzender.requestCodes({ productId: product!.productId, quantity: 3 })).confirmation;
    expect(codes.body.activationCodes).toHaveLength(3);
    const first = codes.body.activationCodes![0]!;
    const code = typeof first === 'string' ? first : first.activationCode;
    const revoke = await verzender.revokeCode({ activationCode: code, responseReferenceId: codes.body.responseReferenceId });
    const revoked = await revoke.confirmation;
    expect(revoked.body).toMatchObject({ requestReferenceId: revoke.referenceId, activationCode: code, success: true });
  });

  it('answers a revoke without a processor with 501', async () => {
    const { registryUrl } = await startChain({ requestActivationCodes: ({ body }) => ({ productId: body.productId, success: false, status: 99 }) });
    const response = await fetch(`${registryUrl}/activationcodes/revoke`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ requestReferenceId: random.guid(), activationCode: 'AAAA-BBBB-CCCC' }),
    });
    expect(response.status).toBe(501);
  });
});
