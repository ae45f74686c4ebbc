/**
 * Removes the attributes a token's scopes do not release. Edu-V lets a bron share attribute groups
 * only with components allowed that scope; without it the object comes back without those
 * attributes rather than as an error.
 */
export function releaseScopedAttributes<T>(body: T, attributeScopes: Readonly<Record<string, string>>, granted: ReadonlySet<string> | 'all'): T {
  if (granted === 'all') return body;
  const hidden = Object.entries(attributeScopes)
    .filter(([, scope]) => !granted.has(scope))
    .map(([attribute]) => attribute);
  if (!hidden.length) return body;
  const strip = (item: unknown): unknown => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
    const copy = { ...(item as Record<string, unknown>) };
    for (const attribute of hidden) delete copy[attribute];
    return copy;
  };
  return (Array.isArray(body) ? body.map(strip) : strip(body)) as T;
}
