import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CHAIN_DELAY_MS, DEFAULT_WORLD_SIZE, renderBanner, startMockServer, WORLD_SIZES, type WorldSize } from '@eduvkit/mock-server';
import { UsageError } from '../usage-error';

export const MOCK_USAGE = `Usage: eduvkit mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--size small|medium|large]
                   [--auth oauth|any-bearer] [--consent registry|all] [--clients <file>]
                   [--open-data education-api] [--chain-delay-ms 250] [--decline-rate 0]

Starts the Edu-V mock server with every eduvkit API over a seeded world of Dutch schools, its
OAuth 2.0 authorization server (client credentials with private_key_jwt) and consent registry.

  --auth any-bearer    accept any bearer token instead of the mock's access tokens
  --consent all        treat every exchange as activated
  --clients <file>     register your own clients (JSON; see packages/mock-server/demo/clients.json)
  --open-data <api>    serve an API without activation (Edu-V allows it for education-api); repeatable
  --chain-delay-ms <n> how long the chain (order, delivery, entitlement, activation codes, usage) waits
                       before it processes a request, to see pending and late confirmations; default 250
  --decline-rate <r>   share of orders the mock's Ordersysteem declines, 0 to 1; default 0`;

function rate(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value)) throw new UsageError(`--${name} must be a number from 0 to 1, got "${value}"`);
  return Number(value);
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function oneOf<const T extends readonly string[]>(name: string, value: string | undefined, allowed: T): T[number] | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}

export async function runMock(args: string[], out: (line: string) => void): Promise<() => Promise<void>> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      auth: { type: 'string' },
      consent: { type: 'string' },
      clients: { type: 'string' },
      'open-data': { type: 'string', multiple: true },
      'chain-delay-ms': { type: 'string' },
      'decline-rate': { type: 'string' },
    },
    strict: true,
  });
  const size = (values.size ?? DEFAULT_WORLD_SIZE) as WorldSize;
  if (!(size in WORLD_SIZES)) throw new UsageError(`--size must be one of ${Object.keys(WORLD_SIZES).join(', ')}`);
  const auth = oneOf('auth', values.auth, ['oauth', 'any-bearer'] as const);
  const consent = oneOf('consent', values.consent, ['registry', 'all'] as const);
  const declineRate = rate('decline-rate', values['decline-rate']);
  const server = await startMockServer({
    ...(auth ? { auth } : {}),
    ...(consent ? { consent } : {}),
    ...(values.clients ? { clientsFile: resolve(values.clients) } : {}),
    ...(values['open-data'] ? { openDataApis: values['open-data'] } : {}),
    port: integer('port', values.port, 4010, 0, 65_535),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', values.seed, 1, 0, 2 ** 31 - 1),
    size,
    chainDelayMs: integer('chain-delay-ms', values['chain-delay-ms'], DEFAULT_CHAIN_DELAY_MS, 0, 600_000),
    ...(declineRate !== undefined ? { declineRate } : {}),
    onUnexpectedError: (error) => console.error('eduvkit mock: unexpected error', error instanceof Error ? error.message : error),
  });
  out(renderBanner(server));
  return server.close;
}
