import type { RegisteredClient } from '../auth/client-registry';
import type { ConsentStore } from '@eduvkit/consent';

export interface ConsentPageModel {
  readonly schools: readonly { readonly orgMasterId: string; readonly name: string; readonly sector: string }[];
  readonly clients: readonly RegisteredClient[];
  /** APIs that need activation, with the roles that may call them. */
  readonly apis: readonly { readonly api: string; readonly title: string; readonly calling: readonly string[] }[];
  readonly openDataApis: readonly string[];
  readonly consent: ConsentStore;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * The school application manager's view: per school, every supplier client that may call an API,
 * whether the exchange is active, and a button to change that.
 */
export function renderConsentPage(model: ConsentPageModel): string {
  const sections = model.schools.map((school) => {
    const rows = model.apis.flatMap((api) =>
      model.clients
        .filter((client) => api.calling.includes(client.role))
        .map((client) => {
          const key = { clientId: client.clientId, orgMasterId: school.orgMasterId, api: api.api };
          const openData = model.openDataApis.includes(api.api);
          const active = model.consent.isActive(key);
          const requested = model.consent.list(key).some((record) => record.dataProvider === 'self' && record.providerStatus === 'requested');
          const id = `${school.orgMasterId}-${client.clientId}-${api.api}`;
          const state = openData ? 'open data' : active ? 'active' : requested ? 'requested' : 'not active';
          const button = openData
            ? ''
            : `<form method="post" action="/_admin/consent"><input type="hidden" name="clientId" value="${escapeHtml(client.clientId)}"><input type="hidden" name="orgMasterId" value="${escapeHtml(school.orgMasterId)}"><input type="hidden" name="api" value="${escapeHtml(api.api)}"><input type="hidden" name="action" value="${active ? 'deactivate' : 'activate'}"><button type="submit" data-testid="toggle-${escapeHtml(id)}">${active ? 'Deactivate' : 'Activate'}</button></form>`;
          return `<tr><td>${escapeHtml(client.name)}<br><small>${escapeHtml(client.clientId)} · ${escapeHtml(client.role)}</small></td><td>${escapeHtml(api.title)}</td><td data-testid="state-${escapeHtml(id)}" class="${state.replace(' ', '-')}">${state}</td><td>${button}</td></tr>`;
        }),
    );
    return `<section><h2>${escapeHtml(school.name)} <small>${escapeHtml(school.sector)} · ${escapeHtml(school.orgMasterId)}</small></h2><table><thead><tr><th>Supplier client</th><th>Gegevensdienst</th><th>Exchange</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eduvkit mock · consent</title><style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}.active{color:#0a0;font-weight:bold}.not-active{color:#a00}.requested{color:#b60;font-weight:bold}
</style></head><body><h1>Activate data exchanges</h1><p>As the school's application manager, activate or deactivate each exchange between this bron and a supplier's client. Data only flows while an exchange is active.</p>${sections.join('')}</body></html>`;
}
