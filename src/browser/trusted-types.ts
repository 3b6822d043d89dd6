// Trusted Types (w3c.github.io/trusted-types/dist/spec/): under the CSP directive
// `require-trusted-types-for 'script'`, assigning a string to a script's `src` throws, and only
// values made by a policy the page allows (`trusted-types consentry`) pass. Consentry sets no
// `innerHTML` and no script text; it inserts scripts by URL only (the UI chunk and translations
// from its own folder, vendor tags from presets, `loadScript`), through this one named policy.

/** The policy's name, for the page's `trusted-types` directive. */
export const POLICY_NAME = 'consentry';

interface ScriptURLPolicy {
  createScriptURL(url: string): unknown;
}
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptURLPolicy };
};

/**
 * Only http(s) URLs: a `data:` or `blob:` URL would be script text in disguise, which Consentry
 * never loads.
 */
function checkedURL(url: string): string {
  const { protocol } = new URL(url, document.baseURI);
  if (protocol != 'https:' && protocol != 'http:') throw new TypeError(`consentry: refused to load ${url}`);
  return url;
}

// One per page: a second `createPolicy('consentry')` throws unless the page's CSP says
// 'allow-duplicates'. Undefined until first used; null when the browser has no Trusted Types
// or the page's `trusted-types` directive does not name this policy.
let policy: ScriptURLPolicy | null | undefined;

/**
 * `url` as a script URL the page's Trusted Types policy accepts: a TrustedScriptURL from the
 * `consentry` policy, or the string itself where there is no policy (then a page that enforces
 * Trusted Types refuses it, and Consentry's script does not load: fail closed).
 * ```ts
 * script.src = scriptURL('https://www.googletagmanager.com/gtag/js?id=G-ABC123') as string
 * ```
 */
export function scriptURL(url: string): unknown {
  if (policy === undefined) {
    policy = null;
    try {
      const factory = (window as TrustedTypesWindow).trustedTypes;
      if (factory) policy = factory.createPolicy(POLICY_NAME, { createScriptURL: checkedURL });
    } catch (error) {
      console.error(`consentry: add ${POLICY_NAME} to the page's trusted-types directive`, error);
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
