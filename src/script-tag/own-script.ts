// The script tag's own `<script>` element, which gives the nonce, `data-config` and the folder the
// chunks are fetched from. Markup the site lets its users post cannot be allowed to stand in for
// it: a named element (`<img name="currentScript">`) shadows `document.currentScript`, because
// Document's named properties override its own members (WHATWG HTML, "The Document object",
// named properties, [LegacyOverrideBuiltIns]); the same holds for `document.scripts`. The
// getters are therefore read from `Document.prototype`, where no element can reach them, and only
// a real HTMLScriptElement is accepted.

const getterOf = (name: 'currentScript' | 'scripts') => Object.getOwnPropertyDescriptor(Document.prototype, name)?.get;
const currentScriptOf = getterOf('currentScript');
const scriptsOf = getterOf('scripts');

/**
 * The URL of the file running this code, from the stack of an Error made now: the fallback for
 * when `currentScript` is null (a tag run from inside a shadow tree, or by code that is no
 * longer the script being executed). Stack text is not standard, but every engine names the
 * script's URL in each frame; when none is found the answer is "unknown".
 */
function runningFileURL(): string | undefined {
  const frame = (new Error().stack || '').split('\n').find((line) => line.includes('://'));
  // "at f (https://site/consentry.js:1:234)" in Chromium, "f@https://site/consentry.js:1:234" elsewhere.
  const location = frame ? /(https?:\/\/\S+?):\d+:\d+/.exec(frame) : null;
  return location?.[1];
}

/**
 * The element that loaded this file, or null when it cannot be told safely: then no chunk is
 * fetched (see `chunkURL`) and the config comes only from the built-in one or
 * `window.consentryConfig`.
 */
export function ownScript(doc: Document = document): HTMLScriptElement | null {
  const current: unknown = currentScriptOf?.call(doc);
  if (current instanceof HTMLScriptElement) return current;
  const url = runningFileURL();
  if (!url) return null;
  const scripts = (scriptsOf?.call(doc) as HTMLCollectionOf<HTMLScriptElement> | undefined) ?? [];
  const matching = Array.prototype.filter.call(
    scripts,
    (script: unknown) => script instanceof HTMLScriptElement && script.src === url,
  ) as HTMLScriptElement[];
  // Two tags with the same URL could be told apart only by trusting one of them: take neither.
  return matching.length === 1 ? matching[0]! : null;
}

/** The folder of the tag's own file, which the chunks are fetched from; '' when unknown. */
export const chunkBase = (script: HTMLScriptElement | null): string =>
  script?.src ? new URL('.', script.src).href : '';

/** The URL of a chunk next to the tag's own file; throws when that folder is unknown. */
export function chunkURL(base: string, file: string): string {
  if (!base) throw new Error(`consentry: cannot tell which <script> element loaded it, so it does not load ${file}`);
  return base + file;
}
