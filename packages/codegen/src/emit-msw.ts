import type { MswFacts } from './package-facts';

export interface MswNames {
  /** `students`: gives `studentsHandlers`, `studentsOverride`. */
  readonly camelName: string;
  readonly pascalName: string;
  readonly title: string;
  readonly registry: string;
  readonly baseUrlConstant: string;
}

/**
 * `src/msw/index.ts`: handlers that answer like the mock server (the package's own bron over its
 * seeded source, both named in `x-eduvkit-package.msw`) and one-operation overrides.
 */
export function emitMswModule(msw: MswFacts, names: MswNames, header: string): string {
  const { camelName, pascalName, title, registry, baseUrlConstant } = names;
  const options = `${pascalName}HandlersOptions`;
  const byModule = new Map<string, string[]>();
  const use = (module: string, name: string) => byModule.set(module, [...(byModule.get(module) ?? []), name]);
  use(msw.bron.module, msw.bron.name);
  use(msw.seededSource.module, msw.seededSource.name);
  use(msw.bronOptions.module, `type ${msw.bronOptions.name}`);
  use(msw.source.module, `type ${msw.source.name}`);
  const imports = [...byModule].map(([module, imported]) => `import { ${imported.join(', ')} } from '${module.startsWith('@') ? module : `../${module}`}';`);
  const generic = msw.perSchool ? '<S extends SchoolRecord = SchoolRecord>' : '';
  const of = (type: string, school: string) => (msw.perSchool ? `${type}<${school}>` : type);
  // A handler built for a narrower school record still reads only what SchoolRecord has.
  const handlers = msw.perSchool
    ? `export function ${camelName}Handlers<S extends SchoolRecord = SchoolRecord>(options: ${options}<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as ${options});
}`
    : `export function ${camelName}Handlers(options: ${options} = {}): HttpHandler[] {
  return msw.handlers(options);
}`;
  return `${header}${msw.perSchool ? "import type { SchoolRecord } from '@eduvkit/core';\n" : ''}import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
${imports.join('\n')}
import { ${baseUrlConstant} } from '../generated/base-url';
import { ${registry} } from '../generated/registry';

export type { OverrideReply } from '@eduvkit/core/msw';

export { ${baseUrlConstant} };

/** \`source\`: the data behind the handlers (default: the seeded one); \`bron\`: options of \`${msw.bron.name}\`. */
export type ${options}${generic} = ApiHandlersOptions<${of(msw.source.name, 'S')}, ${of(msw.bronOptions.name, 'S')}>;

const msw = defineApiMsw<typeof ${registry}, ${of(msw.source.name, 'SchoolRecord')}, ${of(msw.bronOptions.name, 'SchoolRecord')}>({
  registry: ${registry},
  defaultBaseUrl: ${baseUrlConstant},
  createBron: ${msw.bron.name},
  seededSource: ${msw.seededSource.name},
});

/** MSW handlers that answer exactly like the eduvkit mock server's ${title}. */
${handlers}

/** A one-operation override for \`server.use(...)\`: answer with this status, body and headers. */
export const ${camelName}Override = msw.override;
`;
}
