import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

export type JsonObject = { [key: string]: unknown };

const COMPONENT_REF = /^#\/components\/([A-Za-z]+)\/([^/]+)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an OpenAPI document and inlines every component it takes from another file (the shared
 * components document) under the same component name, so the result is one self-contained
 * document. Only `<file>#/components/<kind>/<name>` references are supported: anything else is a
 * spec-authoring error and fails loudly.
 */
export function bundleSpec(rootFile: string): JsonObject {
  const cache = new Map<string, JsonObject>();
  const load = (file: string): JsonObject => {
    let doc = cache.get(file);
    if (!doc) {
      doc = parse(readFileSync(file, 'utf8')) as JsonObject;
      cache.set(file, doc);
    }
    return doc;
  };

  const root = structuredClone(load(rootFile));
  const bundledComponents: Record<string, JsonObject> = {};
  const inProgress = new Set<string>();

  const adopt = (file: string, kind: string, name: string): void => {
    const key = `${kind}/${name}`;
    if (file === rootFile || inProgress.has(`${file}#${key}`)) return;
    const source = load(file);
    const components = source.components as Record<string, JsonObject> | undefined;
    const node = components?.[kind]?.[name];
    if (node === undefined) throw new Error(`${file}: no component #/components/${key}`);
    inProgress.add(`${file}#${key}`);
    const copy = rewrite(structuredClone(node), file);
    const existing = bundledComponents[kind]?.[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, copy)) {
      throw new Error(`component ${key} is defined differently in two documents`);
    }
    (bundledComponents[kind] ??= {})[name] = copy;
  };

  const rewrite = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const [target = '', pointer = ''] = value.split('#');
        const match = COMPONENT_REF.exec(`#${pointer}`);
        if (!match) throw new Error(`${file}: unsupported $ref ${value}`);
        const [, kind = '', name = ''] = match;
        const targetFile = target ? resolve(dirname(file), target) : file;
        adopt(targetFile, kind, name);
        out.$ref = `#/components/${kind}/${name}`;
      } else {
        out[key] = rewrite(value, file);
      }
    }
    return out;
  };

  const bundled = rewrite(root, rootFile) as JsonObject;
  const components = (bundled.components ??= {}) as Record<string, JsonObject>;
  for (const [kind, entries] of Object.entries(bundledComponents)) {
    const target = (components[kind] ??= {});
    for (const [name, value] of Object.entries(entries)) {
      if (target[name] !== undefined && !isDeepStrictEqual(target[name], value)) {
        throw new Error(`component ${kind}/${name} is defined both locally and in a shared document`);
      }
      target[name] = value;
    }
    components[kind] = sortKeys(target);
  }
  return bundled;
}

function sortKeys(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}
