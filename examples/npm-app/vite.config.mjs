// Builds the npm demo app the way an app's bundler would: `consentry` and its subpaths resolve
// through the package's "exports" to the files `npm run build` wrote to dist/. The page
// (index.html, served with a strict CSP by examples/serve.mjs) loads dist/app.js, which loads
// the UI and its translation as chunks of their own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = new URL('../../', import.meta.url);
const { exports } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const dist = (target) => fileURLToPath(new URL(target.default ?? target, root));

/** `consentry`, `consentry/ui`, … and `consentry/i18n/<lang>` to the built files. */
const alias = [
  ...Object.entries(exports)
    .filter(([path]) => !path.includes('*') && !path.endsWith('.json'))
    .map(([path, target]) => ({
      find: new RegExp(`^consentry${path.slice(1).replace('/', '\\/')}$`),
      replacement: dist(target),
    })),
  { find: /^consentry\/i18n\/(\w+)$/, replacement: dist('./dist/i18n/$1.mjs') },
];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  resolve: { alias },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // No inline polyfill script: the demo's CSP allows none.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: 'src/main.js',
      output: { entryFileNames: 'app.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
