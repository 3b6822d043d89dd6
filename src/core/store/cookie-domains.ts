/**
 * Domains a cookie readable on `host` may have been set on: the host itself, then each parent
 * domain (`www.shop.example.co.uk` → `shop.example.co.uk` → `example.co.uk` → `co.uk`).
 * Which parent is the registrable one needs the Public Suffix List, so every candidate is
 * tried: browsers refuse a cookie write on a public suffix (RFC 6265 §5.3 step 5), so the
 * extra attempts are harmless. IP addresses and single-label hosts have no parents.
 */
export function cookieDomains(host: string): string[] {
  if (!host.includes('.') || /^[\d.]+$|:/.test(host)) return [host];
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** Paths a cookie of this page may have: `/`, the page's own path and its directory (the default path, RFC 6265 §5.1.4). */
export function cookiePaths(pathname: string): string[] {
  return [...new Set(['/', pathname, pathname.slice(0, pathname.lastIndexOf('/')) || '/'])];
}

/**
 * Every path a cookie sent to this page may have been set on: `/` and each ancestor of the page's
 * path, with and without a trailing slash (`/shop/cart` → `/`, `/shop`, `/shop/`, `/shop/cart`,
 * `/shop/cart/`), because a cookie's path matches every page below it (RFC 6265 §5.1.4).
 */
export function pathPrefixes(pathname: string): string[] {
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    path += '/' + segment;
    paths.push(path, path + '/');
  }
  return paths;
}
