import { checkOption, definePreset } from 'consentry';
import { defineQueue, firstLoad, requested } from './vendor-queue';

export interface IntercomOptions {
  /** Workspace (app) id: 8 lower-case letters and digits, in the Intercom URL (`/a/apps/<id>`). */
  id: string;
  /** Where the workspace is hosted when not in the US: `eu` or `au` (sets `api_base`). */
  region?: 'eu' | 'au';
}

/**
 * Intercom Messenger, loaded once `analytics` is granted: it records visitors' pages and
 * sessions (its cookies recognise a visitor for 9 months). A site that offers it as support
 * chat declares a `functional` category and moves it there. Intercom's snippet:
 * `window.intercomSettings = { app_id }`, a queueing `Intercom()` and
 * https://widget.intercom.io/widget/<id> (developers.intercom.com/installing-intercom/web/installation).
 * On withdrawal `Intercom('shutdown')` ends the session and clears the visitor's data from the
 * Messenger (the core then deletes the cookies below); a new grant
 * sends `Intercom('boot', intercomSettings)`
 * (developers.intercom.com/installing-intercom/web/methods).
 * ```ts
 * createConsent({ presets: [intercom({ id: 'abc12345', region: 'eu' })] })
 * ```
 */
export const intercom = /* @__PURE__ */ definePreset<IntercomOptions>({
  name: 'intercom',
  label: 'Intercom',
  category: 'analytics',
  vendor: { name: 'Intercom', privacyPolicy: 'https://www.intercom.com/legal/privacy' },
  // The widget loader, its code (js.intercomcdn.com), API and real-time hosts (*.intercom.io).
  hosts: ['intercom.io', 'intercomcdn.com', 'intercomassets.com'],
  // intercom.com/help, "Intercom Messenger cookies"
  cookies: [
    { name: 'intercom-id-*', purpose: 'Anonymous visitor id', lifetime: '9 months' },
    { name: 'intercom-session-*', purpose: 'Messenger session', lifetime: '1 week' },
    { name: 'intercom-device-id-*', purpose: 'Device id', lifetime: '9 months' },
  ],
  options: ['id', 'region'],
  validate: (entry) =>
    checkOption(entry, /^[a-z0-9]{8}$/, 'an Intercom workspace id like "abc12345"').concat(
      entry.region === undefined ? [] : checkOption(entry, /^(eu|au)$/, '"eu" or "au"', 'region'),
    ),
  setup({ window: page }) {
    // Intercom's snippet without its script tag: calls wait in `Intercom.q` until the widget
    // replays them.
    const stub = function () {
      stub.c(arguments);
    } as ((...args: unknown[]) => void) & { q: unknown[]; c(args: IArguments): void };
    stub.q = [];
    stub.c = (args) => void stub.q.push(args);
    defineQueue(page, 'Intercom', stub);
  },
  load({ window: page, entry, src, loadScript }) {
    const settings: Record<string, unknown> = { ...page.intercomSettings, app_id: entry.id };
    if (entry.region) settings.api_base = `https://api-iam.${entry.region}.intercom.io`;
    page.intercomSettings = settings;
    firstLoad(page, 'Intercom');
    loadScript(src('https://widget.intercom.io/widget/' + entry.id));
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no Messenger to tell.
    if (!requested(page, 'Intercom')) return;
    if (granted) page.Intercom('boot', page.intercomSettings);
    else page.Intercom('shutdown');
  },
});
