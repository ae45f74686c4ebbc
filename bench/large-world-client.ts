// The afnemer side of large-world.ts in its own process, so its memory is measured alone.
import { readFileSync } from 'node:fs';
import { createAssociationClient } from '@eduvkit/association';
import { createClientCredentialsTokenProvider, loadPrivateKey } from '@eduvkit/auth';
import { createEducationClient } from '@eduvkit/education';
import { createEmployeesClient } from '@eduvkit/employees';
import { createStudentsClient } from '@eduvkit/students';

const { url, keyFile, keyId, largest, schools, task } = JSON.parse(process.argv[2]!) as {
  url: string;
  keyFile: string;
  keyId: string;
  largest: string;
  schools: string[];
  task: 'largest' | 'sync';
};
const tokenProvider = createClientCredentialsTokenProvider({
  clientId: 'demo-bestelomgeving',
  privateKey: loadPrivateKey(readFileSync(keyFile, 'utf8')),
  keyId,
  issuer: url,
});
const options = { tokenProvider, validation: 'strict' as const, timeoutMs: 120_000 };
const students = createStudentsClient({ ...options, baseUrl: `${url}/students-api/v1` });
await tokenProvider.getToken({ scopes: ['eduv.student.basic'] });

const maxRss = () => process.resourceUsage().maxRSS * 1024;
let result: Record<string, unknown>;
if (task === 'largest') {
  // A fresh process: only imports and a token before the baseline, so its peak RSS is the baseline
  // itself and the growth of the peak is what fetching and validating the answer cost.
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const { data } = await students.listForSchool({ orgMasterId: largest });
  const clientMs = performance.now() - started;
  const peakRss = maxRss();
  const againStarted = performance.now();
  await students.listForSchool({ orgMasterId: largest });
  const againMs = performance.now() - againStarted;
  const raw = await fetch(`${url}/students-api/v1/students/school?orgMasterId=${largest}`, {
    headers: { authorization: `Bearer ${await tokenProvider.getToken({ scopes: ['eduv.student.basic'] })}` },
  });
  const jsonBytes = (await raw.arrayBuffer()).byteLength;
  result = { students: data.length, jsonBytes, clientStrictMs: clientMs, againMs, rssBefore, peakRss, peakGrowth: peakRss - rssBefore };
} else {
  const employees = createEmployeesClient({ ...options, baseUrl: `${url}/employees-api/v1` });
  const education = createEducationClient({ ...options, baseUrl: `${url}/education-api/v1` });
  const association = createAssociationClient({ ...options, baseUrl: `${url}/association-api/v1` });
  const counts = { students: 0, employees: 0, studyOfferings: 0, subjectOfferings: 0, schoolPeriods: 0, groups: 0, enrollments: 0, assignments: 0 };
  const started = performance.now();
  for (const orgMasterId of schools) {
    const school = { orgMasterId };
    const [a, b, c, d, e, f, g, h] = await Promise.all([
      students.listForSchool(school),
      employees.listForSchool(school),
      education.listStudyOfferings(school),
      education.listSubjectOfferings(school),
      association.listSchoolPeriods(school),
      association.listGroups(school),
      association.listEnrollments(school),
      association.listAssignments(school),
    ]);
    counts.students += a.data.length;
    counts.employees += b.data.length;
    counts.studyOfferings += c.data.length;
    counts.subjectOfferings += d.data.length;
    counts.schoolPeriods += e.data.length;
    counts.groups += f.data.length;
    counts.enrollments += g.data.length;
    counts.assignments += h.data.length;
  }
  const cpu = process.cpuUsage();
  result = { ...counts, syncMs: performance.now() - started, peakRss: maxRss(), clientCpuMs: (cpu.user + cpu.system) / 1000 };
}
await tokenProvider.close();
process.send!(result);
