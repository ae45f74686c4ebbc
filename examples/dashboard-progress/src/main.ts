import { createStudentsWorld } from '@eduvkit/students/fixtures';
import { createDashboard } from './dashboard';
import { serveDashboard } from './dashboard-server';

// npm start -w @eduvkit/example-dashboard-progress: a dashboard on http://127.0.0.1:4020 that serves
// the students of the mock's seed-1 world; point a Gebruiksomgeving or toetssysteem at
//   http://127.0.0.1:4020/progress-api/v0 and http://127.0.0.1:4020/results-api/v2
const DEFAULT_PORT = 4020;
const world = createStudentsWorld({ seed: 1 });
const roster = new Map(
  world.schools.map((school) => [
    school.orgMasterId,
    world.students
      .get(school.orgMasterId)!
      .map(({ student }) => ({ ...(student.userMasterIdentifier ? { userMasterIdentifier: student.userMasterIdentifier } : {}), userIds: student.userIds! })),
  ]),
);
// A local demo: any bearer token gets in. In production pass `authenticate` (a token verifier) instead.
const dashboard = createDashboard(world.schools, roster, { dangerouslyAcceptAnyToken: true });
const server = await serveDashboard(dashboard.brons, Number(process.env.PORT ?? DEFAULT_PORT));
console.log(`Leermiddelendashboard listening on ${server.url} (any bearer token; check tokens with bron.authenticate in production)`);
