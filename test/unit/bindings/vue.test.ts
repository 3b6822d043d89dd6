// consentry/vue with @vue/test-utils in jsdom: the composables and <Consent> follow the instance,
// a server-rendered app hydrates with the server's state (no mismatch, no placeholder flash for a
// visitor who agreed, the fallback for one who did not or whose cookie was tampered with), the
// placeholder's buttons, and the page runtime the plugin starts.
import { flushPromises, mount } from '@vue/test-utils';
import { createSSRApp, defineComponent, h, nextTick, ref } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import de from '../../../ui/i18n/de';
import { createConsent, decisionFromCookie, definePreset, type ConsentConfig } from '../../../src/index';
import {
  Consent,
  ConsentPlaceholder,
  createConsentPlugin,
  useConsent,
  useGranted,
  type ConsentPluginOptions,
} from '../../../bindings/vue/index';
import { clearCookies, nextTask } from '../helpers';

const VIDEO = 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ';
const CONFIG: ConsentConfig = { mode: 'opt-in' };

let logged: unknown[][];
const unmount: Array<() => void> = [];
beforeEach(() => {
  clearCookies();
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
  vi.spyOn(console, 'warn').mockImplementation((...args) => void logged.push(args));
});
afterEach(async () => {
  for (const stop of unmount.splice(0)) stop();
  await nextTask();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  clearCookies();
});

const Video = defineComponent(
  () => () =>
    h(
      Consent,
      { category: 'advertising' },
      {
        default: () => h('iframe', { src: VIDEO, title: 'Big Buck Bunny' }),
        fallback: () => h(ConsentPlaceholder, { title: 'Big Buck Bunny' }),
      },
    ),
);

const Status = defineComponent(() => {
  const { decided, needsPrompt, state, signals, acceptAll, rejectAll, update } = useConsent();
  return () =>
    h('div', [
      h(
        'output',
        { 'data-testid': 'status' },
        JSON.stringify({
          decided: decided.value,
          needsPrompt: needsPrompt.value,
          state: state.value,
          signals: signals.value,
        }),
      ),
      h('button', { class: 'accept', onClick: () => acceptAll('banner') }, 'accept'),
      h('button', { class: 'reject', onClick: () => rejectAll('banner') }, 'reject'),
      h('button', { class: 'withdraw', onClick: () => update({ advertising: false }) }, 'withdraw'),
    ]);
});

function mountWith(options: ConsentPluginOptions, ...children: Array<ReturnType<typeof defineComponent>>) {
  const wrapper = mount(
    defineComponent(
      () => () =>
        h(
          'main',
          children.map((child) => h(child)),
        ),
    ),
    {
      global: { plugins: [createConsentPlugin(options)] },
      attachTo: document.body,
    },
  );
  unmount.push(() => wrapper.unmount());
  return wrapper;
}
const status = () => JSON.parse(document.querySelector('[data-testid="status"]')!.textContent!);

describe('useConsent, useGranted and <Consent>', () => {
  it('render the instance, and follow its decisions: the embed appears on accept and leaves on withdrawal', async () => {
    const consent = createConsent(CONFIG);
    const Flag = defineComponent(() => {
      const granted = useGranted('analytics');
      return () => h('span', { class: 'flag' }, String(granted.value));
    });
    const wrapper = mountWith({ consent }, Status, Flag, Video);
    expect(status()).toEqual({
      decided: false,
      needsPrompt: true,
      state: { essential: true, analytics: false, advertising: false },
      signals: { gpc: false, dnt: false },
    });
    expect(wrapper.find('iframe').exists()).toBe(false);
    expect(wrapper.find('[role="group"]').attributes('aria-label')).toBe('Big Buck Bunny');
    expect(wrapper.find('[role="group"] p').text()).toBe('This content is blocked until you allow advertising');

    await wrapper.find('.accept').trigger('click');
    expect(consent.record.source).toBe('banner');
    expect(status()).toMatchObject({ decided: true, needsPrompt: false });
    expect(wrapper.find('.flag').text()).toBe('true');
    expect(wrapper.find('iframe').attributes('src')).toBe(VIDEO);

    await wrapper.find('.withdraw').trigger('click');
    expect(consent.granted('advertising')).toBe(false);
    expect(wrapper.find('iframe').exists()).toBe(false);
  });

  it('follow a change made outside Vue, and a category given as a ref', async () => {
    const consent = createConsent({ categories: { functional: {} } });
    const category = ref<string>('analytics');
    const Flag = defineComponent(() => {
      const granted = useGranted(category);
      return () => h('span', { class: 'flag' }, String(granted.value));
    });
    const wrapper = mountWith({ consent }, Flag, Video);
    consent.update({ functional: true });
    await nextTick();
    expect(wrapper.find('.flag').text()).toBe('false');
    category.value = 'functional';
    await nextTick();
    expect(wrapper.find('.flag').text()).toBe('true');
    consent.acceptAll();
    await nextTick();
    expect(wrapper.find('iframe').exists()).toBe(true);
    consent.reset();
    await nextTick();
    expect(wrapper.find('iframe').exists()).toBe(false);
  });

  it('create the instance from a config; a category the config does not have is denied', async () => {
    const Unknown = defineComponent(() => () => h(Consent, { category: 'analytcs' }, { default: () => 'secret' }));
    const wrapper = mountWith({ config: CONFIG }, Status, Unknown);
    await wrapper.find('.reject').trigger('click');
    expect(status().decided).toBe(true);
    expect(wrapper.text()).not.toContain('secret');
  });

  it('say that the plugin is missing, instead of rendering without consent', () => {
    expect(() => mount(Video)).toThrow('consentry/vue: useGranted() needs app.use(createConsentPlugin(…))');
    expect(() => mount(Status)).toThrow('consentry/vue: useConsent() needs app.use(createConsentPlugin(…))');
  });
});

describe('<ConsentPlaceholder>', () => {
  it('"Allow" grants the category as an explicit choice, and the embed replaces it', async () => {
    const consent = createConsent(CONFIG);
    const wrapper = mountWith({ consent }, Video);
    await wrapper
      .findAll('button')
      .find((button) => button.text() == 'Allow advertising')!
      .trigger('click');
    expect(consent.granted('advertising')).toBe(true);
    expect(consent.record.source).toBe('preferences');
    expect(wrapper.find('[data-consentry-placeholder]').exists()).toBe(false);
    expect(wrapper.find('iframe').exists()).toBe(true);
  });

  it('"Load this once" shows this embed only, without a decision', async () => {
    const consent = createConsent(CONFIG);
    const wrapper = mountWith({ consent }, Video, Video);
    await wrapper
      .findAll('button')
      .find((button) => button.text() == 'Load this once')!
      .trigger('click');
    expect(consent.decided).toBe(false);
    expect(wrapper.findAll('iframe')).toHaveLength(1);
    expect(wrapper.findAll('[data-consentry-placeholder]')).toHaveLength(1);
  });

  it('speaks the language given to the plugin, with its category labels', () => {
    const wrapper = mountWith({ consent: createConsent(CONFIG), texts: de }, Video);
    expect(wrapper.find('[data-consentry-placeholder] p').text()).toBe(
      de.embedBlocked.replace('{category}', de.advertisingLabel),
    );
    expect(wrapper.find('[data-consentry-placeholder] button').text()).toBe(
      de.embedAllow.replace('{category}', de.advertisingLabel),
    );
  });
});

describe('server rendering and hydration', () => {
  const App = defineComponent(() => () => h('main', [h(Video), h(Status)]));

  /** Server HTML for the cookie (vue/server-renderer), put in the page, then hydrated with the same cookie in the jar. */
  async function serveThenHydrate(cookie: string, withInitial = true) {
    const initial = withInitial ? decisionFromCookie(cookie, CONFIG) : undefined;
    const server = createSSRApp(App).use(createConsentPlugin({ config: CONFIG, initial }));
    // Rendered as on a server: without `document` (the plugin starts nothing there).
    const documentNow = globalThis.document;
    let html: string;
    try {
      Reflect.deleteProperty(globalThis, 'document');
      html = await renderToString(server);
    } finally {
      globalThis.document = documentNow;
    }
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const serverIframe = container.querySelector('iframe');
    const removed: Node[] = [];
    new MutationObserver((records) => records.forEach((record) => removed.push(...record.removedNodes))).observe(
      container,
      { childList: true, subtree: true },
    );
    const client = createSSRApp(App).use(
      createConsentPlugin({ config: CONFIG, initial: initial && JSON.parse(JSON.stringify(initial)) }),
    );
    client.mount(container);
    unmount.push(() => client.unmount());
    await flushPromises();
    return { html, container, serverIframe, removed };
  }

  it('a returning visitor who accepted: the server renders the embed, hydration keeps it (no mismatch, no flash)', async () => {
    createConsent(CONFIG).acceptAll('banner');
    const { html, container, serverIframe, removed } = await serveThenHydrate(document.cookie);
    expect(html).toContain(`<iframe src="${VIDEO}"`);
    expect(html).not.toContain('data-consentry-placeholder');
    expect(container.querySelector('iframe')).toBe(serverIframe);
    expect(removed).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('a visitor who rejected: the server renders the placeholder, never the embed', async () => {
    createConsent(CONFIG).rejectAll('banner');
    const { html, container, removed } = await serveThenHydrate(document.cookie);
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-consentry-placeholder="advertising"');
    expect(container.querySelector('[data-consentry-placeholder]')).not.toBeNull();
    expect(removed).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('a tampered cookie is no decision on either side: the placeholder, and hydration matches', async () => {
    createConsent(CONFIG).rejectAll('banner');
    document.cookie = document.cookie.replace('advertising=0', 'advertising=2');
    const { html, container } = await serveThenHydrate(document.cookie);
    expect(html).not.toContain('<iframe');
    expect(container.querySelector('iframe')).toBeNull();
    expect(status()).toMatchObject({ decided: false, needsPrompt: true });
    expect(logged).toEqual([]);
  });

  it('the server state is the first render only: once mounted, the instance decides', async () => {
    createConsent(CONFIG).acceptAll('banner');
    // A stale server state (the visitor accepted in another tab meanwhile): hydration matches it, then the page catches up.
    const { html, container } = await serveThenHydrate('', true);
    expect(html).not.toContain('<iframe');
    expect(container.querySelector('iframe')).not.toBeNull();
    expect(status().decided).toBe(true);
    expect(logged).toEqual([]);
  });
});

describe('the page runtime: gate and the lazy UI', () => {
  const LOADING = { timeout: 10_000 };
  const shadow = (selector: string) => document.querySelector('consentry-ui')?.shadowRoot?.querySelector(selector);

  it('gate starts the runtime, and the app’s unmount stops it', async () => {
    const loads: string[] = [];
    const preset = definePreset({
      name: 'counted',
      label: 'Counted',
      category: 'analytics',
      hosts: [],
      cookies: [],
      options: [],
      validate: () => [],
      load: () => void loads.push('load'),
    });
    const consent = createConsent({ presets: [preset({})] });
    const changes: unknown[] = [];
    window.addEventListener('consentry:change', (event) => changes.push(event));
    const wrapper = mountWith({ consent, gate: true }, Status);
    await wrapper.find('.accept').trigger('click');
    expect(loads).toEqual(['load']);
    expect(changes).toHaveLength(1);
    wrapper.unmount();
    await nextTask();
    consent.rejectAll();
    expect(changes).toHaveLength(1);
  });

  it('ui shows the banner for a visitor who has to choose', async () => {
    mountWith({ config: CONFIG, ui: true }, Status);
    await vi.waitFor(() => expect(shadow('[data-consentry-banner]')).toBeTruthy(), LOADING);
  });

  it('ui loads for a returning visitor only on showPreferences()', async () => {
    createConsent(CONFIG).rejectAll('banner');
    const Settings = defineComponent(() => {
      const { showPreferences } = useConsent();
      return () => h('button', { class: 'settings', onClick: showPreferences }, 'settings');
    });
    const wrapper = mountWith({ config: CONFIG, ui: true }, Settings);
    await nextTask();
    expect(document.querySelector('consentry-ui')).toBeNull();
    await wrapper.find('.settings').trigger('click');
    await vi.waitFor(() => expect(shadow('[data-consentry-preferences]')).toBeTruthy(), LOADING);
  });
});
