import { randomInt } from 'node:crypto';
import { activationcodeApi } from '@eduvkit/activationcode';
import { EduvConfigError, systemClock, type ApiRegistry, type Clock } from '@eduvkit/core';
import { createInMemoryExchangeStore, createOntvanger, operationUrl, type ExchangeRequest, type Ontvanger } from '@eduvkit/core/exchange';
import { createProducts, createRandom, type FixtureSchool } from '@eduvkit/core/fixtures';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { deliverySourceHandlers, deliveryApi } from '@eduvkit/delivery';
import { entitlementApi, entitlementSourceHandlers } from '@eduvkit/entitlement';
import { orderApi } from '@eduvkit/order';
import { usageApi, usageSourceHandlers } from '@eduvkit/usage';
import type { StudentRecord } from '@eduvkit/students/fixtures';
import type { RegisteredClient } from '../auth/client-registry';
import { aanspraakmanager } from './aanspraakmanager';
import { chainBron, forwardTo } from './chain-bron';
import type { ChainContext } from './chain-context';
import { ChainState } from './chain-state';
import { ClientEndpoints } from './client-endpoints';
import { createEntitlementDistribution } from './entitlement-distribution';
import { ExchangeLog } from './exchange-log';
import { activationCodeDesk, licentieregistratie } from './licentieregistratie';
import { ordersysteem } from './ordersysteem';
import { scopesOf } from './scopes-of';
import { seedChain } from './seed';
import { chainSources, type ReadAllowed } from './chain-sources';

/** Defaults that keep the demo quick and still show a pending exchange for a moment. */
export const DEFAULT_CHAIN_DELAY_MS = 250;
export const DEFAULT_DECLINE_RATE = 0;

export interface MockChainOptions {
  readonly seed: number;
  readonly schools: readonly FixtureSchool[];
  /** The world's students: seeded delivery orders name some of them. */
  readonly students: ReadonlyMap<string, readonly StudentRecord[]>;
  readonly clients: readonly RegisteredClient[];
  /** Token, consent and error handling, as every other bron of the mock has them. */
  readonly bron: Pick<BronOptions, 'authenticate' | 'authorize' | 'validateResponses' | 'onUnexpectedError'>;
  /** Consent for reads by id, where the object names the school. */
  readonly readAllowed: ReadAllowed;
  /** A bearer token the mock's authorization server issued for a client, sent with every PUT to it. */
  /** A token of the mock for a push to a client, carrying the scopes the called operation needs. */
  readonly tokenFor: (clientId: string, scopes: readonly string[]) => Promise<string>;
  readonly delayMs?: number;
  readonly declineRate?: number;
  readonly chance?: () => number;
  readonly now?: Clock;
}

export interface MockChain {
  readonly brons: readonly Bron[];
  readonly state: ChainState;
  readonly endpoints: ClientEndpoints;
  readonly log: ExchangeLog;
  close(): Promise<void>;
}

/** Shorter than the machinery's defaults: a local mock retries a client that was down within seconds. */
const RUNTIME = { pollIntervalMs: 200, retry: { baseDelayMs: 200, maxDelayMs: 5_000 } } as const;
/** A receiver of an entitlement gets this long to confirm before the delivery order is processed again. */
const ENTITLEMENT_CONFIRMATION_TIMEOUT_MS = 30_000;

/**
 * The mock as every counterpart of the learning-materials chain, over one state: Ordersysteem,
 * Aanspraakmanager (delivery orders → entitlements → Licentieregistratie, then
 * Leermiddelenportaal; InitialActivation → licensed), Licentieregistratie (entitlements,
 * activation codes, usage) and the reads each of those roles serves.
 */
export function createMockChain(options: MockChainOptions): MockChain {
  const declineRate = options.declineRate ?? DEFAULT_DECLINE_RATE;
  if (!(declineRate >= 0 && declineRate <= 1)) throw new EduvConfigError(`declineRate must be between 0 and 1, got ${declineRate}`);
  const delayMs = options.delayMs ?? DEFAULT_CHAIN_DELAY_MS;
  if (!(Number.isInteger(delayMs) && delayMs >= 0)) throw new EduvConfigError(`chain delay must be a whole number of milliseconds ≥ 0, got ${delayMs}`);
  const now = options.now ?? systemClock;
  // Seeded data is the same for a seed; ids made while running (receipts, codes) differ per run, so a
  // restarted mock never repeats a responseReferenceId a client already holds.
  const random = createRandom(randomInt(2 ** 31 - 1));
  // The shared product range: the Catalogue API serves the same products for the seed.
  const state = new ChainState(createProducts({ seed: options.seed }));
  const context: ChainContext = { state, random, delayMs, declineRate, chance: options.chance ?? Math.random, now };
  seedChain({ ...context, random: createRandom(options.seed) }, options.schools, options.students);
  const endpoints = new ClientEndpoints(options.clients);
  const log = new ExchangeLog(500, now);
  const authenticate = options.bron.authenticate!;

  const distribution = createEntitlementDistribution({
    context,
    endpoints,
    log,
    tokenFor: options.tokenFor,
    authenticate,
    confirmationTimeoutMs: ENTITLEMENT_CONFIRMATION_TIMEOUT_MS,
  });
  const manager = aanspraakmanager(context, distribution);

  const ontvanger = (registry: ApiRegistry, process: (request: ExchangeRequest) => Promise<Record<string, unknown>>, leaseMs?: number): Ontvanger =>
    createOntvanger({
      registry,
      store: createInMemoryExchangeStore(),
      ...RUNTIME,
      ...(leaseMs ? { leaseMs } : {}),
      authenticate,
      onEvent: log.record,
      async process(request, { confirmation }) {
        const body = await process(request);
        log.noteConfirmation('received', request, { ...body, [confirmation.exchange.reference]: request.referenceId });
        return body;
      },
      confirmationUrl(peer, operation) {
        const base = endpoints.baseUrl(peer, registry.api);
        return base && operationUrl(base, operation);
      },
      authorization: (peer, operation) => options.tokenFor(peer, scopesOf(operation)),
    });

  const parties: Ontvanger[] = [
    ontvanger(orderApi, ordersysteem(context)),
    // Two receivers, each given the confirmation timeout, plus the chain delay: the lease must outlast them.
    ontvanger(deliveryApi, manager.deliveryOrder, 3 * ENTITLEMENT_CONFIRMATION_TIMEOUT_MS),
    ontvanger(entitlementApi, licentieregistratie(context)),
    ontvanger(activationcodeApi, activationCodeDesk(context)),
    ontvanger(usageApi, manager.initialActivation),
  ];
  const [order, delivery, entitlement, activationcode, usage] = parties.map(forwardTo) as [ReturnType<typeof forwardTo>, ...ReturnType<typeof forwardTo>[]];
  const bronOptions: BronOptions = { ...options.bron, schools: options.schools };
  // The bron checked school and consent already; the source handlers resolve the school once more for their source.
  const sources = chainSources(state, options.schools, [deliveryApi, entitlementApi, usageApi], options.readAllowed);
  const reads = <H extends object>(handlers: H) => handlers as unknown as Record<string, ReturnType<typeof forwardTo>>;
  const brons = [
    chainBron(orderApi, { placeOrder: order, placeCreditOrder: order }, bronOptions),
    chainBron(deliveryApi, { sendDeliveryOrder: delivery!, ...reads(deliverySourceHandlers(sources.delivery)) }, bronOptions),
    chainBron(
      entitlementApi,
      {
        sendEntitlement: entitlement!,
        changeLicenseStatus: entitlement!,
        confirmEntitlement: forwardTo(distribution.confirmations),
        ...reads(entitlementSourceHandlers(sources.entitlement)),
      },
      bronOptions,
    ),
    chainBron(activationcodeApi, { requestActivationCodes: activationcode!, revokeActivationCode: activationcode! }, bronOptions),
    chainBron(usageApi, { reportInitialActivation: usage!, ...reads(usageSourceHandlers(sources.usage)) }, bronOptions),
  ];
  return {
    brons,
    state,
    endpoints,
    log,
    async close() {
      await Promise.all([...parties.map((party) => party.close()), distribution.close()]);
    },
  };
}
