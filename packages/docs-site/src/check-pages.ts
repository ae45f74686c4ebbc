import type { Browser, Page } from 'playwright-core';

export type ProblemKind = 'console-error' | 'page-error' | 'external-request' | 'load-failed' | 'broken-link' | 'missing-anchor';

export interface PageProblem {
  page: string;
  kind: ProblemKind;
  detail: string;
}

export interface CheckOptions {
  /** Per page: navigation and network idle. */
  timeoutMs?: number;
  /**
   * Links a page's own router handles in the browser and that no server path backs (Redoc 3's menu
   * renders `href="/<tag>"` and navigates to `#/<tag>` on click). They are not fetched.
   */
  isInPageRoute?: (page: string, target: URL) => boolean;
}

/**
 * Opens every page of the site at `baseUrl` in one browser, one after the other, and reports:
 * console errors and uncaught errors (any frame), any request that leaves the site's origin
 * (it is aborted: the site must work offline), and every `<a href>` to a page of the site that does
 * not answer 200 or, for a link into another page, names an anchor that page lacks.
 */
export async function checkPages(browser: Browser, baseUrl: string, pages: readonly string[], options: CheckOptions = {}): Promise<PageProblem[]> {
  const origin = new URL(baseUrl).origin;
  const problems: PageProblem[] = [];
  const links = new LinkTargets(origin);
  const context = await browser.newContext();
  try {
    for (const path of pages) {
      const page = await context.newPage();
      const report = (kind: ProblemKind, detail: string) => problems.push({ page: path, kind, detail });
      try {
        const hrefs = await visit(page, new URL(path, origin).href, origin, report, options.timeoutMs ?? 20_000);
        for (const href of hrefs) {
          if (options.isInPageRoute?.(path, new URL(href))) continue;
          const problem = await links.check(href, new URL(path, origin).href);
          if (problem) report(problem.kind, problem.detail);
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
  return problems;
}

async function visit(page: Page, url: string, origin: string, report: (kind: ProblemKind, detail: string) => void, timeout: number): Promise<string[]> {
  page.on('console', (message) => {
    if (message.type() === 'error') report('console-error', message.text());
  });
  page.on('pageerror', (error) => report('page-error', error.message));
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (new URL(target).origin === origin) return route.continue();
    report('external-request', target);
    return route.abort('blockedbyclient');
  });
  const response = await page.goto(url, { waitUntil: 'networkidle', timeout }).catch((error: Error) => {
    report('load-failed', error.message);
    return null;
  });
  if (response && response.status() !== 200) report('load-failed', `HTTP ${response.status()}`);
  return page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
}

/** Checks link targets over HTTP, once per URL. */
class LinkTargets {
  private readonly bodies = new Map<string, Promise<{ status: number; body: string }>>();

  constructor(private readonly origin: string) {}

  async check(href: string, from: string): Promise<{ kind: ProblemKind; detail: string } | undefined> {
    const url = new URL(href);
    if (url.origin !== this.origin) return undefined;
    const target = `${url.origin}${url.pathname}`;
    const { status, body } = await this.fetch(target);
    if (status !== 200) return { kind: 'broken-link', detail: `${url.pathname}${url.hash} → HTTP ${status}` };
    // Anchors inside the same page are handled by that page's own script (Redoc, the outline).
    const samePage = target === new URL(from).origin + new URL(from).pathname;
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor && !samePage && !hasAnchor(body, anchor)) return { kind: 'missing-anchor', detail: `${url.pathname}${url.hash}` };
    return undefined;
  }

  private fetch(target: string): Promise<{ status: number; body: string }> {
    let pending = this.bodies.get(target);
    if (!pending) {
      pending = fetch(target).then(async (response) => ({ status: response.status, body: await response.text() }));
      this.bodies.set(target, pending);
    }
    return pending;
  }
}

function hasAnchor(html: string, anchor: string): boolean {
  const escaped = anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '&quot;');
  return new RegExp(`\\s(?:id|name)="${escaped}"`).test(html);
}
