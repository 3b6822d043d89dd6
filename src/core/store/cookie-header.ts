// Reads one cookie out of a `Cookie` request header, as a server receives it. The header is
// `name=value` pairs separated by `; ` (RFC 6265 §4.2.1 and §5.4); the browser sends every
// cookie that matches the request, so a name can appear more than once when another path or a
// sibling subdomain has set one of the same name (cookie tossing).

/**
 * The value of the cookie called `name` in `header`, as sent (not percent-decoded: the consent
 * cookie's value never needs it, so an encoded one is not a decision). Undefined when there is
 * none, or when there is more than one: which of several is the site's own cannot be told, so
 * neither counts.
 */
export function cookieFromHeader(header: string, name: string): string | undefined {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) values.push(pair.slice(equals + 1).trim());
  }
  return values.length == 1 ? values[0] : undefined;
}
