import type { JsonObject } from './bundle';
import { listOperations } from './spec-model';

export interface ApiRow {
  /** Folder name under specs/ and packages/, e.g. `students`. */
  readonly name: string;
  readonly doc: JsonObject;
}

/** The client method of an operation, from `x-eduvkit-method`; undefined when the client has none. */
export function clientMethod(operation: JsonObject): string | undefined {
  const name = operation['x-eduvkit-method'];
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`${String(operation.operationId)}: x-eduvkit-method must be a camelCase identifier`);
  }
  return name;
}

/** The README's table of Edu-V APIs, one row per spec. */
export function renderApiTable(rows: readonly ApiRow[]): string {
  const lines = rows.map(({ name, doc }) => {
    const info = doc.info as JsonObject;
    const title = String(info.title).replace(/^Edu-V /, '').replace(/ API$/, '');
    const operations = listOperations(doc);
    const methods = operations
      .map(({ operation }) => clientMethod(operation as unknown as JsonObject))
      .filter((method): method is string => method !== undefined)
      .map((method) => `\`${method}\``);
    return `| ${title} | ${String(info.version)} | [\`@eduvkit/${name}\`](packages/${name}) | ${operations.length} | ${methods.join(', ')} | [${name}](docs/apis/${name}.md) |`;
  });
  return ['| API | Version | Package | Operations | Client methods | Docs |', '|---|---|---|---|---|---|', ...lines].join('\n');
}

/** Replaces what stands between `<!-- generated:<marker> -->` and `<!-- /generated:<marker> -->`. */
export function replaceGenerated(text: string, marker: string, content: string, file: string): string {
  const start = `<!-- generated:${marker} -->`;
  const end = `<!-- /generated:${marker} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${file}: markers ${start} … ${end} missing`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
