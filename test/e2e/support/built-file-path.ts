/** Where the `e2e-built` project's site file is written (test/e2e/support/build-site-file.ts) and served from. */
export const BUILT_FILE_PATH = 'dist/e2e-site/consentry.js';
