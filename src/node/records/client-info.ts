// What the receiver learns about a client beyond the record, reduced before anything keeps it:
// the address only truncated and only in memory (for rate limiting), the user agent only as a
// coarse device class, the country only from an edge header the operator says to trust.
import { isIP } from 'node:net';

/**
 * The network an address belongs to: IPv4 /24, IPv6 /48 (the truncation c15t and Fides apply
 * before storing an address; here it is not even stored). An IPv4-mapped IPv6 address counts as IPv4.
 */
export function truncateAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1]! : address;
  if (isIP(plain) == 4) return plain.split('.').slice(0, 3).join('.') + '.0/24';
  if (isIP(plain) == 6) return expandIPv6(plain).slice(0, 3).join(':') + '::/48';
  return 'unknown';
}

/** `2001:db8::1` → its eight groups. */
function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'other';

/** A coarse device class from the User-Agent header; the header itself is never kept. */
export function deviceClass(userAgent: string | undefined | null): DeviceClass {
  if (!userAgent) return 'other';
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|Android/i.test(userAgent)) return 'mobile';
  if (/Windows NT|Macintosh|X11|CrOS/i.test(userAgent)) return 'desktop';
  return 'other';
}

/** A two-letter country from a trusted edge header (`cf-ipcountry: DE`), or null. */
export function trustedCountry(headers: Headers, header: string | undefined): string | null {
  if (!header) return null;
  const value = headers.get(header)?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) && value != 'XX' ? value : null;
}
