// Finds the script tag's config: `data-config` (JSON) or `data-config-url` (fetched) on the tag
// itself, else `window.consentryConfig`. The tag's own attributes come first: a page's users
// can post markup, and an element with `id="consentryConfig"` appears as
// `window.consentryConfig` (WHATWG HTML, "Named access on the Window object"). Only a plain
// object is taken from there, so such an element neither configures nor switches off the library.
// A config that cannot be read or parsed is an Error.
import { isPlainObject } from '../core/config/own-copy';

export type ConfigSource = { config: unknown } | { error: Error } | { url: string };

/** `builtIn`: the config a site's own build carries, used when the page gives none. */
export function readConfig(
  script: HTMLScriptElement | null,
  win: Window & { consentryConfig?: unknown },
  builtIn: unknown = {},
): ConfigSource {
  const inline = script?.getAttribute('data-config');
  if (inline != null) {
    try {
      return { config: JSON.parse(inline) };
    } catch (error) {
      return { error: new Error(`data-config: not valid JSON (${(error as Error).message})`) };
    }
  }
  const url = script?.getAttribute('data-config-url');
  if (url) return { url };
  if (isPlainObject(win.consentryConfig)) return { config: win.consentryConfig };
  return { config: builtIn };
}

/** Fetches `data-config-url`; any failure becomes an Error naming the URL. */
export async function fetchConfig(url: string): Promise<ConfigSource> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { config: await response.json() };
  } catch (error) {
    return { error: new Error(`data-config-url: could not load ${url} (${(error as Error).message})`) };
  }
}
