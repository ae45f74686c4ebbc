import { parseArgs } from 'node:util';
import { renderBanner, startMockServer, WORLD_SIZES, type WorldSize } from '@eduvkit/mock-server';
import { UsageError } from '../usage-error';

export const MOCK_USAGE = `Usage: eduvkit mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--size small|medium|large]

Starts the Edu-V mock server with every eduvkit API over a seeded world of Dutch schools.`;

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

export async function runMock(args: string[], out: (line: string) => void): Promise<() => Promise<void>> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
    },
    strict: true,
  });
  const size = (values.size ?? 'small') as WorldSize;
  if (!(size in WORLD_SIZES)) throw new UsageError(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  const server = await startMockServer({
    port: integer('port', values.port, 4010, 0, 65_535),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', values.seed, 1, 0, 2 ** 31 - 1),
    size,
    onUnexpectedError: (error) => console.error('eduvkit mock: unexpected error', error instanceof Error ? error.message : error),
  });
  out(renderBanner(server));
  return server.close;
}
