import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPages } from '../src/check-pages';
import { sitePages } from '../src/site-pages';
import { serveStatic, type StaticServer } from '../src/static-server';
import { launchChromium } from './support/chromium';

// A small site with one fault per page proves the checker reports each kind of fault.
const site: Record<string, string> = {
  'index.html':
    '<h1 id="top">ok</h1><a href="/good.html">good</a><a href="good.html#there">anchor</a><a href="#top">self</a><a href="https://example.org/">external</a>',
  'good.html': '<h2 id="there">there</h2>',
  'broken-link.html': '<a href="/missing.html">missing</a>',
  'missing-anchor.html': '<a href="/good.html#nowhere">nowhere</a>',
  'console-error.html': '<script>console.error("boom")</script>',
  'page-error.html': '<script>throw new Error("uncaught")</script>',
  'external-script.html': '<script src="https://cdn.example.org/lib.js"></script>',
};

let root: string;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'eduvkit-docs-site-'));
  for (const [name, body] of Object.entries(site)) writeFileSync(join(root, name), `<!doctype html><html><body>${body}</body></html>`);
  server = await serveStatic(root);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('checkPages', () => {
  it('reports a broken link, a missing anchor, a console error, an uncaught error and a request to another host, each on its page', async () => {
    const problems = await checkPages(browser, server.url, sitePages(root));
    const byPage = (page: string) => problems.filter((problem) => problem.page === page).map(({ kind }) => kind);
    expect(byPage('/index.html')).toEqual([]);
    expect(byPage('/good.html')).toEqual([]);
    expect(byPage('/broken-link.html')).toEqual(['broken-link']);
    expect(byPage('/missing-anchor.html')).toEqual(['missing-anchor']);
    expect(byPage('/console-error.html')).toEqual(['console-error']);
    expect(byPage('/page-error.html')).toEqual(['page-error']);
    expect(byPage('/external-script.html')).toContain('external-request');
    expect(problems.find((problem) => problem.kind === 'broken-link')?.detail).toBe('/missing.html → HTTP 404');
  });
});
