/**
 * The developer console at `/_admin`: one static page whose inline script reads the console's
 * JSON endpoints and fills the tables with DOM text nodes (never HTML from data). No build step,
 * nothing loaded from elsewhere.
 */
export function renderConsolePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eduvkit mock · console</title><link rel="icon" href="data:,"><style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;width:100%;margin-bottom:1rem;font-size:.9rem}
td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
code,.path{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}.ok{color:#070}.refused{color:#a00;font-weight:bold}
.reason{color:#a00}.people{max-height:18rem;overflow:auto;font-size:.8rem;word-break:break-all}.muted{color:#777}nav a{margin-right:1rem}section{margin-bottom:2.5rem}button{font-size:.85rem}
</style></head><body>
<h1>eduvkit mock · developer console</h1>
<nav><a href="#requests">Requests</a><a href="#world">World</a><a href="#deliveries">Notification deliveries</a><a href="#exchanges">Exchanges</a><a href="/_admin/consent">Consent (activate exchanges)</a></nav>
<section id="requests"><h2>Requests</h2>
<p>Every request the mock answered, newest first, with the reason of every refusal. Tokens, assertions and secrets are never shown. Also at <a href="/_admin/requests"><code>GET /_admin/requests</code></a>.</p>
<label><input type="checkbox" id="refusals-only"> refusals only</label> <label><input type="checkbox" id="paused"> pause</label> <button type="button" id="clear">Clear</button>
<table><thead><tr><th>Time</th><th>Client</th><th>API</th><th>Method</th><th>Path</th><th>Status</th><th>Edu-V</th><th>Reason</th><th>ms</th></tr></thead><tbody id="request-rows"></tbody></table>
<p id="requests-empty" class="muted">No requests yet.</p></section>
<section id="world"><h2>World</h2><p>The seeded schools with their students and staff (<a href="/_admin/world"><code>GET /_admin/world</code></a>).</p>
<table><thead><tr><th>School</th><th>orgMasterId</th><th>Sector</th><th>City</th><th>Students</th><th>Staff</th><th></th></tr></thead><tbody id="school-rows"></tbody></table></section>
<section id="consent"><h2>Consent</h2><p>Activate or deactivate exchanges as the school's application manager on the <a href="/_admin/consent">consent page</a>; the registrations as JSON are at <a href="/_admin/consents"><code>GET /_admin/consents</code></a>.</p></section>
<section id="deliveries"><h2>Notification deliveries</h2><p>Every push of notifications to a subscriber, with each attempt (<a href="/_admin/deliveries"><code>GET /_admin/deliveries</code></a>).</p>
<table><thead><tr><th>Client</th><th>API</th><th>Receiver</th><th>Notifications</th><th>Attempts</th><th>State</th></tr></thead><tbody id="delivery-rows"></tbody></table>
<p id="deliveries-empty" class="muted">No deliveries yet.</p></section>
<section id="exchanges"><h2>Exchanges</h2><p>Exchanges of the chain (<a href="/_admin/exchanges"><code>GET /_admin/exchanges</code></a>).</p>
<table><thead><tr><th>Time</th><th>Direction</th><th>Client</th><th>API</th><th>Operation</th><th>Reference id</th><th>State</th><th>Attempts</th><th>Confirmation</th></tr></thead><tbody id="exchange-rows"></tbody></table>
<p id="exchanges-empty" class="muted">No exchanges yet.</p></section>
<script>${CONSOLE_SCRIPT}</script></body></html>`;
}

// Plain browser JavaScript, kept as a string so it is served as it is written.
const CONSOLE_SCRIPT = String.raw`
'use strict';
const $ = (id) => document.getElementById(id);
const cell = (row, text, className) => {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (className) td.className = className;
  return td;
};
const getJson = async (path) => {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
};
const fill = (tbodyId, emptyId, items, addRow) => {
  const tbody = $(tbodyId);
  tbody.replaceChildren();
  for (const item of items) addRow(tbody.insertRow(), item);
  if (emptyId) $(emptyId).hidden = items.length > 0;
};

const showRequests = (entries) => {
  const refusalsOnly = $('refusals-only').checked;
  fill('request-rows', 'requests-empty', entries.filter((entry) => !refusalsOnly || entry.httpStatus >= 400), (row, entry) => {
    row.dataset.testid = 'request-' + entry.id;
    cell(row, new Date(entry.time).toLocaleTimeString('en-GB'));
    cell(row, entry.clientId || '—', entry.clientId ? '' : 'muted');
    cell(row, entry.api);
    cell(row, entry.method);
    cell(row, entry.path, 'path');
    cell(row, entry.httpStatus, entry.httpStatus >= 400 ? 'refused' : 'ok');
    cell(row, entry.eduvStatus);
    const reason = cell(row, entry.reason, 'reason');
    if (entry.refusal) reason.title = entry.refusal;
    cell(row, entry.durationMs);
  });
};

let lastRequests = [];
const pollRequests = async () => {
  try {
    if (!$('paused').checked) showRequests((lastRequests = await getJson('/_admin/requests?limit=200')));
  } catch (error) {
    console.warn('request log:', error.message);
  }
  setTimeout(pollRequests, 1500);
};
$('refusals-only').addEventListener('change', () => showRequests(lastRequests));
$('clear').addEventListener('click', async () => {
  await fetch('/_admin/requests', { method: 'DELETE' });
  showRequests((lastRequests = []));
});

const showPeople = async (row, school, button) => {
  const next = row.nextElementSibling;
  if (next && next.dataset.people === school.orgMasterId) {
    next.remove();
    button.textContent = 'show';
    return;
  }
  const people = await getJson('/_admin/world/schools/' + encodeURIComponent(school.orgMasterId) + '?limit=50');
  const detail = row.parentElement.insertRow(row.sectionRowIndex + 1);
  detail.dataset.people = school.orgMasterId;
  const td = detail.insertCell();
  td.colSpan = 7;
  td.className = 'people';
  const list = (title, items, describe) => {
    const heading = document.createElement('strong');
    heading.textContent = title + ' (first ' + items.length + ')';
    const ul = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      li.textContent = describe(item);
      ul.append(li);
    }
    td.append(heading, ul);
  };
  list('Students', people.students, (student) => student.name + (student.eckId ? ' · ' + student.eckId : '') + (student.unit ? ' · ' + student.unit : ''));
  list('Staff', people.employees, (employee) => employee.name + ' · ' + employee.roles.join(', ') + (employee.unit ? ' · ' + employee.unit : ''));
  button.textContent = 'hide';
};

const loadWorld = async () => {
  const world = await getJson('/_admin/world');
  fill('school-rows', undefined, world.schools, (row, school) => {
    row.dataset.testid = 'school-' + school.orgMasterId;
    cell(row, school.name);
    cell(row, school.orgMasterId, 'path');
    cell(row, school.sector);
    cell(row, school.city);
    cell(row, school.students);
    cell(row, school.employees);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'show';
    button.addEventListener('click', () => showPeople(row, school, button).catch((error) => console.warn('world:', error.message)));
    row.insertCell().append(button);
  });
};

const pollDeliveries = async () => {
  try {
    const deliveries = await getJson('/_admin/deliveries?limit=100');
    fill('delivery-rows', 'deliveries-empty', deliveries, (row, delivery) => {
      cell(row, delivery.clientId || '—');
      cell(row, delivery.api);
      cell(row, delivery.url, 'path');
      cell(row, delivery.notificationIds.length);
      cell(row, delivery.attempts.map((attempt) => new Date(attempt.time).toLocaleTimeString('en-GB') + ' ' + (attempt.httpStatus ?? attempt.error) + ' (' + attempt.durationMs + ' ms)').join('; '));
      cell(row, delivery.delivered ? 'delivered' : 'retrying', delivery.delivered ? 'ok' : 'refused');
    });
    const exchanges = await getJson('/_admin/exchanges');
    fill('exchange-rows', 'exchanges-empty', exchanges, (row, exchange) => {
      cell(row, new Date(exchange.createdAt).toLocaleTimeString('en-GB'));
      cell(row, exchange.direction === 'sent' ? 'mock → client' : 'client → mock');
      cell(row, exchange.peer || '—');
      cell(row, exchange.api);
      cell(row, exchange.operationId);
      cell(row, exchange.referenceId, 'path');
      cell(row, exchange.state + (exchange.repeats ? ' (repeated ' + exchange.repeats + '×)' : ''), exchange.state === 'confirmed' ? 'ok' : exchange.state === 'failed' ? 'refused' : undefined);
      cell(row, exchange.attempts + (exchange.deliveryAttempts ? ' / ' + exchange.deliveryAttempts + ' deliveries' : '') + (exchange.lastError ? ': ' + exchange.lastError : ''));
      const confirmation = exchange.confirmation || {};
      cell(row, ['orderStatus', 'newStatus', 'newEntitlementStatus', 'creditOrderStatus', 'statusMessage'].filter((field) => confirmation[field] !== undefined).map((field) => field + ' ' + confirmation[field]).join(', '));
    });
  } catch (error) {
    console.warn('deliveries:', error.message);
  }
  setTimeout(pollDeliveries, 3000);
};

loadWorld().catch((error) => console.warn('world:', error.message));
pollRequests();
pollDeliveries();
`;
