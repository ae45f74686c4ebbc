/** Query parameters whose values may be credentials: never kept in the request log. */
const SECRET_PARAMETER = /token|assertion|secret|password|passwd|api[-_]?key|authorization|code_verifier/i;
/** Three base64url segments starting with `eyJ` (a JSON header): a JWT, wherever it appears. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const MAX_PATH = 500;

/** Replaces anything shaped like a JWT in free text (a message, a path) by `[redacted]`. */
export function redactTokens(text: string): string {
  return text.replace(JWT, '[redacted]');
}

/** Path and query of a URL for the log: credentials in the query replaced, the whole bounded. */
export function redactTarget(pathAndQuery: string): string {
  const mark = pathAndQuery.indexOf('?');
  let target = pathAndQuery;
  if (mark !== -1 && SECRET_PARAMETER.test(pathAndQuery.slice(mark))) {
    const parts = pathAndQuery
      .slice(mark + 1)
      .split('&')
      .map((part) => {
        const equals = part.indexOf('=');
        const name = equals === -1 ? part : part.slice(0, equals);
        let decoded = name;
        try {
          decoded = decodeURIComponent(name);
        } catch {
          // a malformed escape stays as sent; the name is only compared
        }
        return equals !== -1 && SECRET_PARAMETER.test(decoded) ? `${name}=[redacted]` : part;
      });
    target = `${pathAndQuery.slice(0, mark)}?${parts.join('&')}`;
  }
  target = redactTokens(target);
  return target.length > MAX_PATH ? `${target.slice(0, MAX_PATH)}…` : target;
}
