// The mock server with the large world (~100,000 students) in its own process, for large-world.ts.
import { startMockServer } from '@eduvkit/mock-server';
import { retainedMemory } from './retained';

const started = performance.now();
const server = await startMockServer({ port: 0, seed: 1, size: 'large' });
const startMs = performance.now() - started;
const schools = server.world.schools.map((school) => ({
  orgMasterId: school.orgMasterId,
  sector: school.sector,
  students: server.world.students.get(school.orgMasterId)!.length,
}));
process.on('message', (message: unknown) => {
  if (message === 'memory') {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send!({
      type: 'memory',
      rss,
      heapUsed,
      heapTotal,
      external,
      arrayBuffers,
      maxRss: process.resourceUsage().maxRSS * 1024,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  }
  if (message === 'retained') {
    // After the figures above: a full collection (--expose-gc) shows what is retained, not collectable garbage.
    void retainedMemory().then((retained) => process.send!({ type: 'retained', ...retained }));
  }
  if (message === 'close') void server.close().finally(() => process.exit(0));
});
const rssAtStart = process.memoryUsage().rss;
const retainedAtStart = await retainedMemory();
const demo = server.clients.find((client) => client.clientId === 'demo-bestelomgeving')!;
const startCpu = process.cpuUsage();
process.send!({
  type: 'ready',
  cpuMs: (startCpu.user + startCpu.system) / 1000,
  url: server.url,
  startMs,
  rss: rssAtStart,
  retainedAtStart: { rss: retainedAtStart.rss, heapUsed: retainedAtStart.heapUsed, arrayBuffers: retainedAtStart.arrayBuffers },
  schools,
  keyFile: demo.privateKeyFile,
  keyId: demo.jwks.keys[0]!.kid,
});
