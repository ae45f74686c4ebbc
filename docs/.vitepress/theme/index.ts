import DefaultTheme from 'vitepress/theme';
import { h } from 'vue';
import ApiReferenceLink from './ApiReferenceLink.vue';

export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { 'doc-before': () => h(ApiReferenceLink) }),
};
