import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { collectProvenance } from '../src/provenance';

const doc: JsonObject = {
  paths: {},
  components: {
    schemas: {
      Reference: { type: 'object', 'x-eduv-src': 'N', properties: {} },
      Holder: {
        type: 'object',
        'x-eduv-src': 'T',
        properties: {
          invented: { $ref: '#/components/schemas/Reference', 'x-eduvkit-assumed': 'eduvkit adds it' },
          seen: { $ref: '#/components/schemas/Reference', 'x-eduv-src': 'T' },
          plain: { $ref: '#/components/schemas/Reference' },
        },
      },
    },
  },
};

describe('collectProvenance', () => {
  const byElement = new Map(collectProvenance(doc).map((entry) => [entry.element, entry]));

  it('never gives an element eduvkit marked assumed the N of the component it references', () => {
    expect(byElement.get('schema Holder.invented')).toEqual({ element: 'schema Holder.invented', assumed: 'eduvkit adds it' });
    expect(byElement.get('schema Holder.seen')).toEqual({ element: 'schema Holder.seen', source: 'T' });
  });

  it('lets a reference without markers of its own stand for the component', () => {
    expect(byElement.get('schema Holder.plain')).toEqual({ element: 'schema Holder.plain', source: 'N' });
  });
});
