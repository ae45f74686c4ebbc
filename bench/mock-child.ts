// The eduvkit mock server in its own process (started by lib.ts `startMockChild`). It reports its
// URL, its schools and an Authorization header that gets the 500-student list (see auth.ts).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { startMockServer } from '@eduvkit/mock-server';
import { mockAuthorization, type MockAppLike } from './auth';
import { retainedMemory } from './retained';

const STUDENTS_PATH = '/students-api/v1/students/school';

const validateResponses = process.env.BENCH_VALIDATE_RESPONSES !== 'false';
const server = await startMockServer({ port: 0, seed: 1, ...(validateResponses ? {} : { validateResponses: false }) });
const schools = server.world.schools.map((school) => ({
  orgMasterId: school.orgMasterId,
  sector: school.sector,
  name: school.name,
  students: server.world.students.get(school.orgMasterId)?.length ?? 0,
}));
let profiler: Session | undefined;
// If the bench dies without saying 'close', do not linger as an orphan.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: unknown) => {
  if (message === 'memory') {
    process.send!({ type: 'memory', rss: process.memoryUsage().rss });
  } else if (message === 'heap') {
    // With --expose-gc: what is still retained after a full collection (growth there is a leak, not GC slack).
    void retainedMemory().then((retained) => process.send!({ type: 'heap', ...retained }));
  } else if (message === 'close') {
    void server.close().finally(() => process.exit(0));
  } else if (message === 'profile-start') {
    // The V8 CPU profiler of this process (what --cpu-prof uses), started only for the load window.
    profiler = new Session();
    profiler.connect();
    void profiler
      .post('Profiler.enable')
      .then(() => profiler!.post('Profiler.setSamplingInterval', { interval: 250 }))
      .then(() => profiler!.post('Profiler.start'))
      .then(() => process.send!({ type: 'profile-started' }));
  } else if (message === 'profile-stop' && profiler) {
    void profiler.post('Profiler.stop').then(({ profile }) => {
      profiler!.disconnect();
      const file = join(process.env.BENCH_PROFILE_DIR ?? '.', `mock-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      process.send!({ type: 'profile-written', file });
    });
  }
});
try {
  const school = schools.find((candidate) => candidate.students === 500);
  if (!school) throw new Error('the mock world has no school with 500 students');
  const probeUrl = `${server.url}${STUDENTS_PATH}?orgMasterId=${encodeURIComponent(school.orgMasterId)}`;
  const auth = await mockAuthorization((request) => fetch(request), probeUrl, server as unknown as MockAppLike, 500);
  process.send!({ type: 'ready', url: server.url, schools, authorization: auth.authorization, authMode: auth.mode });
} catch (error) {
  process.send!({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
