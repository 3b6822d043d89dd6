// dist/build/gpp.mjs: the GPP part `consentry build` bundles into a site's file when its config
// has `gpp` (src/node/build/script-tag-entry.ts imports it only then).
export { createGppPart } from '../src/script-tag/gpp-part';
