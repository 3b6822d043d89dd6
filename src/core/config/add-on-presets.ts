// Presets that ship as add-on files next to consentry.js (dist/presets/<name>.js) instead of
// inside it, so a site downloads only the vendors it names. The core cannot import presets/;
// a test keeps this list equal to presets/add-ons.ts.
export const ADD_ON_PRESETS: readonly string[] =
  /* @__PURE__ */ 'microsoft-clarity hotjar youtube vimeo google-maps x-pixel snapchat-pixel reddit-pixel pinterest-tag hubspot intercom posthog'.split(
    ' ',
  );

/**
 * For an add-on preset the config names but nobody registered: which file brings it in (script
 * tag) or what to pass (npm). Undefined for any other name.
 */
export const addOnHint = (name: string): string | undefined =>
  ADD_ON_PRESETS.includes(name)
    ? `preset "${name}" is not loaded: add <script src=".../presets/${name}.js"></script> (next to consentry.js) before consentry.js, ` +
      `or with npm pass { registry: presetRegistry } from "consentry/presets"`
    : undefined;
