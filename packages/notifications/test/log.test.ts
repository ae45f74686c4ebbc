import { describe, expect, it } from 'vitest';
import { EduvConfigError } from '@eduvkit/core';
import { createNotificationLog, NotificationSchema } from '../src/index';
import { SCHOOL_A, SCHOOL_B, testUuid } from './helpers';

const base = { notificationType: 'object' as const, objectType: 'Student', api: 'students-api' };

describe('createNotificationLog', () => {
  it('assigns a UUID and a UTC created, numbers entries and derives the school', () => {
    const log = createNotificationLog({ now: () => new Date('2024-09-27T10:00:00.000Z') });
    const stored = log.append({ ...base, objectId: 's1', school: { organisationMasterIdentifier: SCHOOL_A } });
    expect(stored).toMatchObject({ sequence: 1, api: 'students-api', orgMasterId: SCHOOL_A, created: '2024-09-27T10:00:00.000Z' });
    expect(stored.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(NotificationSchema.parse(stored)).toBeTruthy();
    expect(Object.isFrozen(stored)).toBe(true);
  });

  it('keeps append order equal to created order: default created never repeats, an earlier explicit one is refused', () => {
    const log = createNotificationLog({ now: () => new Date('2024-09-27T10:00:00.000Z') });
    const first = log.append(base);
    const second = log.append(base);
    expect(Date.parse(second.created)).toBe(Date.parse(first.created) + 1);
    expect(() => log.append({ ...base, created: '2024-09-27T09:00:00Z' })).toThrow(RangeError);
    const same = log.append({ ...base, created: second.created });
    expect(same.sequence).toBe(3);
    expect(log.after(0).map((entry) => entry.sequence)).toEqual([1, 2, 3]);
  });

  it('refuses a notification that breaks the schema or reuses an id', () => {
    const log = createNotificationLog();
    expect(() => log.append({ ...base, objectType: '' })).toThrow(TypeError);
    expect(() => log.append({ ...base, created: 'yesterday' })).toThrow(TypeError);
    const id = testUuid();
    log.append({ ...base, id });
    expect(() => log.append({ ...base, id })).toThrow(/already holds/);
  });

  it('lists created after since (exclusive), oldest first, filtered by api, objectType and school', () => {
    const log = createNotificationLog();
    const at = (minute: number) => `2024-09-27T10:${String(minute).padStart(2, '0')}:00Z`;
    log.append({ ...base, created: at(0), school: { organisationMasterIdentifier: SCHOOL_A } });
    log.append({ ...base, created: at(1), api: 'employees-api', objectType: 'Employee', school: { organisationMasterIdentifier: SCHOOL_B } });
    log.append({ ...base, created: at(1), school: { organisationMasterIdentifier: SCHOOL_B } });
    log.append({ ...base, created: at(2), objectType: 'Group', api: 'association-api', orgMasterId: SCHOOL_A });
    log.append({ ...base, created: at(3), notificationType: 'bulk' });

    expect(log.list().map((entry) => entry.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(log.list({ since: at(1) }).map((entry) => entry.sequence)).toEqual([4, 5]);
    expect(log.list({ since: '2024-09-27T10:00:59.999Z' }).map((entry) => entry.sequence)).toEqual([2, 3, 4, 5]);
    expect(log.list({ since: at(3) })).toEqual([]);
    expect(log.list({ api: 'students-api' }).map((entry) => entry.sequence)).toEqual([1, 3, 5]);
    expect(log.list({ objectType: 'Group' }).map((entry) => entry.orgMasterId)).toEqual([SCHOOL_A]);
    expect(log.list({ orgMasterId: SCHOOL_B }).map((entry) => entry.sequence)).toEqual([2, 3]);
    expect(log.list({ api: 'students-api', since: at(0), orgMasterId: SCHOOL_B }).map((entry) => entry.sequence)).toEqual([3]);
    expect(() => log.list({ since: 'not a date' })).toThrow(RangeError);
  });

  it('hands out everything appended after a sequence number', () => {
    const log = createNotificationLog();
    for (let index = 0; index < 5; index += 1) log.append(base);
    expect(log.after(3).map((entry) => entry.sequence)).toEqual([4, 5]);
    expect(log.after(5)).toEqual([]);
    expect(log.after(-1)).toHaveLength(5);
  });
  it('keeps the newest `capacity` notifications: list and after skip the dropped ones, their ids may come again', () => {
    const log = createNotificationLog({ capacity: 3, now: () => new Date('2024-09-27T10:00:00.000Z') });
    const ids = Array.from({ length: 5 }, () => testUuid());
    for (const id of ids) log.append({ ...base, id });
    expect(log.list().map((entry) => entry.sequence)).toEqual([3, 4, 5]);
    expect(log.after(0).map((entry) => entry.sequence)).toEqual([3, 4, 5]);
    expect(log.after(1).map((entry) => entry.sequence)).toEqual([3, 4, 5]);
    expect(log.after(3).map((entry) => entry.sequence)).toEqual([4, 5]);
    expect(log.after(5)).toEqual([]);
    expect(log.list({ since: '2024-09-27T10:00:00.002Z' }).map((entry) => entry.sequence)).toEqual([4, 5]);
    expect(log.append({ ...base, id: ids[0]! }).sequence).toBe(6);
    expect(() => log.append({ ...base, id: ids[4]! })).toThrow(/already holds/);
    expect(log.list().map((entry) => entry.sequence)).toEqual([4, 5, 6]);
  });

  it('refuses a capacity that is not a positive integer, as a configuration error', () => {
    for (const capacity of [0, -1, 2.5, Number.NaN, Infinity]) {
      expect(() => createNotificationLog({ capacity })).toThrow(EduvConfigError);
      expect(() => createNotificationLog({ capacity })).toThrow(/capacity must be a positive integer/);
    }
  });
});
