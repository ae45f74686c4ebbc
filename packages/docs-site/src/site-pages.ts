import { join, relative, sep } from 'node:path';
import { filesUnder } from './files-under';

/** Every HTML page of a built site as a URL path (`/guides/afnemer.html`), 404 page left out. */
export function sitePages(root: string): string[] {
  return filesUnder(root)
    .filter((path) => path.endsWith('.html') && path !== join(root, '404.html'))
    .map((path) => `/${relative(root, path).split(sep).join('/')}`)
    .sort();
}
