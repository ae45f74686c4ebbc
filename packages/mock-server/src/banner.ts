import { studentsApi } from '@eduvkit/students';
import type { MockServer } from './index';

const pad = (text: string, width: number): string => text.padEnd(width);

/** What `eduvkit mock` prints: where every API lives, the seeded schools, the demo clients and a request to try. */
export function renderBanner(server: Omit<MockServer, 'close' | 'port'>): string {
  const lines: string[] = [`eduvkit mock server listening on ${server.url} (seed ${server.seed})`, '', 'APIs'];
  for (const bron of server.brons) {
    lines.push(`  ${bron.registry.title} ${bron.registry.version}   ${server.url}${bron.basePath}`);
    for (const operation of Object.values(bron.registry.operations)) {
      lines.push(`    ${pad(operation.method, 5)}${operation.path}`);
    }
  }
  lines.push('', 'Seeded schools (sector, orgMasterId, name, students, staff, secondary ids)');
  for (const school of server.world.schools) {
    const students = server.world.students.get(school.orgMasterId)?.length ?? 0;
    const staff = server.world.employees.get(school.orgMasterId)?.length ?? 0;
    const ids = school.ids.map((id) => `${id.type}=${id.id}`).join(' ');
    lines.push(`  ${school.sector}  ${pad(school.orgMasterId, 8)} ${pad(school.name, 34)} ${pad(String(students), 5)} ${pad(String(staff), 4)} ${ids}`);
  }
  lines.push('', `Developer console (every request, and why it was refused): ${server.url}/_admin`);
  const first = server.world.schools[0];
  const tryUrl = `${server.url}${studentsApi.basePath}${studentsApi.operations.listStudentsForSchool.path}?orgMasterId=${first?.orgMasterId ?? ''}`;
  const urlOption = server.url === 'http://127.0.0.1:4010' ? '' : ` --url ${server.url}`;
  if (server.auth === 'any-bearer') {
    lines.push(
      '',
      'Authentication: any bearer token is accepted (--auth any-bearer).',
      '',
      'Try',
      `  curl -i -H 'Authorization: Bearer demo-token' '${tryUrl}'`,
    );
  } else {
    lines.push('', 'Demo clients (DEVELOPMENT ONLY: their private keys ship with eduvkit; see packages/mock-server/demo/README.md)');
    for (const client of server.clients) {
      const scopes = [...(server.authorizationServer.allowedScopes(client.clientId) ?? [])];
      const activations = server.consent.list({ clientId: client.clientId }).filter((record) => server.consent.isActive(record)).length;
      lines.push(`  ${pad(client.clientId, 22)} ${pad(client.role, 30)} ${activations} active exchange(s)   scopes: ${scopes.join(' ') || '(none here)'}`);
    }
    lines.push(
      '',
      `OAuth 2.0 client credentials with private_key_jwt. Token endpoint: ${server.authorizationServer.tokenEndpoint}`,
      `Discovery: ${server.url}/.well-known/openid-configuration`,
      `Consent (the school's application manager): ${server.url}/_admin/consent`,
      '',
      'Try',
      `  TOKEN=$(npx eduvkit token --client demo-bestelomgeving${urlOption})`,
      `  curl -i -H "Authorization: Bearer $TOKEN" '${tryUrl}'`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}
