import type { JsonObject } from './bundle';
import { methodNames } from './emit-client';
import { deref, listOperations, refName, successStatus, type OperationNode } from './spec-model';

export interface ApiRow {
  /** Folder name under specs/ and packages/, e.g. `students`. */
  readonly name: string;
  readonly doc: JsonObject;
}

/** The README's table of Edu-V APIs, one row per spec. */
export function renderApiTable(rows: readonly ApiRow[]): string {
  const lines = rows.map(({ name, doc }) => {
    const info = doc.info as JsonObject;
    const title = String(info.title)
      .replace(/^Edu-V /, '')
      .replace(/ API$/, '');
    const operations = listOperations(doc);
    const methods = [...methodNames(doc).keys()].map((method) => `\`${method}\``);
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

const INTERACTIONS: Record<string, string> = {
  'pull-sync': 'pull, synchronous',
  'push-sync': 'push, synchronous',
  'push-async': 'push, asynchronous',
  notification: 'notification',
};

function successBody(doc: JsonObject, operation: OperationNode, status: string): string {
  const schema = deref(doc, operation.responses[status]!).content?.['application/json']?.schema;
  if (!schema) return 'no body';
  if (schema.type === 'array' && schema.items?.$ref) return `array of ${refName(schema.items.$ref)}`;
  if (schema.$ref) return `one ${refName(schema.$ref)}`;
  return 'JSON body';
}

/** A docs page's table of the API's operations, one row per operation, from the spec and its extensions. */
export function renderOperationTable(doc: JsonObject): string {
  const roles = (doc.info as JsonObject)['x-eduv-roles'] as { implementing: string };
  const rows = [...methodNames(doc)].map(([name, { method, path, operation }]) => {
    const status = successStatus(operation);
    const security = operation.security ?? (doc.security as OperationNode['security']) ?? [];
    const scopes =
      security
        .map((requirement) =>
          Object.values(requirement)
            .flat()
            .map((scope) => `\`${scope}\``)
            .join(' + '),
        )
        .join(' or ') || '—';
    const exchange = operation['x-eduvkit-exchange'] as { message?: string } | undefined;
    const search = method === 'post' && operation['x-eduv-idempotent'] === true ? ' (a search: retried like a GET)' : '';
    const interaction = `${INTERACTIONS[String(operation['x-eduv-interaction'])] ?? String(operation['x-eduv-interaction'])}${exchange?.message ? `: ${exchange.message}` : ''}${search}`;
    const implementedBy = typeof operation['x-eduv-implemented-by'] === 'string' ? operation['x-eduv-implemented-by'] : roles.implementing;
    const assumed = operation['x-eduvkit-assumed'] !== undefined ? ' *(assumed by eduvkit)*' : '';
    return `| \`${method.toUpperCase()} ${path}\` (\`${operation.operationId}\`)${assumed} | ${implementedBy} | \`${name}\` | ${interaction} | ${scopes} | \`${status}\`, ${successBody(doc, operation, status)} |`;
  });
  return ['| Operation | Implemented by | Client method | Interaction | Scopes | Success |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
