import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { emitRegistryModule } from '../src/emit-registry';
import { emitZodModule } from '../src/emit-zod';

const REQUEST = { message: 'request', reference: 'requestReferenceId', pair: 'confirmThing' };
const CONFIRMATION = {
  message: 'confirmation',
  reference: 'requestReferenceId',
  receipt: 'responseReferenceId',
  processedAt: 'processedTimestamp',
  pair: 'sendThing',
};

interface Variant {
  request?: unknown;
  confirmation?: unknown;
  /** x-eduv-interaction of the request operation; push-async unless given. */
  requestInteraction?: string;
}

/** A two-operation document: PUT /things (the request) and PUT /things/confirmations. */
function docWith({ request = REQUEST, confirmation = CONFIRMATION, requestInteraction = 'push-async' }: Variant): JsonObject {
  const operation = (operationId: string, schema: string, interaction: string, exchange: unknown) => ({
    put: {
      operationId,
      'x-eduv-interaction': interaction,
      'x-eduvkit-exchange': exchange,
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } },
      responses: { '202': { description: 'accepted' } },
    },
  });
  return {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0', 'x-eduv-api': 'things-api', 'x-eduv-roles': { implementing: 'Ontvanger', calling: ['Verzender'] } },
    components: {
      schemas: {
        ThingRequest: { type: 'object', required: ['requestReferenceId'], properties: { requestReferenceId: { type: 'string' }, thing: { type: 'string' } } },
        ThingConfirmation: {
          type: 'object',
          required: ['requestReferenceId', 'responseReferenceId', 'processedTimestamp'],
          properties: {
            requestReferenceId: { type: 'string' },
            responseReferenceId: { type: 'string' },
            processedTimestamp: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
    paths: {
      '/things': operation('sendThing', 'ThingRequest', requestInteraction, request),
      '/things/confirmations': operation('confirmThing', 'ThingConfirmation', 'push-async', confirmation),
    },
  };
}

const emit = (variant: Variant): string => {
  const doc = docWith(variant);
  return emitRegistryModule(doc, emitZodModule(doc, ''), 'thingsApi', 'ThingsOperations', '');
};

const emitted = (source: string, operationId: string): unknown => {
  const block = source.slice(source.indexOf(`operationId: "${operationId}"`));
  return JSON.parse(/exchange: (\{.*\}),\n/.exec(block)![1]!) as unknown;
};

describe('x-eduvkit-exchange', () => {
  it('is emitted as each operation’s exchange facts when the pair names each other', () => {
    const source = emit({});
    expect(emitted(source, 'sendThing')).toEqual(REQUEST);
    expect(emitted(source, 'confirmThing')).toEqual(CONFIRMATION);
  });

  it('is left out of an operation that declares none', () => {
    const doc = docWith({});
    for (const path of Object.values(doc.paths as Record<string, { put: JsonObject }>)) delete path.put['x-eduvkit-exchange'];
    expect(emitRegistryModule(doc, emitZodModule(doc, ''), 'thingsApi', 'ThingsOperations', '')).not.toContain('exchange:');
  });

  it.each([
    [
      'a pair that is an operation of the API',
      { request: { ...REQUEST, pair: 'confirmOther' } },
      /sendThing: x-eduvkit-exchange.pair confirmOther is not an operation of this API/,
    ],
    ['a pair that names it back', { confirmation: { ...CONFIRMATION, pair: 'confirmThing' } }, /must name each other/],
    ['a pair that has exchange facts at all', { confirmation: null }, /sendThing: x-eduvkit-exchange and that of confirmThing must name each other/],
    ['opposite messages', { confirmation: { ...CONFIRMATION, message: 'request' } }, /must name each other, opposite messages/],
    ['one reference field for both halves', { confirmation: { ...CONFIRMATION, reference: 'thing' } }, /one reference field/],
    [
      'a reference the body has',
      { request: { ...REQUEST, reference: 'orderReferenceId' }, confirmation: { ...CONFIRMATION, reference: 'orderReferenceId' } },
      /sendThing: x-eduvkit-exchange names orderReferenceId, which the request body does not have/,
    ],
    ['a receipt the confirmation body has', { confirmation: { ...CONFIRMATION, receipt: 'receiveId' } }, /confirmThing: x-eduvkit-exchange names receiveId/],
    [
      'a processedAt the confirmation body has',
      { confirmation: { ...CONFIRMATION, processedAt: 'processedAt' } },
      /confirmThing: x-eduvkit-exchange names processedAt/,
    ],
    [
      'a message that is request or confirmation',
      { request: { ...REQUEST, message: 'melding' } },
      /sendThing: x-eduvkit-exchange.message must be request or confirmation/,
    ],
    ['a push-async operation', { requestInteraction: 'push-sync' }, /sendThing: x-eduvkit-exchange belongs on push-async operations only/],
  ])('refuses a declaration without %s', (_what, variant, message) => {
    expect(() => emit(variant)).toThrow(message);
  });
});
