import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { SimpleProgress } from './generated/models';
import { createProgressMethods } from './generated/client';

export type ProgressRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** A progress message as a verzender writes it; use Edu-V's names (pleaseFollowUp, detailUrl), not the SEM spellings. */
export type OutgoingProgress = SimpleProgress;

export interface ProgressClient {
  /** `PUT /progress`: report a student's progress on an assignable unit; 202 without a body. */
  send(progress: OutgoingProgress, options?: ProgressRequestOptions): Promise<EduvResponse<undefined>>;
}

/**
 * Client for the calling role (verzender: a Gebruiksomgeving digitaal leermateriaal) of the
 * Progress API, pointed at a Leermiddelendashboard. Sending the same id again replaces the earlier
 * message, so a retried call does no harm.
 */
export function createProgressClient(options: ApiClientOptions): ProgressClient {
  return createProgressMethods(options);
}

/** A fresh id for a new progress message (a UUID); reuse it when the same unit's status changes. */
export function newProgressId(): string {
  return globalThis.crypto.randomUUID();
}
