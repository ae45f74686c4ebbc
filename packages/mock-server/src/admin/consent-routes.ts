import { EduvStatus } from '@eduvkit/core';
import { describeIssues, jsonResponse, statusResponse } from '@eduvkit/core/server';
import { z } from 'zod';
import { renderConsentPage, type ConsentPageModel } from '../consent/consent-page';
import { MOCK_SERVER_VERSION } from '../mock-handler';

const ConsentChange = z.object({
  clientId: z.string().min(1),
  orgMasterId: z.string().min(1),
  api: z.string().min(1),
  active: z.boolean(),
  scopes: z.array(z.string()).optional(),
});

type Change = z.infer<typeof ConsentChange>;

function refusal(message: string): Response {
  return statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.SchemaIncorrect, `Schema incorrect: ${message}`);
}

/** Applies a change after checking that it names a registered client, a seeded school and an API. */
function apply(model: ConsentPageModel, change: Change): Response | undefined {
  if (!model.clients.some((client) => client.clientId === change.clientId)) return refusal(`body field "clientId" names no registered client`);
  if (!model.schools.some((school) => school.orgMasterId === change.orgMasterId)) return refusal(`body field "orgMasterId" names no seeded school`);
  if (!model.apis.some((api) => api.api === change.api)) return refusal(`body field "api" must be one of ${model.apis.map((api) => api.api).join(', ')}`);
  const key = { clientId: change.clientId, orgMasterId: change.orgMasterId, api: change.api };
  if (change.active) model.consent.activate(key, change.scopes);
  else model.consent.deactivate(key);
  return undefined;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `/_admin/consent` (the application manager's web page) and `/_admin/consents` (the same for
 * scripts). Local development only: these routes take no token.
 */
export function createConsentRoutes(model: ConsentPageModel) {
  return async (request: Request): Promise<Response | undefined> => {
    const { pathname } = new URL(request.url);
    if (pathname === '/_admin/consent') {
      if (request.method === 'GET') {
        return new Response(renderConsentPage(model), { headers: { 'content-type': 'text/html; charset=utf-8' } });
      }
      if (request.method === 'POST') {
        const form = new URLSearchParams(await request.text());
        const action = form.get('action');
        if (action !== 'activate' && action !== 'deactivate') return refusal('form field "action" must be activate or deactivate');
        const refused = apply(model, {
          clientId: form.get('clientId') ?? '',
          orgMasterId: form.get('orgMasterId') ?? '',
          api: form.get('api') ?? '',
          active: action === 'activate',
        });
        return refused ?? new Response(null, { status: 303, headers: { location: '/_admin/consent' } });
      }
      return statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, 'use GET or POST');
    }
    if (pathname === '/_admin/consents') {
      if (request.method === 'GET') return jsonResponse(MOCK_SERVER_VERSION, 200, { consents: model.consent.list() });
      if (request.method === 'PUT') {
        const parsed = ConsentChange.safeParse(await readJson(request));
        if (!parsed.success) return refusal(describeIssues('body field', parsed.error.issues));
        const refused = apply(model, parsed.data);
        if (refused) return refused;
        return jsonResponse(MOCK_SERVER_VERSION, 200, {
          consents: model.consent.list({ clientId: parsed.data.clientId, orgMasterId: parsed.data.orgMasterId }),
        });
      }
      return statusResponse(MOCK_SERVER_VERSION, 405, EduvStatus.Other, 'use GET or PUT');
    }
    return undefined;
  };
}
