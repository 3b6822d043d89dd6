/**
 * Returns `url` when it is relative, http(s) or `mailto:`, else undefined, so a config
 * cannot turn a link into `javascript:` or `data:`. Relative means no scheme: no `:` before
 * the first `/`, `?` or `#`. Browsers drop tabs and newlines anywhere in a URL and spaces or
 * control characters at its ends (URL Standard, basic URL parser), so the check runs with
 * all of those removed: `java\nscript:` is still `javascript:`.
 */
export const safeUrl = (url: unknown): string | undefined =>
  typeof url == 'string' && /^([^:/?#]*([/?#]|$)|https?:|mailto:)/i.test(url.replace(/[\0-\x20]/g, ''))
    ? url
    : undefined;
