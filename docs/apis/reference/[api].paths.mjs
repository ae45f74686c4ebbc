// One reference page per Edu-V API: /apis/reference/<api>.html embeds /reference/<api>.html.
import { REFERENCE_APIS } from '../../.vitepress/apis.mjs';

export default {
  paths: () => REFERENCE_APIS.map((api) => ({ params: { api: api.slug, name: api.name, title: api.title, version: api.version } })),
};
