// Which hosts are the site's own. The site is the start URL's host without a leading `www.`, and
// every host under it: `www.shop.example` makes `shop.example`, `cdn.shop.example` and
// `shop.example` first party. No public-suffix list: a start URL on a shared suffix
// (`name.github.io`) is taken as the site itself, which is what the person auditing means.

export interface Site {
  /** `shop.example` */
  domain: string;
  origin: string;
  isFirstParty(host: string): boolean;
}

export function siteOf(start: URL): Site {
  const domain = start.hostname.toLowerCase().replace(/^www\./, '');
  return {
    domain,
    origin: start.origin,
    isFirstParty(host) {
      const bare = host.toLowerCase().replace(/^\./, '');
      return bare == domain || bare.endsWith('.' + domain);
    },
  };
}
