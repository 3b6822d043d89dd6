import { checkOption, definePreset } from 'consentry';
import { defineQueue, firstLoad, requested } from './vendor-queue';

/**
 * The methods of PostHog's snippet that site code calls most (posthog.com/docs/libraries/js/usage):
 * each queues its call until array.js arrives.
 */
const METHODS =
  'capture identify alias reset register register_once unregister group setPersonProperties ' +
  'isFeatureEnabled getFeatureFlag getFeatureFlagPayload onFeatureFlags reloadFeatureFlags ' +
  'startSessionRecording stopSessionRecording captureException opt_in_capturing opt_out_capturing';

export interface PosthogOptions {
  /** Project API key (`phc_…`), under Project settings › Project API key. */
  apiKey: string;
  /**
   * Where events go: `https://us.i.posthog.com` (default), `https://eu.i.posthog.com`, or the
   * site's own reverse proxy. The SDK loads from the matching assets host.
   */
  apiHost?: string;
}

/**
 * PostHog (product analytics, session replay), loaded once `analytics` is granted. PostHog's
 * snippet: a queueing `posthog` (calls kept until array.js arrives),
 * `posthog.init(apiKey, { api_host })` and `<assets host>/static/array.js`
 * (posthog.com/docs/libraries/js). A withdrawal calls `posthog.opt_out_capturing()`, which
 * stops all capture and replay; a new grant calls `posthog.opt_in_capturing()`
 * (posthog.com/docs/privacy/data-collection).
 * ```ts
 * createConsent({ presets: [posthog({ apiKey: 'phc_…', apiHost: 'https://eu.i.posthog.com' })] })
 * ```
 */
export const posthog = /* @__PURE__ */ definePreset<PosthogOptions>({
  name: 'posthog',
  label: 'PostHog',
  category: 'analytics',
  vendor: { name: 'PostHog', privacyPolicy: 'https://posthog.com/privacy' },
  // The SDK (us-assets., eu-assets.i.posthog.com) and event ingestion (us., eu.i.posthog.com).
  hosts: ['i.posthog.com'],
  // posthog.com/docs/libraries/js/persistence: `ph_<key>_posthog` in a cookie and localStorage.
  cookies: [
    { name: 'ph_*', purpose: 'Visitor id, session and feature flags', lifetime: '1 year' },
    { name: 'ph_*', purpose: 'Visitor id, session and feature flags', lifetime: 'no expiry', storage: 'localStorage' },
  ],
  options: ['apiKey', 'apiHost'],
  validate: (entry) =>
    checkOption(entry, /^phc_[A-Za-z0-9]{20,64}$/, 'a PostHog project API key like "phc_…"', 'apiKey').concat(
      entry.apiHost === undefined
        ? []
        : checkOption(
            entry,
            /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[\w./-]*)?$/,
            'an https URL like "https://eu.i.posthog.com"',
            'apiHost',
          ),
    ),
  setup({ window: page }) {
    // PostHog's snippet without its script tag: `init` is kept in `_i`, every other call in the
    // queue itself, until array.js replays them (posthog.init runs first).
    const queue: any = [];
    queue._i = [];
    queue.init = (key: string, config: object, name = 'posthog') => void queue._i.push([key, config, name]);
    for (const method of METHODS.split(' ')) queue[method] = (...args: unknown[]) => void queue.push([method, ...args]);
    defineQueue(page, 'posthog', queue);
  },
  load({ window: page, entry, src, loadScript }) {
    const apiHost = ((entry.apiHost as string | undefined) ?? 'https://us.i.posthog.com').replace(/\/$/, '');
    // As PostHog's snippet: the SDK comes from the assets host next to the API host.
    if (firstLoad(page, 'posthog'))
      loadScript(src(apiHost.replace('.i.posthog.com', '-assets.i.posthog.com') + '/static/array.js'));
    page.posthog.init(entry.apiKey, { api_host: apiHost, defaults: '2025-05-24' });
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no SDK to tell.
    if (!requested(page, 'posthog')) return;
    if (granted) page.posthog.opt_in_capturing();
    else page.posthog.opt_out_capturing();
  },
});
