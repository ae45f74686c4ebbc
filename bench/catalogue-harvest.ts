// Harvesting a whole catalogue: the Catalogue client's paging iterator next to raw fetch over the
// same pages, against a Catalogue bron on node:http (127.0.0.1) served like the mock serves it.
// Writes the section between the catalogue markers of bench/RESULTS.md.
// Run from the repository root: node --conditions=@eduvkit/source --import tsx bench/catalogue-harvest.ts [--quick]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalogueBron, createCatalogueClient, createInMemoryCatalogueSource, type HarvestQuery } from '@eduvkit/catalogue';
import { createCatalogueProducts } from '@eduvkit/catalogue/fixtures';
import { staticToken, type ValidationMode } from '@eduvkit/core';
import { serveNode } from '@eduvkit/core/server/node';
import { AUTH_HEADERS, BENCH_DIR, fmt, fmtInt, fmtRatio, isMain, machineInfo, markdownTable, median } from './lib';

const START = '<!-- catalogue:start -->';
const END = '<!-- catalogue:end -->';
const LIMIT = 100;

export interface HarvestRow {
  readonly name: string;
  readonly medianMs: number;
  readonly productsPerSecond: number;
}

export interface HarvestBench {
  readonly products: number;
  readonly pages: number;
  readonly rounds: number;
  readonly rows: readonly HarvestRow[];
}

/** Every product through raw fetch: the same pages the iterator asks for, JSON parsed, nothing checked. */
async function rawHarvest(baseUrl: string): Promise<number> {
  let count = 0;
  for (let start = 0; ; start += LIMIT) {
    const response = await fetch(`${baseUrl}/products?start=${start}&limit=${LIMIT}`, { headers: AUTH_HEADERS });
    const page = (await response.json()) as unknown[];
    count += page.length;
    if (page.length < LIMIT) return count;
  }
}

async function iteratorHarvest(baseUrl: string, validation: ValidationMode): Promise<number> {
  const catalogue = createCatalogueClient({ baseUrl, tokenProvider: staticToken('eduvkit-bench-token'), validation });
  const query: HarvestQuery = { limit: LIMIT };
  let count = 0;
  for await (const product of catalogue.products(query)) if (product.productId) count++;
  return count;
}

export async function runCatalogueHarvest(options: { rounds?: number; count?: number } = {}): Promise<HarvestBench> {
  const rounds = options.rounds ?? 15;
  const products = createCatalogueProducts({ seed: 1, count: options.count ?? 1000 });
  const bron = createCatalogueBron(createInMemoryCatalogueSource(products), { cacheResponses: true, dangerouslyAcceptAnyToken: true });
  const server = await serveNode((request) => bron.answer(request), { apiVersion: '2.0.0' });
  const baseUrl = `${server.url}/catalogue-api/v2`;
  const ways: readonly [string, () => Promise<number>][] = [
    ['raw fetch + JSON.parse', () => rawHarvest(baseUrl)],
    ["products() iterator, validation 'off'", () => iteratorHarvest(baseUrl, 'off')],
    ["products() iterator, validation 'warn' (default)", () => iteratorHarvest(baseUrl, 'warn')],
    ["products() iterator, validation 'strict'", () => iteratorHarvest(baseUrl, 'strict')],
  ];
  const times = ways.map(() => [] as number[]);
  try {
    // Warm-up (also fills the bron's answer cache), then interleaved rounds.
    for (const [name, harvest] of ways) {
      const seen = await harvest();
      if (seen !== products.length) throw new Error(`${name} harvested ${seen} of ${products.length} products`);
    }
    for (let round = 0; round < rounds; round++) {
      for (const [index, [, harvest]] of ways.entries()) {
        const began = performance.now();
        await harvest();
        times[index]!.push(performance.now() - began);
      }
    }
  } finally {
    await server.close();
  }
  const rows = ways.map(([name], index) => {
    const medianMs = median(times[index]!);
    return { name, medianMs, productsPerSecond: (products.length / medianMs) * 1000 };
  });
  return { products: products.length, pages: Math.floor(products.length / LIMIT) + 1, rounds, rows };
}

export function renderCatalogueHarvest(result: HarvestBench): string {
  const machine = machineInfo();
  const raw = result.rows[0]!;
  return `${START}
## Catalogue harvest (issue #10)

Run by \`bench/catalogue-harvest.ts\` on ${machine.date.slice(0, 10)} at commit \`${machine.gitCommit}\`${machine.gitDirty ? ' (plus uncommitted changes)' : ''}, Node ${machine.node}, ${machine.cores} cores (load ${machine.loadAverage}).
The whole catalogue of ${fmtInt(result.products)} products (the shared range with older editions), ${result.pages} pages of ${LIMIT}, from a Catalogue bron on \`node:http\` at 127.0.0.1 built as the mock builds it (in-memory source, cached answers); one keep-alive client in the same process. Warm-up, then ${result.rounds} interleaved rounds; the median counts.

${markdownTable(
  ['harvest', 'median ms', 'products/s', 'vs raw fetch'],
  result.rows.map((row) => [row.name, fmt(row.medianMs, 1), fmtInt(row.productsPerSecond), fmtRatio(row.productsPerSecond / raw.productsPerSecond)]),
)}

The iterator adds the token provider, the client's retry and timeout machinery, response validation (per mode) and the status normalisation to the same HTTP pages.
${END}`;
}

if (isMain(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const result = await runCatalogueHarvest(quick ? { rounds: 3 } : {});
  const section = renderCatalogueHarvest(result);
  console.log(section);
  if (!quick) {
    const file = join(BENCH_DIR, 'RESULTS.md');
    const current = readFileSync(file, 'utf8');
    const from = current.indexOf(START);
    const to = current.indexOf(END);
    const footer = current.lastIndexOf('\n---\n');
    const next =
      from !== -1 && to !== -1
        ? current.slice(0, from) + section + current.slice(to + END.length)
        : `${current.slice(0, footer)}\n\n${section}\n${current.slice(footer)}`;
    writeFileSync(file, next);
  }
}
