import type { RegisteredClient } from '../auth/client-registry';

/** Per client, where its own side of each chain API lives: `{ "order-api": "http://…/order-api/v0" }`. */
export type EndpointMap = Readonly<Record<string, string>>;

/**
 * The base URLs clients registered for their side of an exchange (out of band in Edu-V: the
 * clients file or `PUT /_admin/clients/{clientId}/endpoints`). Confirmations and requests the mock
 * sends go to `<base url><operation path>`.
 */
export class ClientEndpoints {
  private readonly byClient = new Map<string, Map<string, string>>();

  constructor(private readonly clients: readonly RegisteredClient[]) {
    for (const client of clients) if (client.endpoints) this.set(client.clientId, client.endpoints);
  }

  /** Adds or replaces the given APIs' base URLs of a client; the others stay. */
  set(clientId: string, endpoints: EndpointMap): void {
    const map = this.byClient.get(clientId) ?? new Map<string, string>();
    for (const [api, url] of Object.entries(endpoints)) map.set(api, url.replace(/\/+$/, ''));
    this.byClient.set(clientId, map);
  }

  baseUrl(clientId: string, api: string): string | undefined {
    return this.byClient.get(clientId)?.get(api);
  }

  /** The first client of `role` (in registration order) that registered an endpoint for `api`. */
  clientOfRole(role: string, api: string): string | undefined {
    return this.clients.find((client) => client.role === role && this.baseUrl(client.clientId, api) !== undefined)?.clientId;
  }

  /** Every registration, for the console. */
  list(): Record<string, EndpointMap> {
    return Object.fromEntries([...this.byClient].map(([clientId, map]) => [clientId, Object.fromEntries(map)]));
  }
}
