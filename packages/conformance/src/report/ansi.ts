const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33 } as const;

export type Style = keyof typeof CODES;

export function paint(text: string, style: Style, color: boolean): string {
  return color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

// C0/C1 controls and DEL: a supplier's message must not be able to move the cursor or recolour the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line of terminal-safe text: whitespace runs collapsed, control characters removed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CONTROL_CHARS, '').trim();
}

export function truncate(text: string, maxChars: number, ellipsis: string): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - ellipsis.length)).trimEnd()}${ellipsis}`;
}
