import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/bundle';
import { emitApiCatalogue, emitSubscribableApis, notificationFacts, scopeRoles } from '../src/emit-catalogue';

const doc = (api: string, info: JsonObject = {}): JsonObject => ({ info: { title: api, version: '1.0.0', 'x-eduv-api': api, ...info } });
const scopes = ['things.basic', 'things.secret'];

describe('catalogue facts from the specs', () => {
  it('reads x-eduvkit-notifications and refuses a scope the API lacks or no object types', () => {
    expect(notificationFacts(doc('things-api', { 'x-eduvkit-notifications': { scope: 'things.basic', objectTypes: ['Thing'] } }), scopes)).toEqual({
      scope: 'things.basic',
      objectTypes: ['Thing'],
    });
    expect(notificationFacts(doc('things-api'), scopes)).toBeUndefined();
    expect(() => notificationFacts(doc('things-api', { 'x-eduvkit-notifications': { scope: 'eduv.other', objectTypes: ['Thing'] } }), scopes)).toThrow(
      /scope must be one of the API's scopes/,
    );
    expect(() => notificationFacts(doc('things-api', { 'x-eduvkit-notifications': { scope: 'things.basic', objectTypes: [] } }), scopes)).toThrow(
      /objectTypes/,
    );
  });

  it('reads x-eduvkit-notifications.fetch only as by-id GETs of the listed object types', () => {
    const paths = {
      '/things/{id}': { get: { operationId: 'getThing' }, delete: { operationId: 'deleteThing' } },
      '/things': { get: { operationId: 'listThings' } },
    };
    const withFetch = (fetch: unknown) => ({
      ...doc('things-api', { 'x-eduvkit-notifications': { scope: 'things.basic', objectTypes: ['Thing'], fetch } }),
      paths,
    });
    expect(notificationFacts(withFetch({ Thing: 'getThing' }), scopes)).toEqual({
      scope: 'things.basic',
      objectTypes: ['Thing'],
      fetch: { Thing: 'getThing' },
    });
    expect(() => notificationFacts(withFetch({ Other: 'getThing' }), scopes)).toThrow(
      'things-api: x-eduvkit-notifications.fetch names Other, which is not in objectTypes',
    );
    for (const wrong of ['listThings', 'deleteThing', 'nothing', 7]) {
      expect(() => notificationFacts(withFetch({ Thing: wrong }), scopes)).toThrow(
        'things-api: x-eduvkit-notifications.fetch.Thing must be the operationId of a GET by {id}',
      );
    }
    expect(() => notificationFacts(withFetch(['getThing']), scopes)).toThrow(/must map object types to operationIds/);
  });

  it('reads x-eduvkit-scope-roles only for scopes and calling roles of the API', () => {
    expect(scopeRoles(doc('things-api', { 'x-eduvkit-scope-roles': { 'things.secret': ['Afnemer'] } }), scopes, ['Afnemer'])).toEqual({
      'things.secret': ['Afnemer'],
    });
    expect(() => scopeRoles(doc('things-api', { 'x-eduvkit-scope-roles': { 'eduv.other': ['Afnemer'] } }), scopes, ['Afnemer'])).toThrow(/no scope of the API/);
    expect(() => scopeRoles(doc('things-api', { 'x-eduvkit-scope-roles': { 'things.secret': ['Stranger'] } }), scopes, ['Afnemer'])).toThrow(/calling roles/);
  });

  it('lists the subscribable APIs only when they are exactly the NotificationApi enum', () => {
    const specs = [
      { name: 'things', doc: doc('things-api', { 'x-eduvkit-notifications': { scope: 'things.basic', objectTypes: ['Thing'] } }) },
      { name: 'plain', doc: doc('plain-api') },
    ];
    expect(emitSubscribableApis(specs, ['things-api'], () => scopes, '')).toContain('"things-api": {\n    "scope": "things.basic"');
    expect(() => emitSubscribableApis(specs, ['things-api', 'plain-api'], () => scopes, '')).toThrow(/must be the NotificationApi enum/);
  });

  it('imports every package registry into one list', () => {
    const source = emitApiCatalogue(
      [
        { name: 'things', doc: doc('things-api') },
        { name: 'other-things', doc: doc('other-things-api') },
      ],
      '',
    );
    expect(source).toContain("import { otherThingsApi } from '@eduvkit/other-things';");
    expect(source).toContain('export const API_REGISTRIES: readonly [typeof thingsApi, typeof otherThingsApi] = [thingsApi, otherThingsApi];');
  });
});
