import { activationcodeApi, type ActivationCodeConfirmation, type ActivationCodeRevokeConfirmation } from '@eduvkit/activationcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { chainVerzender, type ChainVerzender } from './support/chain-client';

/** The mock as Licentieregistratie handing out activation codes to a Bestelomgeving, over real HTTP. */
let mock: MockServer;
let bestelomgeving: ChainVerzender;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, seed: 11, chainDelayMs: 0 });
  bestelomgeving = await chainVerzender(mock, 'demo-bestelomgeving', activationcodeApi);
});
afterAll(async () => {
  await bestelomgeving.close();
  await mock.close();
});

const request = async (body: Record<string, unknown>) =>
  (await (await bestelomgeving.verzender.send('requestActivationCodes', body)).confirmation).body as ActivationCodeConfirmation;
const revoke = async (activationCode: string) =>
  (await (await bestelomgeving.verzender.send('revokeActivationCode', { activationCode })).confirmation).body as ActivationCodeRevokeConfirmation;

describe('activation codes from the mock Licentieregistratie', () => {
  it('hands out the requested number of distinct codes for a product of the range', async () => {
    const productId = mock.chain.state.products[0]!.productId;
    const confirmation = await request({ productId, quantity: 4 });
    expect(confirmation).toMatchObject({ productId, success: true, status: 0 });
    const codes = confirmation.activationCodes as string[];
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) expect(mock.chain.state.activationCodes.get(code)).toMatchObject({ productId, peer: 'demo-bestelomgeving', revoked: false });
  });

  it('refuses codes for a product outside the range, without any', async () => {
    const confirmation = await request({ productId: '9789000000001', quantity: 2 });
    expect(confirmation).toMatchObject({ success: false, status: 99 });
    expect(confirmation.activationCodes).toBeUndefined();
  });

  it('revokes a code it handed out once, and refuses it the second time and for an unknown code', async () => {
    const [code] = (await request({ productId: mock.chain.state.products[0]!.productId, quantity: 1 })).activationCodes as string[];
    expect(await revoke(code!)).toMatchObject({ activationCode: code, success: true });
    expect(await revoke(code!)).toMatchObject({ activationCode: code, success: false, statusMessage: 'Code already used or revoked' });
    expect(await revoke('ZZZZ-ZZZZ-ZZZZ')).toMatchObject({ success: false, statusMessage: 'Code unknown' });
  });
});
