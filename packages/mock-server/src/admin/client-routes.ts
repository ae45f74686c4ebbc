import { EduvStatus } from '@eduvkit/core';
import { describeIssues, statusResponse } from '@eduvkit/core/server';
import { z } from 'zod';
import type { RegisteredClient } from '../auth/client-registry';
import { MOCK_SERVER_VERSION } from '../mock-handler';
import type { ClientEndpoints } from '../chain/client-endpoints';
import type { NotificationProducer } from '../notifications/notification-producer';
import { decodePathSegment } from './path-segment';

const Callback = z.strictObject({ url: z.url({ protocol: /^https?$/ }) });
const Endpoints = z.record(z.string().regex(/^[a-z]+-api$/, 'an API name such as "order-api"'), z.url({ protocol: /^https?$/ }));
const PATH = /^\/_admin\/clients\/([^/]+)\/(callback|endpoints)$/;

/**
 * `PUT /_admin/clients/{clientId}/callback {url}`: where a client receives notifications.
 * `PUT /_admin/clients/{clientId}/endpoints {"<api>-api": "<base url>"}`: where its own side of the
 * chain's exchanges lives (confirmations go to `<base url>/orders/confirmations`, …). Edu-V leaves
 * both to registration out of band; in the mock they can also come from the clients file.
 */
export function createClientRoutes(clients: readonly RegisteredClient[], notifications: NotificationProducer, endpoints: ClientEndpoints) {
  return async (request: Request): Promise<Response | undefined> => {
    const match = PATH.exec(new URL(request.url).pathname);
    if (!match) return undefined;
    if (request.method !== 'PUT') return statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, 'use PUT');
    const clientId = decodePathSegment(match[1]!, 'clientId');
    if (clientId instanceof Response) return clientId;
    if (!clients.some((client) => client.clientId === clientId)) {
      return statusResponse(MOCK_SERVER_VERSION, 404, EduvStatus.Other, `no registered client ${clientId.slice(0, 100)}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, 'Schema incorrect: the request body is not valid JSON');
    }
    if (match[2] === 'endpoints') {
      const parsed = Endpoints.safeParse(body);
      if (!parsed.success)
        return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, `Schema incorrect: ${describeIssues('body field', parsed.error.issues)}`);
      endpoints.set(clientId, parsed.data);
      return new Response(null, { status: 204 });
    }
    const parsed = Callback.safeParse(body);
    if (!parsed.success)
      return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, `Schema incorrect: ${describeIssues('body field', parsed.error.issues)}`);
    notifications.setCallbackUrl(clientId, parsed.data.url);
    return new Response(null, { status: 204 });
  };
}
