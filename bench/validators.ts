// Benchmark 2: validating 1,000 students with plain zod, zod's z.compile and Ajv 8 (compiled from
// the same Student component of the bundled openapi.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { z } from 'zod';
import { createSchools } from '@eduvkit/core/fixtures';
import { StudentSchema, type Student } from '@eduvkit/students';
import { createStudentRecords } from '@eduvkit/students/fixtures';
import { REPO_ROOT, cpuSnapshot, foreignShare, isMain, measureOpsInterleaved, waitForQuiet, type OpsResult } from './lib';

// ajv and ajv-formats are CommonJS with `exports.default`; under ESM the default import is the class.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

export const STUDENT_COUNT = 1_000;
const COMPONENTS_ID = 'https://eduvkit.invalid/bench/students-openapi-components.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable: true` becomes a `null` type, `example`
 * and `x-*` annotations go, and eduvkit's `x-eduv-required-one-of` (the "either
 * userMasterIdentifier or userIds" rule the zod schema has as a refine) becomes an `anyOf` of
 * `required`s, so both sides check the same rule.
 */
export function openApiToJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  let out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'nullable' || key === 'discriminator' || key === 'xml' || key === 'externalDocs') continue;
    if (key.startsWith('x-')) continue;
    out[key] = openApiToJsonSchema(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.enum !== undefined && Array.isArray(out.enum)) out.enum = [...out.enum, null];
    else out = { anyOf: [out, { type: 'null' }] };
  }
  const oneOf = node['x-eduv-required-one-of'];
  if (Array.isArray(oneOf) && oneOf.length > 0) {
    const anyOf = oneOf.map((name) => ({ required: [name] }) as Json);
    if (out.anyOf === undefined) out.anyOf = anyOf;
    else out.allOf = [...((out.allOf as Json[] | undefined) ?? []), { anyOf }];
  }
  return out;
}

export function createAjvStudentsValidator(): { validate: (data: unknown) => boolean; compileMs: number; schemaRef: string } {
  const document = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/students/openapi.json'), 'utf8')) as { components: { schemas: Json } };
  const started = performance.now();
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv, ['date', 'date-time']);
  // The components become one schema with an $id, so `#/components/schemas/...` refs resolve in it.
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: openApiToJsonSchema(document.components.schemas) } });
  const schemaRef = `${COMPONENTS_ID}#/components/schemas/Student`;
  const validate = ajv.compile({ type: 'array', items: { $ref: schemaRef } });
  return { validate: (data) => validate(data) as boolean, compileMs: performance.now() - started, schemaRef };
}

export function createBenchStudents(count = STUDENT_COUNT): { students: Student[]; school: { orgMasterId: string; name: string } } {
  const school = createSchools({ seed: 1, po: 0, vo: 1 }).find((candidate) => candidate.sector === 'vo');
  if (!school) throw new Error('createSchools gave no vo school');
  const students = createStudentRecords({ seed: 1, school, count }).map((record) => record.student);
  return { students, school: { orgMasterId: school.orgMasterId, name: school.name } };
}

export interface ValidatorResult {
  label: string;
  valid: OpsResult;
  /** The same array with one broken student (the last one). */
  invalid: OpsResult;
}

export interface AgreementCase {
  name: string;
  expected: boolean;
  zod: boolean;
  compiled: boolean;
  ajv: boolean;
}

export interface ValidatorBenchResult {
  count: number;
  school: { orgMasterId: string; name: string };
  jsonBytes: number;
  zodCompileAvailable: boolean;
  zodCompileNote: string;
  zodCompileMs: number;
  ajvCompileMs: number;
  agreement: AgreementCase[];
  allAgree: boolean;
  results: ValidatorResult[];
  /** Share of the machine's CPU that other processes used while timing. */
  otherCpu?: number;
  ratioZodVsAjv: number;
  ratioCompiledVsAjv: number;
  ratioCompiledVsZod: number;
}

function broken(students: readonly Student[], index: number, change: (student: Record<string, unknown>) => void): unknown[] {
  const copy: unknown[] = students.slice();
  const student = structuredClone(students[index]!) as unknown as Record<string, unknown>;
  change(student);
  copy[index] = student;
  return copy;
}

export async function runValidatorBench(options: { sampleMs?: number; warmupMs?: number } = {}): Promise<ValidatorBenchResult> {
  const { students, school } = createBenchStudents();
  const last = students.length - 1;

  const plain = z.array(StudentSchema);
  let zodCompileAvailable = typeof (z as { compile?: unknown }).compile === 'function';
  let zodCompileNote: string;
  let compiled = plain;
  let zodCompileMs = Number.NaN;
  if (zodCompileAvailable) {
    const started = performance.now();
    try {
      // strict: a schema z.compile cannot handle would otherwise come back silently uncompiled.
      compiled = z.compile(plain, { strict: true });
      zodCompileMs = performance.now() - started;
      zodCompileNote = 'It compiled (strict mode would have thrown on a fallback to the runtime parser).';
    } catch (error) {
      zodCompileAvailable = false;
      zodCompileNote = `z.compile refused the schema under { strict: true }: ${error instanceof Error ? error.message : String(error)}; (b) measures the runtime parser.`;
    }
  } else {
    zodCompileNote = 'z.compile does not exist in the installed zod; (b) measures the runtime parser.';
  }
  const ajv = createAjvStudentsValidator();

  const cases: { name: string; data: unknown; expected: boolean }[] = [
    { name: `${STUDENT_COUNT} valid students`, data: students, expected: true },
    { name: 'student #1000 without givenName', data: broken(students, last, (s) => delete s.givenName), expected: false },
    { name: 'student #1000 with gender "unknown"', data: broken(students, last, (s) => (s.gender = 'unknown')), expected: false },
    { name: 'student #1000 with dateOfBirth "2012-02-30"', data: broken(students, last, (s) => (s.dateOfBirth = '2012-02-30')), expected: false },
    {
      name: 'student #1000 without userMasterIdentifier and userIds',
      data: broken(students, last, (s) => {
        delete s.userMasterIdentifier;
        delete s.userIds;
      }),
      expected: false,
    },
    {
      name: 'student #500 with houseNumber 0',
      data: broken(students, 499, (s) => ((s.deliveryAddress as { houseNumber: number }).houseNumber = 0)),
      expected: false,
    },
    { name: 'student #1000 with an unknown extra field (allowed)', data: broken(students, last, (s) => (s.nickname = 'Bo')), expected: true },
  ];
  const agreement = cases.map(({ name, data, expected }) => ({
    name,
    expected,
    zod: plain.safeParse(data).success,
    compiled: compiled.safeParse(data).success,
    ajv: ajv.validate(data),
  }));
  const allAgree = agreement.every((entry) => entry.zod === entry.expected && entry.compiled === entry.expected && entry.ajv === entry.expected);
  if (!allAgree) {
    console.error(
      '  validators disagree:',
      JSON.stringify(agreement.filter((e) => !(e.zod === e.expected && e.compiled === e.expected && e.ajv === e.expected))),
    );
  }

  const invalidData = cases[1]!.data;
  const timing = { warmupMs: options.warmupMs ?? 1_000, sampleMs: options.sampleMs ?? 1_000, samples: 5 };
  const contenders: { label: string; run: (data: unknown) => boolean }[] = [
    { label: '(a) zod `z.array(StudentSchema).safeParse`', run: (data) => plain.safeParse(data).success },
    { label: '(b) zod `z.compile(…)` `.safeParse`', run: (data) => compiled.safeParse(data).success },
    { label: '(c) Ajv 8 (compiled from openapi.json)', run: (data) => ajv.validate(data) },
  ];
  process.stdout.write(`  timing ${contenders.length} validators × (valid, one broken), interleaved, ${timing.samples} rounds … `);
  await waitForQuiet([process.pid]);
  const before = cpuSnapshot([process.pid]);
  const measured = measureOpsInterleaved(
    contenders.flatMap(({ run }) => [() => run(students), () => !run(invalidData)]),
    timing,
  );
  const otherCpu = foreignShare(before, cpuSnapshot([process.pid]));
  console.log(`done${otherCpu === undefined ? '' : ` (other processes used ${(otherCpu * 100).toFixed(0)} % of the machine meanwhile)`}`);
  const results: ValidatorResult[] = contenders.map(({ label }, index) => {
    const result = { label, valid: measured[index * 2]!, invalid: measured[index * 2 + 1]! };
    console.log(`  ${label}: ${result.valid.opsPerSec.toFixed(0)} ops/s valid, ${result.invalid.opsPerSec.toFixed(0)} ops/s with one broken student`);
    return result;
  });
  const [zodResult, compiledResult, ajvResult] = results as [ValidatorResult, ValidatorResult, ValidatorResult];
  return {
    count: students.length,
    school,
    jsonBytes: Buffer.byteLength(JSON.stringify(students)),
    zodCompileAvailable,
    zodCompileNote,
    zodCompileMs,
    ajvCompileMs: ajv.compileMs,
    agreement,
    allAgree,
    results,
    ...(otherCpu === undefined ? {} : { otherCpu }),
    ratioZodVsAjv: zodResult.valid.opsPerSec / ajvResult.valid.opsPerSec,
    ratioCompiledVsAjv: compiledResult.valid.opsPerSec / ajvResult.valid.opsPerSec,
    ratioCompiledVsZod: compiledResult.valid.opsPerSec / zodResult.valid.opsPerSec,
  };
}

if (isMain(import.meta.url)) {
  const result = await runValidatorBench();
  console.log(JSON.stringify(result, (key, value: unknown) => (key === 'samples' ? undefined : value), 2));
}
