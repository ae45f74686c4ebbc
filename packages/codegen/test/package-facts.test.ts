import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { emitMswModule } from '../src/emit-msw';
import { readPackageFacts } from '../src/package-facts';

const docWith = (facts: unknown): JsonObject => ({ info: { title: 'Things', 'x-eduvkit-package': facts } });

const exchangeMsw = {
  bron: 'msw/stand-in#createThingsStandIn',
  bronOptions: 'msw/stand-in#ThingsStandInOptions',
  source: '@eduvkit/core/exchange#ExchangeStore',
  seededSource: '@eduvkit/core/exchange#createInMemoryExchangeStore',
  perSchool: false,
};

describe('info.x-eduvkit-package', () => {
  it('is optional: without it the package keeps its own barrel and MSW entry', () => {
    expect(readPackageFacts({ info: {} }, 'things.yaml')).toBeUndefined();
  });

  it('reads modules, client and MSW exports, which may come from an @eduvkit/ package entry', () => {
    const facts = readPackageFacts(
      docWith({ modules: ['client', { module: 'client/paging', names: ['page', 'type Page'] }], client: 'client', msw: exchangeMsw }),
      'things.yaml',
    );
    expect(facts).toEqual({
      modules: [{ module: 'client' }, { module: 'client/paging', names: ['page', 'type Page'] }],
      client: 'client',
      msw: {
        bron: { module: 'msw/stand-in', name: 'createThingsStandIn' },
        bronOptions: { module: 'msw/stand-in', name: 'ThingsStandInOptions' },
        source: { module: '@eduvkit/core/exchange', name: 'ExchangeStore' },
        seededSource: { module: '@eduvkit/core/exchange', name: 'createInMemoryExchangeStore' },
        perSchool: false,
      },
    });
  });

  it.each([
    ['a generated module', { modules: ['generated/client'] }, /modules\[0\] must be a module path under src\/ outside generated\//],
    ['a client that is not re-exported', { modules: [], client: 'client' }, /client client must also be listed in modules/],
    ['an unknown key', { modules: [], barrel: true }, /unknown keys barrel/],
    ['an export without a name', { modules: [], msw: { ...exchangeMsw, bron: 'msw/stand-in' } }, /msw\.bron must be <module>#<export>/],
    ['a package outside @eduvkit/', { modules: [], msw: { ...exchangeMsw, source: '@other/store#Store' } }, /msw\.source must be a module path/],
    ['perSchool left out', { modules: [], msw: { ...exchangeMsw, perSchool: undefined } }, /msw\.perSchool must be true or false/],
  ])('refuses %s', (_, facts, message) => {
    expect(() => readPackageFacts(docWith(facts), 'things.yaml')).toThrow(message);
  });
});

describe('the generated MSW entry', () => {
  it('imports a package entry as it is and a hand-written module relative to src/', () => {
    const facts = readPackageFacts(docWith({ modules: [], msw: exchangeMsw }), 'things.yaml')!;
    const source = emitMswModule(
      facts.msw!,
      { camelName: 'things', pascalName: 'Things', title: 'Things API', registry: 'thingsApi', baseUrlConstant: 'DEFAULT_THINGS_BASE_URL' },
      '',
    );
    expect(source).toContain("import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';");
    expect(source).toContain("import { createThingsStandIn, type ThingsStandInOptions } from '../msw/stand-in';");
    expect(source).toContain('export type ThingsHandlersOptions = ApiHandlersOptions<ExchangeStore, ThingsStandInOptions>;');
  });
});
