import { checkOption, definePreset } from 'consentry';

export interface PendoOptions {
  /** The subscription's API key (a UUID), under Settings › Subscription settings › App details. */
  apiKey: string;
}

/**
 * Pendo's agent, loaded once `analytics` is granted. A queueing `pendo` stub exists from the
 * start, so site code may call `pendo.initialize({ visitor, account })` at any time; the agent
 * runs the queue once it loads. On withdrawal the agent is stopped and torn down; then the
 * core deletes the `_pendo_*` keys declared here (`teardown` keeps them: `@pendo/agent` 2.291).
 * ```ts
 * createConsent({ presets: [pendo({ apiKey: '0a1b2c3d-1111-4222-8333-444455556666' })] })
 * ```
 */
export const pendo = /* @__PURE__ */ definePreset<PendoOptions>({
  name: 'pendo',
  label: 'Pendo',
  category: 'analytics',
  vendor: { name: 'Pendo', privacyPolicy: 'https://www.pendo.io/legal/privacy-policy/' },
  // Agent CDNs and data hosts per environment (`@pendo/agent` dist/servers.json).
  hosts: ['pendo.io'],
  cookies: [
    { name: '_pendo_*', purpose: 'Visitor and guide state', lifetime: '100 days', storage: 'localStorage' },
    { name: '_pendo_*', purpose: 'Visitor and guide state', lifetime: '100 days' },
    { name: 'pendo*', purpose: 'Tab and session', lifetime: 'session', storage: 'sessionStorage' },
  ],
  options: ['apiKey'],
  validate: (entry) =>
    checkOption(entry, /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i, 'a Pendo API key (a UUID)', 'apiKey'),
  setup({ window: page }) {
    // Pendo's install snippet: queue the API until the agent arrives; `initialize` goes first.
    if (page.pendo) return;
    const queue: unknown[][] = [];
    const stub: Record<string, unknown> = { _q: queue };
    for (const method of 'initialize identify updateOptions pageLoad track'.split(' '))
      stub[method] = (...args: unknown[]) => {
        if (method == 'initialize') queue.unshift([method, ...args]);
        else queue.push([method, ...args]);
      };
    page.pendo = stub;
  },
  load: (ctx) => ctx.loadScript(ctx.src(`https://cdn.pendo.io/agent/static/${ctx.entry.apiKey}/pendo.js`)),
  onChange({ window: page, granted }) {
    if (!granted) for (const stop of ['stopSendingEvents', 'stopGuides', 'teardown']) page.pendo[stop]?.();
  },
});
