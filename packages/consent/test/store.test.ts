import { describe, expect, it } from 'vitest';
import { createInMemoryConsentStore, type ConsentRecord, type ConsentRecordInput } from '../src/index';

/** The in-memory ConsentStore every bron's consent check reads (its contract is in store.ts). */
const key = { clientId: 'client-a', orgMasterId: '104A158', api: 'students-api' };

function storeAt(...times: string[]) {
  let tick = 0;
  let reference = 0;
  const changes: [ConsentRecord, ConsentRecord | undefined][] = [];
  const store = createInMemoryConsentStore({
    now: () => new Date(times[Math.min(tick++, times.length - 1)]!),
    newReferenceId: () => `ref-${(reference += 1)}`,
  });
  const unsubscribe = store.onChange((record, previous) => changes.push([record, previous]));
  return { store, changes, unsubscribe };
}

const input = (extra: Partial<ConsentRecordInput> = {}): ConsentRecordInput => ({
  ...key,
  dataProvider: 'self',
  scopes: [],
  providerStatus: 'granted',
  ...extra,
});

describe('in-memory consent store', () => {
  it('is active only for a self record that is granted or confirmed', () => {
    const { store } = storeAt('2026-01-01T00:00:00Z');
    expect(store.isActive(key)).toBe(false);
    const cases: [Partial<ConsentRecordInput>, boolean][] = [
      [{ providerStatus: 'granted' }, true],
      [{ providerStatus: 'confirmed' }, true],
      [{ providerStatus: 'requested' }, false],
      [{ providerStatus: 'revoked' }, false],
      [{ providerStatus: 'granted', dataProvider: 'client' }, false],
    ];
    for (const [extra, active] of cases) {
      store.put(input(extra));
      expect(store.isActive(key), JSON.stringify(extra)).toBe(active);
    }
    expect(store.isActive({ ...key, api: 'employees-api' })).toBe(false);
  });

  it('puts field by field: scopes sorted and deduplicated, undefined fields left out, createdAt kept, listeners told', () => {
    const { store, changes, unsubscribe } = storeAt('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
    const first = store.put(input({ scopes: ['b', 'a', 'b'], consumerReferenceId: undefined, providerReferenceId: 'p' }));
    expect(first).toEqual({
      ...key,
      dataProvider: 'self',
      scopes: ['a', 'b'],
      providerReferenceId: 'p',
      providerStatus: 'granted',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(Object.keys(first)).not.toContain('consumerReferenceId');
    const full = {
      consumerReferenceId: 'c',
      consumerStatus: 'revoked',
      confirmationStatus: 1003,
      confirmationStatusMessage: 'consumerReferenceId unknown',
    } as const;
    const second = store.put(input({ ...full }));
    expect(second).toMatchObject({ ...full, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' });
    expect(second).not.toHaveProperty('providerReferenceId');
    expect(changes).toEqual([
      [first, undefined],
      [second, first],
    ]);
    unsubscribe();
    store.put(input());
    expect(changes).toHaveLength(2);
  });

  it('lists by any part of the key, oldest change first', () => {
    const { store } = storeAt('2026-01-01T00:00:00Z');
    store.put(input());
    store.put(input({ clientId: 'client-b' }));
    store.put(input({ orgMasterId: '999Z999' }));
    store.put(input({ api: 'employees-api' }));
    store.put(input({ scopes: ['x'] }));
    const ids = (filter?: Parameters<typeof store.list>[0]) => store.list(filter).map((record) => `${record.clientId} ${record.orgMasterId} ${record.api}`);
    expect(ids()).toEqual([
      'client-b 104A158 students-api',
      'client-a 999Z999 students-api',
      'client-a 104A158 employees-api',
      'client-a 104A158 students-api',
    ]);
    expect(ids({ clientId: 'client-b' })).toEqual(['client-b 104A158 students-api']);
    expect(ids({ orgMasterId: '999Z999' })).toEqual(['client-a 999Z999 students-api']);
    expect(ids({ api: 'employees-api' })).toEqual(['client-a 104A158 employees-api']);
    expect(ids({ clientId: 'client-a', api: 'students-api' })).toEqual(['client-a 999Z999 students-api', 'client-a 104A158 students-api']);
  });

  it('activates: fresh grants get a reference, an active record only takes new scopes, a request becomes granted', () => {
    const { store, changes } = storeAt('2026-01-01T00:00:00Z');
    expect(store.activate(key)).toMatchObject({ dataProvider: 'self', scopes: [], providerReferenceId: 'ref-1', providerStatus: 'granted' });
    const same = store.activate(key);
    expect(same.providerReferenceId).toBe('ref-1');
    expect(store.activate(key, [])).toBe(same);
    expect(changes).toHaveLength(1);
    expect(store.activate(key, ['b', 'a'])).toMatchObject({ scopes: ['a', 'b'], providerReferenceId: 'ref-1' });
    expect(store.activate(key, ['a', 'b'])).toMatchObject({ scopes: ['a', 'b'] });
    expect(changes).toHaveLength(2);
    // Without scopes, an active record keeps the ones it has.
    expect(store.activate(key)).toMatchObject({ scopes: ['a', 'b'] });
    expect(changes).toHaveLength(2);

    const requested = { ...key, api: 'employees-api' };
    store.put({ ...requested, dataProvider: 'self', scopes: ['s'], consumerReferenceId: 'c-1', providerStatus: 'requested', consumerStatus: 'requested' });
    expect(store.activate(requested)).toMatchObject({
      scopes: ['s'],
      consumerReferenceId: 'c-1',
      providerReferenceId: 'ref-2',
      providerStatus: 'granted',
      consumerStatus: 'requested',
    });
    const other = { ...key, api: 'education-api' };
    store.put({ ...other, dataProvider: 'self', scopes: ['s'], consumerReferenceId: 'c-2', providerStatus: 'requested' });
    expect(store.activate(other, ['t'])).toMatchObject({ scopes: ['t'], consumerReferenceId: 'c-2', providerStatus: 'granted' });

    const clientSide = { ...key, api: 'association-api' };
    store.put({ ...clientSide, dataProvider: 'client', scopes: ['s'], consumerReferenceId: 'c-3', providerStatus: 'requested' });
    const fresh = store.activate(clientSide);
    expect(fresh).toMatchObject({ dataProvider: 'self', scopes: [], providerStatus: 'granted' });
    expect(fresh).not.toHaveProperty('consumerReferenceId');
    expect(store.activate({ ...key, api: 'usage-api' }, ['z'])).toMatchObject({ scopes: ['z'], providerStatus: 'granted' });
  });

  it('deactivates what exists and is not revoked yet: both statuses revoked, the record kept', () => {
    const { store } = storeAt('2026-01-01T00:00:00Z');
    expect(store.deactivate(key)).toBe(false);
    store.activate(key);
    expect(store.deactivate(key)).toBe(true);
    expect(store.list()).toEqual([expect.objectContaining({ providerStatus: 'revoked', consumerStatus: 'revoked', providerReferenceId: 'ref-1' })]);
    expect(store.isActive(key)).toBe(false);
    expect(store.deactivate(key)).toBe(false);
    store.put(input({ providerStatus: 'requested' }));
    expect(store.deactivate(key)).toBe(true);
    const regranted = store.activate(key);
    expect(regranted).toMatchObject({ providerReferenceId: 'ref-2', providerStatus: 'granted' });
    // A revoked record is not a pending request: the grant is a fresh record, without the old consumer side.
    expect(regranted).not.toHaveProperty('consumerStatus');
  });
});
