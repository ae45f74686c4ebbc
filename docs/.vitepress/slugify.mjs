// Heading anchors the way GitHub renders them ("Edu-V Students API 1.1.0" -> "edu-v-students-api-110"),
// so links like coverage.md#edu-v-students-api-110 work both on GitHub and on the site.
export function githubSlug(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
