import type { Random } from '@eduvkit/core/fixtures';
import type { ChainState } from './chain-state';

/** What every part of the chain shares. */
export interface ChainContext {
  readonly state: ChainState;
  /** Seeded ids and codes. */
  readonly random: Random;
  /** Each request waits this long before it is processed, so pending and late confirmations show. */
  readonly delayMs: number;
  /** Share of orders the Ordersysteem declines, 0 to 1. */
  readonly declineRate: number;
  /** Returns [0, 1): decides declines (tests pass a fixed one). */
  readonly chance: () => number;
  readonly now: () => Date;
}

/** Waits the chain delay; a processing step calls it before it decides. */
export const chainDelay = (context: ChainContext): Promise<void> =>
  context.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, context.delayMs)) : Promise.resolve();

/** The moment of processing in Edu-V's UTC form, whole seconds. */
export const processedNow = (context: ChainContext): string => `${context.now().toISOString().slice(0, 19)}Z`;
