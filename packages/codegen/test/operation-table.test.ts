import { describe, expect, it } from 'vitest';
import { renderOperationTable } from '../src/api-table';
import type { JsonObject } from '../src/bundle';

const doc: JsonObject = {
  info: { title: 'Things', version: '1.0.0', 'x-eduv-api': 'things-api', 'x-eduv-roles': { implementing: 'Bron', calling: ['Afnemer'] } },
  security: [{ oauth2: ['things.basic'] }],
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        'x-eduvkit-method': 'get',
        'x-eduv-interaction': 'pull-sync',
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
      },
    },
    '/things/confirmations': {
      put: {
        operationId: 'confirmThing',
        'x-eduv-interaction': 'push-async',
        'x-eduv-implemented-by': 'Afnemer',
        'x-eduvkit-assumed': 'Edu-V publishes no confirmation',
        security: [{ oauth2: ['things.confirm'] }],
        responses: { 202: { description: 'accepted' } },
      },
    },
  },
  components: { schemas: { Thing: { type: 'object' } } },
};

describe('renderOperationTable', () => {
  it('lists every operation with its implementing role, client method, interaction, scopes and success, marking assumed ones', () => {
    const rows = renderOperationTable(doc).split('\n');
    expect(rows[0]).toBe('| Operation | Implemented by | Client method | Interaction | Scopes | Success |');
    expect(rows).toContain('| `GET /things/{id}` (`getThing`) | Bron | `get` | pull, synchronous | `things.basic` | `200`, one Thing |');
    expect(rows).toContain(
      '| `PUT /things/confirmations` (`confirmThing`) *(assumed by eduvkit)* | Afnemer | `confirmThing` | push, asynchronous | `things.confirm` | `202`, no body |',
    );
  });
});
