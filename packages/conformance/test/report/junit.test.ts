import { describe, expect, it } from 'vitest';
import { renderJunitReport } from '../../src/report';
import { sampleReport } from './fixture';
import type { CaseResult } from '../../src/report';

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

function unescape(value: string): string {
  return value.replace(/&(#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? '';
  });
}

/** A strict little parser for the subset the renderer writes; throws on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')) throw new Error('missing declaration');
  if (/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('illegal character');
  const body = xml.slice(xml.indexOf('\n') + 1);
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>/y;
  let index = 0;
  while (index < body.length) {
    const lt = body.indexOf('<', index);
    const text = body.slice(index, lt === -1 ? body.length : lt);
    if (/&(?!(#\d+|lt|gt|amp|quot|apos);)/.test(text) || text.includes('>')) throw new Error(`bad text: ${text}`);
    stack[stack.length - 1]!.text += unescape(text);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const match = tag.exec(body);
    if (!match) throw new Error(`bad tag at ${lt}: ${body.slice(lt, lt + 40)}`);
    const [, closing, name = '', rawAttributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key = '', value = ''] of rawAttributes.matchAll(/([\w.-]+)="([^"]*)"/g)) {
        if (key in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key] = unescape(value);
      }
      const element: XmlElement = { name, attributes, children: [], text: '' };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    index = tag.lastIndex;
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced or several roots');
  return root.children[0]!;
}

const byName = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

describe('renderJunitReport', () => {
  const xml = renderJunitReport(sampleReport);
  const root = parseXml(xml);
  const suite = byName(root, 'testsuite')[0]!;
  const cases = byName(suite, 'testcase');

  it('is well-formed with one suite whose counts match its test cases', () => {
    expect(root.name).toBe('testsuites');
    expect(suite.attributes).toMatchObject({
      name: 'eduvkit qualify students --role bron',
      tests: '4',
      failures: '2',
      errors: '0',
      skipped: '1',
      time: '2.490',
      timestamp: '2026-12-01T21:00:00.000Z',
    });
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2', skipped: '1' });
    expect(cases).toHaveLength(4);
    expect(cases.filter((c) => byName(c, 'failure').length === 1)).toHaveLength(2);
    expect(cases.filter((c) => byName(c, 'skipped').length === 1)).toHaveLength(1);
  });

  it('names each case by id and title under <api>.<role>, with seconds and a severity property', () => {
    const failed = cases[1]!;
    expect(failed.attributes).toEqual({
      classname: 'students.bron',
      name: 'EDUVKIT-TOKEN-EXCHANGE Token exchange rejects an expired "assertion" <fast>',
      time: '1.234',
    });
    expect(byName(byName(failed, 'properties')[0]!, 'property')[0]?.attributes).toEqual({ name: 'severity', value: 'Kritiek' });
  });

  it('puts the reason in the failure message and a request/response summary in its text', () => {
    const failure = byName(cases[1]!, 'failure')[0]!;
    expect(failure.attributes.message).toBe("Expected 401 for the expired assertion [redacted], got 500.\nThe server said: <script>alert('x')</script> & more");
    expect(failure.text).toContain('Request: POST https://api.example.nl/oauth/token');
    expect(failure.text).toContain('Response: 500 (1200 ms)');
    expect(failure.text).toContain('<html><script>alert("pwned")</script>');
    expect(failure.text).toContain(']]>');
    expect(byName(cases[3]!, 'skipped')[0]?.attributes.message).toBe('The target does not offer the consent API.\nSkipped by configuration.');
  });

  it('strips characters XML 1.0 forbids, lone surrogates included', () => {
    const tricky: CaseResult = {
      id: 'EDUVKIT-\u0001X',
      title: 'bad \uD800 surrogate \uFFFE and emoji 😀',
      severity: 'Info',
      status: 'skipped',
      reason: 'nul \u0000 bell \u0007 tab\tend',
      durationMs: Number.NaN,
    };
    const parsed = parseXml(renderJunitReport({ ...sampleReport, cases: [tricky] }));
    const testcase = byName(byName(parsed, 'testsuite')[0]!, 'testcase')[0]!;
    expect(testcase.attributes.name).toBe('EDUVKIT-X bad  surrogate  and emoji 😀');
    expect(testcase.attributes.time).toBe('0.000');
    expect(byName(testcase, 'skipped')[0]?.attributes.message).toBe('nul  bell  tab\tend');
  });

  it('handles an empty run', () => {
    const parsed = parseXml(renderJunitReport({ ...sampleReport, cases: [], summary: { passed: 0, failed: 0, skipped: 0 } }));
    expect(byName(parsed, 'testsuite')[0]?.attributes.tests).toBe('0');
  });
});
