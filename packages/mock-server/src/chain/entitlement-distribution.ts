import { createInMemoryExchangeStore, createVerzender, operationUrl, type ExchangeEvent } from '@eduvkit/core/exchange';
import type { BronOptions } from '@eduvkit/core/server';
import { entitlementApi, type EntitlementConfirmation } from '@eduvkit/entitlement';
import type { ChainContext } from './chain-context';
import type { ChainEntitlement } from './chain-state';
import type { ClientEndpoints } from './client-endpoints';
import type { ExchangeLog } from './exchange-log';
import { scopesOf } from './scopes-of';

/** The receivers of an entitlement, in the critical order of conventions §12.8. */
export const ENTITLEMENT_RECEIVERS = ['Licentieregistratie', 'Leermiddelenportaal'] as const;
export type EntitlementReceiverRole = (typeof ENTITLEMENT_RECEIVERS)[number];

/** The portal name the mock's own Leermiddelenportaal confirms under. */
export const MOCK_PORTAL = 'eduvkit-leermiddelenportaal';

export interface EntitlementDistributionOptions {
  readonly context: ChainContext;
  readonly endpoints: ClientEndpoints;
  readonly log: ExchangeLog;
  /** A bearer token the mock's authorization server issued for that client. */
  readonly tokenFor: (clientId: string, scopes: readonly string[]) => Promise<string>;
  /** Checks the token of a client that PUTs a confirmation. */
  readonly authenticate: NonNullable<BronOptions['authenticate']>;
  /** How long one receiver may take to confirm before processing of the delivery order is tried again. */
  readonly confirmationTimeoutMs: number;
  readonly onEvent?: (event: ExchangeEvent) => void;
}

interface Target {
  readonly clientId: string;
  readonly url: string;
}

/**
 * The mock as Aanspraakmanager sending an entitlement on: first to the Licentieregistratie, and
 * only once it confirmed to the Leermiddelenportaal (§12.8). A receiver is the first client of
 * that role that registered an `entitlement-api` endpoint, else the mock's own internal
 * counterpart. One verzender sends to every client: its fetch routes each request by reference id.
 */
export function createEntitlementDistribution(options: EntitlementDistributionOptions) {
  const { context, endpoints, log } = options;
  const targets = new Map<string, Target>();
  /** One reference id per entitlement and receiver, so a delivery order processed again sends the same request again. */
  const references = new Map<string, string>();

  const routingFetch: typeof fetch = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { entitlementReferenceId: string };
    const target = targets.get(body.entitlementReferenceId);
    if (!target) return new Response(null, { status: 503 });
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${await options.tokenFor(target.clientId, scopesOf(entitlementApi.operations.sendEntitlement))}`);
    return fetch(target.url, { ...init, headers });
  };

  const verzender = createVerzender({
    registry: entitlementApi,
    store: createInMemoryExchangeStore(),
    operations: ['sendEntitlement'],
    requestUrl: () => 'http://entitlement-receiver.invalid/entitlements',
    fetch: routingFetch,
    authenticate: options.authenticate,
    confirmationTimeoutMs: options.confirmationTimeoutMs,
    pollIntervalMs: 200,
    retry: { baseDelayMs: 200, maxDelayMs: 5_000 },
    onEvent: (event) => {
      log.record(event);
      options.onEvent?.(event);
    },
  });

  const sendTo = async (role: EntitlementReceiverRole, clientId: string, record: ChainEntitlement): Promise<EntitlementConfirmation> => {
    const { entitlement } = record;
    const key = `${entitlement.entitlementId} ${role}`;
    const referenceId = references.get(key) ?? context.random.guid();
    references.set(key, referenceId);
    targets.set(referenceId, { clientId, url: operationUrl(endpoints.baseUrl(clientId, entitlementApi.api)!, entitlementApi.operations.sendEntitlement) });
    log.sendingTo(entitlementApi.api, 'sendEntitlement', referenceId, clientId);
    const handle = await verzender.send('sendEntitlement', { entitlementReferenceId: referenceId, entitlement });
    const confirmation = await handle.confirmation;
    log.noteConfirmation('sent', { api: entitlementApi.api, operationId: 'sendEntitlement', peer: '', referenceId }, confirmation.body);
    return confirmation.body as EntitlementConfirmation;
  };

  /** The mock's own counterpart confirms at once: registered `entitled`, access link `processed`. */
  const internally = (role: EntitlementReceiverRole, record: ChainEntitlement): void => {
    if (role === 'Licentieregistratie' && record.entitlement.entitlementStatus === 'created')
      record.entitlement = { ...record.entitlement, entitlementStatus: 'entitled' };
    if (role === 'Leermiddelenportaal') record.urlStatus = 'processed';
  };

  return {
    /** The confirmation endpoint of the entitlements the mock sends (forwarded to by the Entitlement API's bron). */
    confirmations: verzender,
    /** Sends `record` to each receiver in turn and applies each confirmation before the next receiver gets it. */
    async distribute(record: ChainEntitlement): Promise<void> {
      for (const role of ENTITLEMENT_RECEIVERS) {
        const clientId = endpoints.clientOfRole(role, entitlementApi.api);
        if (!clientId) {
          internally(role, record);
          continue;
        }
        const confirmation = await sendTo(role, clientId, record);
        if (confirmation.newEntitlementStatus) record.entitlement = { ...record.entitlement, entitlementStatus: confirmation.newEntitlementStatus };
        if (confirmation.newUrlStatus?.urlStatus) record.urlStatus = confirmation.newUrlStatus.urlStatus;
      }
      // Every receiver confirmed: a retry can no longer need these ids, so the maps stay small.
      for (const role of ENTITLEMENT_RECEIVERS) {
        const key = `${record.entitlement.entitlementId} ${role}`;
        targets.delete(references.get(key) ?? '');
        references.delete(key);
      }
    },
    close: () => verzender.close(),
  };
}

export type EntitlementDistribution = ReturnType<typeof createEntitlementDistribution>;
