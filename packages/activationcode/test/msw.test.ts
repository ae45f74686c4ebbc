import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivationcodeClient } from '../src/index';
import { activationCodeRequest } from '../src/fixtures/index';
import { DEFAULT_ACTIVATIONCODE_BASE_URL, activationcodeHandlers } from '../src/msw/index';

// A Bestelomgeving's test: its code PUTs to "the Licentieregistratie", MSW answers like the mock server.
const store = createInMemoryExchangeStore();
const server = setupServer(...activationcodeHandlers({ source: store }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const random = createRandom(5);
const client = createActivationcodeClient({ baseUrl: DEFAULT_ACTIVATIONCODE_BASE_URL, tokenProvider: staticToken('t'), retry: false });

describe('ActivationCode MSW handlers', () => {
  it('answer a code request 202 and record it under its reference id', async () => {
    const request = activationCodeRequest(random, { productId: '9789000000007', quantity: 2 });
    expect((await client.requestCodes(request)).httpStatus).toBe(202);
    const key = { api: 'activationcode-api', operationId: 'requestActivationCodes', peer: '', referenceId: request.requestReferenceId };
    expect((await store.receiveRequest(key, request, new Date())).created).toBe(false);
  });

  it('refuse a revoke without a code with 400 / 0011 naming the field', async () => {
    await expect(client.revokeCode({ requestReferenceId: random.guid() } as never)).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: expect.stringContaining('activationCode'),
    });
  });

  it('answer a confirmation endpoint 405: the requester provides it', async () => {
    await expect(client.confirmRevoke({} as never)).rejects.toMatchObject({ httpStatus: 405 });
  });
});
