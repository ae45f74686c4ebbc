import type { ProductStatus, ProductStatusUnderscore } from './generated/models';

/** A status in either spelling, normalised to the hyphen spelling eduvkit sends (`not_yet_available` → `not-yet-available`). */
export function normaliseProductStatus(status: ProductStatus | ProductStatusUnderscore): ProductStatus {
  return status.replaceAll('_', '-') as ProductStatus;
}

/** The record with its `status` in the hyphen spelling; the same object when it already was. */
export function withHyphenStatus<T extends { status?: ProductStatus | ProductStatusUnderscore }>(record: T): T & { status?: ProductStatus } {
  if (record.status === undefined || !record.status.includes('_')) return record as T & { status?: ProductStatus };
  return { ...record, status: normaliseProductStatus(record.status) };
}
