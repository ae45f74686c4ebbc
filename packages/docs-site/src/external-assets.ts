import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { filesUnder } from './files-under';

export interface ExternalAsset {
  file: string;
  url: string;
}

// A script, stylesheet, preload, icon or font that a browser would fetch from another host.
const PATTERNS = [
  /<script\b[^>]*\bsrc=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
  /<link\b[^>]*\bhref=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
  /@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
];

/** Every external script, style or font URL in the HTML and CSS files of a built site. */
export function findExternalAssets(root: string): ExternalAsset[] {
  return filesUnder(root)
    .filter((path) => ['.html', '.css'].includes(extname(path)))
    .flatMap((path) => externalAssetsIn(readFileSync(path, 'utf8')).map((url) => ({ file: relative(root, path), url })));
}

export function externalAssetsIn(text: string): string[] {
  const urls = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
  return [...new Set(urls)].sort();
}
