import { apiForObjectType, type Subscription } from '@eduvkit/notifications';

export interface DeliveryAttempt {
  /** ISO 8601, when the attempt started. */
  readonly time: string;
  readonly durationMs: number;
  /** The receiver's HTTP status; absent when no answer came (see `error`). */
  readonly httpStatus?: number;
  /** Why no answer came: connection refused, timeout, aborted. */
  readonly error?: string;
}

/** One batch of notifications for one subscriber, with every attempt to hand it over. */
export interface Delivery {
  readonly id: number;
  readonly clientId?: string;
  readonly api?: string;
  /** The receiver's `…/notifications` URL. */
  readonly url: string;
  readonly notificationIds: readonly string[];
  readonly attempts: DeliveryAttempt[];
  /** A 2xx came back. */
  delivered: boolean;
}

const MAX_BATCH_IDS = 100;

function errorText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error) return error.name === 'TimeoutError' || error.name === 'AbortError' ? error.name : error.message.slice(0, 200);
  return 'the request failed';
}

function idsOf(body: RequestInit['body']): { ids: string[]; api?: string } {
  if (typeof body !== 'string') return { ids: [] };
  try {
    const batch = JSON.parse(body) as { id?: unknown; objectType?: unknown }[];
    const ids = batch.map((notification) => String(notification.id)).slice(0, MAX_BATCH_IDS);
    const objectType = batch[0]?.objectType;
    const api = typeof objectType === 'string' ? apiForObjectType(objectType) : undefined;
    return { ids, ...(api ? { api } : {}) };
  } catch {
    return { ids: [] };
  }
}

/**
 * The producer's pushes as the console shows them: the dispatcher sends through `fetch` here,
 * which records each attempt (a retry of the same batch joins its delivery) and passes it on.
 * Holds the last `capacity` deliveries; never their Authorization header.
 */
export class DeliveryLog {
  private readonly deliveries: Delivery[] = [];
  private created = 0;

  constructor(
    private readonly subscriptions: () => readonly Subscription[],
    readonly capacity = 200,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Newest first. */
  list(limit = this.capacity): Delivery[] {
    return this.deliveries.slice(-limit).reverse();
  }

  private deliveryFor(url: string, body: RequestInit['body']): Delivery {
    const { ids, api } = idsOf(body);
    const key = ids.join(',');
    for (let index = this.deliveries.length - 1; index >= 0; index--) {
      const delivery = this.deliveries[index]!;
      if (delivery.url === url && !delivery.delivered && delivery.notificationIds.join(',') === key) return delivery;
    }
    const clientId = this.subscriptions().find(
      (subscription) => `${subscription.callbackUrl}/notifications` === url && (!api || subscription.api === api),
    )?.clientId;
    const delivery: Delivery = {
      id: ++this.created,
      ...(clientId ? { clientId } : {}),
      ...(api ? { api } : {}),
      url,
      notificationIds: ids,
      attempts: [],
      delivered: false,
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > this.capacity) this.deliveries.shift();
    return delivery;
  }

  /** A fetch for the dispatcher that records every attempt through `send`. */
  recordingFetch(send: () => typeof fetch = () => globalThis.fetch): typeof fetch {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const delivery = this.deliveryFor(url, init?.body);
      const time = this.now().toISOString();
      const started = performance.now();
      const took = () => Math.round(performance.now() - started);
      try {
        const response = await send()(input, init);
        delivery.attempts.push({ time, durationMs: took(), httpStatus: response.status });
        if (response.ok) delivery.delivered = true;
        return response;
      } catch (error) {
        delivery.attempts.push({ time, durationMs: took(), error: errorText(error) });
        throw error;
      }
    };
  }
}
