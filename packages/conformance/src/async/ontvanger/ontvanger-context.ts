import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import type { ExchangePair } from '@eduvkit/core/exchange';
import type { TokenSource } from '../../auth/client-credentials';
import type { Exchange, Target } from '../../http/exchange';
import { requestBody } from '../message-bodies';
import type { ConfirmationRecorder, ReceivedConfirmation } from './confirmation-recorder';

type Body = Record<string, unknown>;

/** The first request of a pair, with a fresh reference id, and how the ontvanger answered it. */
export interface SentRequest {
  readonly body: Body;
  readonly referenceId: string;
  readonly exchange: Exchange;
}

export interface OntvangerSettings {
  readonly registry: ApiRegistry;
  readonly target: Target;
  readonly tokens: Pick<TokenSource, 'getToken'>;
  readonly recorder: ConfirmationRecorder;
  readonly confirmationTimeoutMs: number;
  /** orgMasterId for the bodies of operations that select a school in the body. */
  readonly school?: string | undefined;
}

/** What the cases of one ontvanger run share: per pair the first request and the confirmations it got. */
export class OntvangerContext {
  private readonly firsts = new Map<string, Promise<SentRequest>>();
  private readonly confirmed = new Map<string, Promise<ReceivedConfirmation[]>>();

  constructor(readonly settings: OntvangerSettings) {}

  /** PUTs `body` to the operation's endpoint, with the client's token unless `withToken` is false. */
  async put(operation: OperationDefinition, body: unknown, withToken = true): Promise<Exchange> {
    const token = withToken ? await this.settings.tokens.getToken(operation.scopes) : undefined;
    return this.settings.target.send({ method: operation.method, path: operation.path, headers: token ? { authorization: `Bearer ${token}` } : {}, body });
  }

  /** The pair's first request, sent once with a fresh reference id. */
  first(pair: ExchangePair): Promise<SentRequest> {
    let sent = this.firsts.get(pair.request.operationId);
    if (!sent) {
      const body = this.freshBody(pair);
      sent = this.put(pair.request, body).then((exchange) => ({ body, exchange, referenceId: String(body[pair.request.exchange.reference]) }));
      this.firsts.set(pair.request.operationId, sent);
    }
    return sent;
  }

  /** The confirmations of the first request: at least one, or none when none came in time. */
  confirmationsOfFirst(pair: ExchangePair): Promise<ReceivedConfirmation[]> {
    let confirmations = this.confirmed.get(pair.request.operationId);
    if (!confirmations) {
      confirmations = this.first(pair).then((sent) => this.waitFor(pair, sent.referenceId, 1));
      this.confirmed.set(pair.request.operationId, confirmations);
    }
    return confirmations;
  }

  /** A valid request body with a fresh reference id. */
  freshBody(pair: ExchangePair): Record<string, unknown> {
    return requestBody(pair, this.settings.school);
  }

  waitFor(pair: ExchangePair, referenceId: string, count: number): Promise<ReceivedConfirmation[]> {
    return this.settings.recorder.waitFor(pair.confirmation.operationId, referenceId, count, this.settings.confirmationTimeoutMs);
  }
}
