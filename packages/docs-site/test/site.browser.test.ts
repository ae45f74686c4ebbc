import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_APIS } from '../../../docs/.vitepress/apis.mjs';
import { checkPages } from '../src/check-pages';
import { findExternalAssets } from '../src/external-assets';
import { sitePages } from '../src/site-pages';
import { serveStatic, type StaticServer } from '../src/static-server';
import { launchChromium } from './support/chromium';

const dist = fileURLToPath(new URL('../../../docs/.vitepress/dist', import.meta.url));

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the docs site built by npm run docs:build', () => {
  const pages = sitePages(dist);

  it('has the guides, a page and an interactive reference per Edu-V API, and at least 15 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const page of ['/index.html', '/getting-started.html', '/glossary.html', '/qualification.html', '/coverage.html', '/authentication.html']) {
      expect(pages).toContain(page);
    }
    for (const role of ['afnemer', 'bron', 'verzender', 'ontvanger', 'notifications', 'consent']) expect(pages).toContain(`/guides/${role}.html`);
    for (const api of REFERENCE_APIS) {
      expect(pages).toContain(`/apis/${api.slug}.html`);
      expect(pages).toContain(`/apis/reference/${api.slug}.html`);
      expect(pages).toContain(`/reference/${api.slug}.html`);
      expect(readFileSync(`${dist}/apis/${api.slug}.html`, 'utf8')).toContain(`href="/apis/reference/${api.slug}.html"`);
    }
  });

  it('explains every Dutch term of the issue in the glossary, each with its own anchor', () => {
    const glossary = readFileSync(`${dist}/glossary.html`, 'utf8');
    const terms = [
      'po',
      'so',
      'vo',
      'vavo',
      'mbo',
      'bron',
      'afnemer',
      'verzender',
      'ontvanger',
      'gegevensdienst',
      'onderwijsaanbieder',
      'vestiging',
      'BRIN',
      'RIO',
      'ECK iD',
      'keurmerk',
      'KVT',
    ];
    for (const term of terms) expect(glossary).toContain(`<h3 id="${term.toLowerCase().replace(/ /g, '-')}"`);
  });

  it('loads no script, style or font from another host', () => {
    expect(findExternalAssets(dist)).toEqual([]);
  });

  it('opens every page in Chromium without console errors, requests to other hosts or broken internal links', async () => {
    // The Redoc pages route their menu links in the browser (see isInPageRoute).
    const isInPageRoute = (page: string, target: URL) => page.startsWith('/reference/') && !/\.[a-z]+$/.test(target.pathname);
    const problems = await checkPages(browser, server.url, pages, { isInPageRoute });
    expect(problems).toEqual([]);
  }, 240_000);
});
