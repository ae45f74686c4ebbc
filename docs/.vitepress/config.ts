import { defineConfig } from 'vitepress';
import { REPOSITORY_URL, repoLinks } from './repo-links.mjs';
import { sidebar } from './sidebar.mjs';
import { githubSlug } from './slugify.mjs';

export default defineConfig({
  title: 'eduvkit',
  description: 'TypeScript SDK and local mock server for the Edu-V gegevensdiensten',
  lang: 'en',
  // README-style files and folders in docs/ that are not pages of the site.
  srcExclude: ['**/README.md', 'public/**'],
  // Nothing may come from a CDN: no web fonts from Google, no remote scripts.
  head: [],
  lastUpdated: false,
  markdown: {
    anchor: { slugify: githubSlug },
    config: (md) => {
      md.use(repoLinks);
    },
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Guides', link: '/guides/afnemer' },
      { text: 'APIs', link: '/apis/students' },
      { text: 'Glossary', link: '/glossary' },
    ],
    sidebar: sidebar(),
    search: { provider: 'local' },
    socialLinks: [{ icon: 'github', link: REPOSITORY_URL }],
    outline: { level: [2, 3] },
  },
});
