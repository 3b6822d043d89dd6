// Finds the script tag's config: `data-config` (JSON), `window.consentryConfig`, or
// `data-config-url` (fetched). A config that cannot be read or parsed is an Error.
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
  if (win.consentryConfig !== undefined) return { config: win.consentryConfig };
  const url = script?.getAttribute('data-config-url');
  return url ? { url } : { config: builtIn };
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
