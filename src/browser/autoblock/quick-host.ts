/**
 * The host a URL points to, read without the URL parser for the plain forms that make up most
 * of what a page loads: `https://host/...` and paths relative to the document's base URL.
 * Undefined for anything else (escapes, userinfo, backslashes, spaces, ports without digits,
 * IPv6, non-ASCII, a trailing dot...), which the caller then parses in full.
 */
export function quickHost(url: string, baseHost: () => string): string | undefined {
  if (/[^\x21-\x7e]|[%\\@]/.test(url)) return;
  const absolute = /^https?:\/\/([a-z\d.-]*[a-z\d])(:\d+)?([/?#]|$)/i.exec(url);
  if (absolute) return absolute[1]!.toLowerCase();
  // No scheme and no `//`: a path on the base URL's host.
  if (!/^[a-z][\w+.-]*:|^\/\//i.test(url)) return baseHost();
}
