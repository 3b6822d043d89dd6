// Module resolution hooks (Node's `module.register`, https://nodejs.org/api/module.html#customization-hooks):
// the scanner's `import { chromium } from "playwright"` gets playwright.mjs next to this file.
export async function resolve(specifier, context, nextResolve) {
  if (specifier == 'playwright') return { url: new URL('./playwright.mjs', import.meta.url).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
