import { randomUUID } from 'node:crypto';

export interface ExchangeKey {
  readonly clientId: string;
  readonly orgMasterId: string;
  /** Edu-V API name as the Consent API writes it, e.g. `students-api`. */
  readonly api: string;
}

export interface Activation extends ExchangeKey {
  /** Scopes the school activated; empty means every scope the client may have. */
  readonly scopes: readonly string[];
  readonly providerReferenceId: string;
  readonly activatedAt: string;
}

export type ConsentChange = { readonly kind: 'activated'; readonly activation: Activation } | { readonly kind: 'deactivated'; readonly key: ExchangeKey };

const keyOf = (key: ExchangeKey): string => `${key.clientId}\u0000${key.orgMasterId}\u0000${key.api}`;

/**
 * The bron's consent registration (Consentmanagement): which client may receive which API's data
 * for which school. An application manager of the school activates and deactivates exchanges.
 */
export class ConsentRegistry {
  private readonly activations = new Map<string, Activation>();
  private readonly listeners = new Set<(change: ConsentChange) => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  activate(key: ExchangeKey, scopes: readonly string[] = []): Activation {
    const existing = this.activations.get(keyOf(key));
    const activation: Activation = {
      clientId: key.clientId,
      orgMasterId: key.orgMasterId,
      api: key.api,
      scopes: [...scopes].sort(),
      providerReferenceId: existing?.providerReferenceId ?? randomUUID(),
      activatedAt: existing?.activatedAt ?? this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.activations.set(keyOf(key), activation);
    if (!existing) this.emit({ kind: 'activated', activation });
    return activation;
  }

  deactivate(key: ExchangeKey): boolean {
    const removed = this.activations.delete(keyOf(key));
    if (removed) this.emit({ kind: 'deactivated', key: { clientId: key.clientId, orgMasterId: key.orgMasterId, api: key.api } });
    return removed;
  }

  isActive(key: ExchangeKey): boolean {
    return this.activations.has(keyOf(key));
  }

  list(filter: Partial<ExchangeKey> = {}): Activation[] {
    return [...this.activations.values()].filter(
      (activation) =>
        (filter.clientId === undefined || activation.clientId === filter.clientId) &&
        (filter.orgMasterId === undefined || activation.orgMasterId === filter.orgMasterId) &&
        (filter.api === undefined || activation.api === filter.api),
    );
  }

  onChange(listener: (change: ConsentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ConsentChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
