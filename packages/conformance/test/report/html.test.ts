import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report';
import { sampleReport } from './fixture';

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(sampleReport);

  it('is one document with the run in its header and the counts in its summary', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    for (const value of ['students', 'bron', '1.0.0', 'https://api.example.nl/v1', '2026-12-01T21:00:00.000Z', '2.5 s']) {
      expect(html).toContain(`<dd>${value}</dd>`);
    }
    expect(html).toContain('<div class="card failed"><strong>2</strong>Failed</div>');
    expect(html).toContain('<div class="card passed"><strong>1</strong>Passed</div>');
    expect(html).toContain('<div class="card skipped"><strong>1</strong>Skipped</div>');
    expect(html).toContain('Failed by severity: Kritiek: 1 · Laag: 1');
  });

  it('has a row group with an expandable request and response for every case', () => {
    for (const c of sampleReport.cases) expect(html).toContain(`<code>${c.id}</code>`);
    expect(html.match(/<tbody class="(passed|failed|skipped)">/g)).toHaveLength(4);
    expect(html.match(/<details>/g)).toHaveLength(4);
    expect(html).toContain('<code>POST https://api.example.nl/oauth/token</code>');
    expect(html).toContain('<code>500</code> in 1.2 s');
    expect(html).toContain('No request was sent.');
    // JSON bodies are pretty-printed.
    expect(html).toContain('{\n  &quot;items&quot;: [\n    {\n      &quot;id&quot;: &quot;S1&quot;');
  });

  it('has status filters', () => {
    for (const status of ['failed', 'skipped', 'passed']) {
      expect(html).toContain(`<input type="checkbox" class="filter" id="show-${status}" checked>`);
      expect(html).toContain(`<label for="show-${status}">`);
    }
  });

  it('escapes every value', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more');
    expect(html).toContain('&lt;html&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('Token exchange rejects an expired &quot;assertion&quot; &lt;fast&gt;');
    expect(html).toContain('Anne &amp; &lt;Jan&gt;');
    expect(html).not.toContain('\u0000');
    const hostile = renderHtmlReport({ ...sampleReport, api: '"><img src=x onerror=alert(1)>', cases: [] });
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('No cases ran.');
  });

  it('loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/<(link|script|img|iframe)\b/i);
    expect(html).not.toMatch(/\ssrc=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
