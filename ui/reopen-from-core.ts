// Stands in for reopen-button.ts inside dist/consentry-ui.js (rollup.config.mjs swaps it in):
// that chunk is only ever loaded by consentry.js, which already contains the reopen button
// and registers it on window.ConsentryUI, so the chunk does not ship it twice.
import type { mountReopenButton as MountReopenButton } from './reopen-button';

export const mountReopenButton: typeof MountReopenButton = (options) => {
  const mount = ((window as any).ConsentryUI || {}).mountReopenButton as typeof MountReopenButton | undefined;
  return mount ? mount(options) : () => {};
};
