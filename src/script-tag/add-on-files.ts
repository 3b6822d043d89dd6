// An add-on preset file (`presets/<name>.js`, added with a `<script>` before consentry.js)
// registers its preset when it runs. When the config names a preset nobody registered although
// the page has the `<script>` for its file, asking for that `<script>` would send the site owner
// looking for something that is there: say what happened to the file instead.
import type { ConfigIssue } from '../core/types';

/** Resource Timing's `responseStatus` (Chromium 109+, Firefox 123+): 0 when not exposed. */
type Timing = PerformanceEntry & { responseStatus?: number };

/** The page's `<script>` whose URL's path ends in `/presets/<name>.js`, if any. */
function addOnScript(name: string, doc: Document): HTMLScriptElement | undefined {
  const path = `/presets/${name}.js`;
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]'))
    try {
      if (new URL(script.src).pathname.endsWith(path)) return script;
    } catch {
      // Not a URL: not the file.
    }
  return undefined;
}

/** What became of the page's `<script>` for add-on `name`, or undefined when it has none. */
function fileProblem(name: string, doc: Document): string | undefined {
  const script = addOnScript(name, doc);
  if (!script) return undefined;
  const url = script.src;
  const timing = performance.getEntriesByName(url)[0] as Timing | undefined;
  const status = timing?.responseStatus;
  const found = `preset "${name}" is not loaded: its file ${url}`;
  // No entry: never answered (blocked by an extension or the CSP), or still loading.
  if (!timing) return `${found} did not load (blocked, or still loading: add it before consentry.js, without async)`;
  if (status && status >= 400) return `${found} failed to load (HTTP ${status})`;
  if (status)
    return `${found} loaded (HTTP ${status}) but registered no preset: serve the file of this consentry release`;
  return `${found} failed to load or registered no preset (see the browser's network panel)`;
}

/**
 * The config's issues, with "preset … is not loaded: add <script …>" replaced by what happened
 * to that file when the page has its `<script>`. Never throws.
 * ```ts
 * throw new ConsentConfigError(explainAddOnFiles(validate(config, registry), config))
 * ```
 */
export function explainAddOnFiles(issues: ConfigIssue[], config: unknown, doc: Document = document): ConfigIssue[] {
  return issues.map((issue) => {
    try {
      const index = /^presets\[(\d+)\]\.name$/.exec(issue.path)?.[1];
      const name = index && (config as { presets: Array<{ name?: unknown }> }).presets[Number(index)]?.name;
      const problem = typeof name == 'string' ? fileProblem(name, doc) : undefined;
      return problem ? { path: issue.path, message: problem } : issue;
    } catch {
      return issue;
    }
  });
}
