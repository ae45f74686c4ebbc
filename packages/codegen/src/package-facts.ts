import type { JsonObject } from './bundle';

/** An export: `module` under src/ (no extension) or an `@eduvkit/` package entry, and the `name` it exports. */
export interface ExportRef {
  readonly module: string;
  readonly name: string;
}

/** Which hand-written exports make the MSW entry's bron and its seeded source. */
export interface MswFacts {
  /** `(source, options) => Bron` */
  readonly bron: ExportRef;
  /** The type of the bron's options. */
  readonly bronOptions: ExportRef;
  /** The type of the data source. */
  readonly source: ExportRef;
  /** `(seed) => Source`: the data behind the handlers when a test passes none. */
  readonly seededSource: ExportRef;
  /** Source and bron options take the school record type as their type parameter. */
  readonly perSchool: boolean;
}

/** A hand-written module the barrel re-exports: all of it, or only `names` (`type X` for a type). */
export interface BarrelModule {
  readonly module: string;
  readonly names?: readonly string[];
}

/** `info.x-eduvkit-package`: the few facts about a package's hand-written part that codegen cannot read from the spec. */
export interface PackageFacts {
  /** Hand-written modules under src/ (no extension) the package barrel re-exports, in order. */
  readonly modules: readonly BarrelModule[];
  /** Module whose `create<Api>Client` wraps the generated methods; absent when the generated one is the client. */
  readonly client?: string;
  /** Absent when the package writes its own `src/msw/index.ts`. */
  readonly msw?: MswFacts;
}

const MODULE = /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/;
// The MSW entry may name another package's export, e.g. the exchange APIs' source `@eduvkit/core/exchange#ExchangeStore`.
const PACKAGE_ENTRY = /^@eduvkit\/[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PACKAGE_KEYS = new Set(['modules', 'client', 'msw']);
const MSW_KEYS = ['bron', 'bronOptions', 'source', 'seededSource', 'perSchool'] as const;

function checkModule(value: unknown, where: string, problems: string[]): value is string {
  if (typeof value === 'string' && MODULE.test(value) && !value.startsWith('generated/')) return true;
  problems.push(`${where} must be a module path under src/ outside generated/, e.g. bron/in-memory-source`);
  return false;
}

const EXPORT_NAME = /^(type )?[A-Za-z_][A-Za-z0-9_]*$/;

/** `bron/store`, or `{ module: client/paged-harvest, names: [pagedHarvest, type Harvest] }`. */
function readModule(raw: unknown, where: string, problems: string[]): BarrelModule {
  if (typeof raw === 'string') {
    checkModule(raw, where, problems);
    return { module: raw };
  }
  const { module, names, ...rest } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (Object.keys(rest).length) problems.push(`${where} has unknown keys ${Object.keys(rest).join(', ')}`);
  checkModule(module, `${where}.module`, problems);
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string' && EXPORT_NAME.test(name))) {
    problems.push(`${where}.names must be a non-empty list of export names ("type X" for a type)`);
  }
  return { module: String(module), names: Array.isArray(names) ? names.map(String) : [] };
}

function readRef(raw: unknown, where: string, problems: string[]): ExportRef {
  const [module = '', name = '', ...rest] = typeof raw === 'string' ? raw.split('#') : [];
  if (rest.length || !(PACKAGE_ENTRY.test(module) || checkModule(module, where, problems)) || !IDENTIFIER.test(name)) {
    problems.push(`${where} must be <module>#<export>, e.g. bron/create-students-bron#createStudentsBron`);
  }
  return { module, name };
}

function readMsw(raw: unknown, problems: string[]): MswFacts | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push('msw must be an object');
    return undefined;
  }
  const msw = raw as Record<string, unknown>;
  const unknown = Object.keys(msw).filter((key) => !(MSW_KEYS as readonly string[]).includes(key));
  if (unknown.length) problems.push(`msw has unknown keys ${unknown.join(', ')}`);
  if (typeof msw.perSchool !== 'boolean') problems.push('msw.perSchool must be true or false');
  return {
    bron: readRef(msw.bron, 'msw.bron', problems),
    bronOptions: readRef(msw.bronOptions, 'msw.bronOptions', problems),
    source: readRef(msw.source, 'msw.source', problems),
    seededSource: readRef(msw.seededSource, 'msw.seededSource', problems),
    perSchool: msw.perSchool === true,
  };
}

/** Reads and checks `info.x-eduvkit-package`; refuses anything it would have to guess about. */
export function readPackageFacts(doc: JsonObject, source: string): PackageFacts | undefined {
  const raw = (doc.info as JsonObject)['x-eduvkit-package'];
  // Until a package declares its hand-written part, it keeps writing its own barrel and MSW entry.
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${source}: info.x-eduvkit-package is required (the package's hand-written modules, see docs/contributing/adding-an-api.md)`);
  }
  const facts = raw as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(facts).filter((key) => !PACKAGE_KEYS.has(key));
  if (unknown.length) problems.push(`unknown keys ${unknown.join(', ')}`);
  if (!Array.isArray(facts.modules)) problems.push('modules must be a list');
  const modules = (Array.isArray(facts.modules) ? facts.modules : []).map((raw: unknown, index) => readModule(raw, `modules[${index}]`, problems));
  if (facts.client !== undefined && checkModule(facts.client, 'client', problems) && !modules.some(({ module }) => module === facts.client)) {
    problems.push(`client ${facts.client} must also be listed in modules`);
  }
  const msw = readMsw(facts.msw, problems);
  if (problems.length) throw new Error(`${source}: info.x-eduvkit-package: ${problems.join('; ')}`);
  return {
    modules,
    ...(typeof facts.client === 'string' ? { client: facts.client } : {}),
    ...(msw ? { msw } : {}),
  };
}
