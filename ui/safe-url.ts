/**
 * Returns `url` when it is http(s), `mailto:` or relative, else undefined, so a config
 * cannot turn a link into `javascript:` or `data:`. Browsers drop tabs and newlines anywhere
 * in a URL and spaces or control characters at its ends (URL Standard, basic URL parser),
 * so the scheme is read with all of those removed: `java\nscript:` is still `javascript:`.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url != 'string') return;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\0-\x20]/g, ''));
  return !scheme || /^(https?|mailto)$/i.test(scheme[1]!) ? url : undefined;
}
