// markdown-it plugin: a relative link in a docs page that points outside docs/ (a spec, an example,
// a package) becomes a link to that file on GitHub, so the same markdown works in the repository
// and on the site, and the site never links to a path it does not serve.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_URL = 'https://github.com/eduvkit/eduvkit';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = join(root, 'docs');

/** The GitHub URL for `href` written in `file`, or undefined when it stays on the site. */
export function repositoryUrlFor(href, file) {
  if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(href)) return undefined;
  const [path, hash] = href.split('#');
  const target = resolve(dirname(file), decodeURI(path));
  if (target === docsDir || target.startsWith(docsDir + sep)) return undefined;
  const inRepo = relative(root, target).split(sep).join('/');
  if (inRepo.startsWith('..')) return undefined;
  const kind = existsSync(target) && statSync(target).isDirectory() ? 'tree' : 'blob';
  return `${REPOSITORY_URL}/${kind}/main/${inRepo}${hash ? `#${hash}` : ''}`;
}

export function repoLinks(md) {
  md.core.ruler.push('eduvkit_repo_links', (state) => {
    const file = state.env?.path;
    if (!file) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'link_open') continue;
        const url = repositoryUrlFor(token.attrGet('href') ?? '', file);
        if (url) token.attrSet('href', url);
      }
    }
  });
}
