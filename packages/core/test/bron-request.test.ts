import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { pathOf } from '../src/server';

describe('pathOf', () => {
  const same = (url: string) => expect(pathOf(url)).toBe(new URL(url).pathname);

  it('gives what new URL(url).pathname gives for dot segments, escapes and odd characters', () => {
    for (const path of [
      '/a/b?x=1',
      '/a/../b',
      '/a/./b',
      '/a/.',
      '/a/..',
      '/%2e%2E/x',
      '/a b',
      '/é',
      '//x',
      '/a.b/c.',
      '/a..b',
      '/x#y?z',
      '/.hidden',
      '/a%2Fb',
      '/a\\b',
      '/a|b',
      '/..a',
      '/a/.../b',
      '',
    ]) {
      same(`http://localhost${path}`);
    }
  });

  it('agrees with URL on generated paths', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webPath(),
          fc.stringMatching(/^[/a-z.%2eE~]{0,20}$/).map((path) => `/${path}`),
        ),
        fc.string(),
        (path, query) => {
          const url = `http://localhost${path.startsWith('/') ? path : `/${path}`}?${query}`;
          if (URL.canParse(url)) same(url);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('pathOf on the hot path', () => {
  const OriginalURL = globalThis.URL;
  let parsed = 0;
  afterEach(() => {
    globalThis.URL = OriginalURL;
  });
  const countingParses = () => {
    parsed = 0;
    globalThis.URL = class extends OriginalURL {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        parsed += 1;
      }
    };
  };

  it('parses no URL for a plain path, with or without query and fragment', () => {
    countingParses();
    const paths = [
      ['http://127.0.0.1:4010/students-api/v1/students/school?orgMasterId=104A158', '/students-api/v1/students/school'],
      ['http://127.0.0.1:4010/a/b#frag?x', '/a/b'],
      ['http://127.0.0.1:4010/a/b?x#frag', '/a/b'],
      ['https://bron.test/a.b/c~d', '/a.b/c~d'],
      ['http://h/', '/'],
    ] as const;
    for (const [url, path] of paths) expect(pathOf(url)).toBe(path);
    expect(parsed).toBe(0);
  });

  it('parses a URL that needs parsing once when asked for it again and again, and still answers others right in between', () => {
    countingParses();
    const dotted = 'http://h/a/../b/%2e%2E/c';
    expect([pathOf(dotted), pathOf(dotted), pathOf(dotted)]).toEqual(['/c', '/c', '/c']);
    expect(parsed).toBe(1);
    expect([pathOf('http://h/x?y'), pathOf(dotted), pathOf('http://h/x?y')]).toEqual(['/x', '/c', '/x']);
  });

  it('leaves paths URL would change to URL', () => {
    countingParses();
    expect(pathOf('http://h/a/../b')).toBe('/b');
    expect(parsed).toBe(1);
  });
});
