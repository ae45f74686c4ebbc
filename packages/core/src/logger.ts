export type LogDetails = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, details?: LogDetails): void;
  info(message: string, details?: LogDetails): void;
  warn(message: string, details?: LogDetails): void;
  error(message: string, details?: LogDetails): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const REDACTED = '[REDACTED]';

const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
// A JWT header is a base64url JSON object, so it starts with `eyJ` (`{"`); requiring it avoids
// masking ordinary dotted names such as host names. Also covers JWE (five segments).
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
// Only in a header context: "Basic" alone is an ordinary word.
const BASIC = /\b(authorization["']?\s*[:=]\s*["']?Basic)\s+[A-Za-z0-9+/]+=*/gi;
const SECRET_FORM_FIELD = /\b(client_assertion|client_secret|access_token|refresh_token|id_token|password)=[^&\s"']*/gi;
const SECRET_JSON_FIELD = /("(?:client_assertion|client_secret|access_token|refresh_token|id_token|password)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/**
 * Masks credentials in free text: bearer and basic credentials, JWTs, secret form fields such as
 * `client_assertion=`, the same fields in JSON, and PEM private key blocks.
 */
export function redact(text: string): string {
  return text
    .replace(PRIVATE_KEY_BLOCK, '[REDACTED PRIVATE KEY]')
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(BASIC, `$1 ${REDACTED}`)
    .replace(SECRET_FORM_FIELD, `$1=${REDACTED}`)
    .replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`)
    .replace(JWT, '[REDACTED JWT]');
}

const SECRET_KEY = /authorization|token|secret|assertion|password|private.?key|cookie/i;
const MAX_DEPTH = 6;

/** Redacts every string in a value, and entirely masks properties whose name suggests a secret. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return redact(value);
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, depth + 1));
  }
  if (value instanceof Error) {
    return redact(`${value.name}: ${value.message}`);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1)]));
}

/** Wraps a logger so that nothing reaches it unredacted. */
export function redactingLogger(logger: Logger): Logger {
  const forward =
    (level: keyof Logger) =>
    (message: string, details?: LogDetails): void => {
      if (details === undefined) {
        logger[level](redact(message));
      } else {
        logger[level](redact(message), redactValue(details) as LogDetails);
      }
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
