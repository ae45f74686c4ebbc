import type { CustomTypesConfig } from 'pg';
import pg from 'pg';

const JSONB_OID = 3802;

/**
 * jsonb columns come back as text and are parsed here, so that SQL NULL (no value, read as
 * `undefined`) and a JSON `null` stay apart, which pg's own parser would fold into one `null`.
 */
export const jsonbAsText: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === JSONB_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** A jsonb parameter: `undefined` is stored as SQL NULL. */
export const toJsonb = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export const fromJsonb = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));
