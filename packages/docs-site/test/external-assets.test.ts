import { describe, expect, it } from 'vitest';
import { externalAssetsIn } from '../src/external-assets';

describe('externalAssetsIn', () => {
  it('finds remote scripts, stylesheets, preloads, CSS imports and fonts', () => {
    const html = [
      '<script src="https://cdn.example.org/a.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.org/b.css">',
      '<link rel="preload" href="http://cdn.example.org/c.js" as="script">',
      '<style>@import url("https://fonts.example.org/d.css"); @font-face { src: url(https://fonts.example.org/e.woff2) }</style>',
    ].join('\n');
    expect(externalAssetsIn(html)).toEqual([
      '//fonts.example.org/b.css',
      'http://cdn.example.org/c.js',
      'https://cdn.example.org/a.js',
      'https://fonts.example.org/d.css',
      'https://fonts.example.org/e.woff2',
    ]);
  });

  it('leaves local assets and ordinary links alone', () => {
    const html =
      '<script src="/assets/app.js"></script><link href="/assets/style.css" rel="stylesheet"><a href="https://github.com/eduvkit/eduvkit">GitHub</a><svg xmlns="http://www.w3.org/2000/svg"></svg><style>.x{background:url(/img.png)}</style>';
    expect(externalAssetsIn(html)).toEqual([]);
  });
});
