/** Pretty-prints a recorded body for humans: JSON indented, text as it is, capped at `maxChars`. */
export function formatBody(body: unknown, maxChars: number): string {
  if (body === undefined) return '';
  const text = typeof body === 'string' ? body : stringify(body);
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n… (${text.length - maxChars} more characters not shown)`;
}

function stringify(body: unknown): string {
  try {
    return JSON.stringify(body, null, 2) ?? String(body);
  } catch {
    return String(body);
  }
}

export function formatHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

export function formatSeconds(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0.000';
}
