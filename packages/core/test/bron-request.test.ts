import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathOf } from '../src/server';

describe('pathOf', () => {
  const same = (url: string) => expect(pathOf(url)).toBe(new URL(url).pathname);

  it('gives what new URL(url).pathname gives for dot segments, escapes and odd characters', () => {
    for (const path of ['/a/b?x=1', '/a/../b', '/a/./b', '/a/.', '/a/..', '/%2e%2E/x', '/a b', '/é', '//x', '/a.b/c.', '/a..b', '/x#y?z', '/.hidden', '/a%2Fb', '/a\\b', '/a|b', '/..a', '/a/.../b', '']) {
      same(`http://localhost${path}`);
    }
  });

  it('agrees with URL on generated paths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webPath(), fc.stringMatching(/^[/a-z.%2eE~]{0,20}$/).map((path) => `/${path}`)), fc.string(), (path, query) => {
        const url = `http://localhost${path.startsWith('/') ? path : `/${path}`}?${query}`;
        if (URL.canParse(url)) same(url);
      }),
      { numRuns: 5_000 },
    );
  });
});
