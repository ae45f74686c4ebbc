/**
 * What every `now` option in eduvkit takes (decision 037): a function returning the current time.
 * Tests pass a fixed or advancing one; the default everywhere is {@link systemClock}.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
