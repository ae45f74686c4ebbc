import type { MockServer } from './index';

const pad = (text: string, width: number): string => text.padEnd(width);

/** What `eduvkit mock` prints: where every API lives, the seeded schools and a request to try. */
export function renderBanner(server: Pick<MockServer, 'url' | 'seed' | 'world' | 'brons'>, demoToken = 'demo-token'): string {
  const lines: string[] = [`eduvkit mock server listening on ${server.url} (seed ${server.seed})`, '', 'APIs'];
  for (const bron of server.brons) {
    lines.push(`  ${bron.registry.title} ${bron.registry.version}   ${server.url}${bron.basePath}`);
    for (const operation of Object.values(bron.registry.operations)) {
      lines.push(`    ${pad(operation.method, 5)}${operation.path}`);
    }
  }
  lines.push('', 'Seeded schools (orgMasterId, secondary ids, students)');
  for (const school of server.world.schools) {
    const students = server.world.students.get(school.orgMasterId)?.length ?? 0;
    const ids = school.ids.map((id) => `${id.type}=${id.id}`).join(' ');
    lines.push(`  ${school.sector}  ${pad(school.orgMasterId, 8)} ${pad(school.name, 34)} ${pad(String(students), 5)} ${ids}`);
  }
  const first = server.world.schools[0];
  lines.push(
    '',
    'Demo credentials',
    `  Any bearer token is accepted until OAuth lands in the mock; use: Authorization: Bearer ${demoToken}`,
    '  A request without a token gets 401 with a StatusResponse.',
    '',
    'Try',
    `  curl -i -H 'Authorization: Bearer ${demoToken}' '${server.url}/students-api/v1/students/school?orgMasterId=${first?.orgMasterId ?? ''}'`,
    '',
    'Press Ctrl+C to stop.',
  );
  return lines.join('\n');
}
