// consentry/react with Testing Library in jsdom: the hooks and <Consent> follow the instance,
// the server's state is what hydration reads (no mismatch, no placeholder flash for a visitor
// who agreed, the fallback for one who did not or whose cookie was tampered with), the
// placeholder's buttons, and the page runtime the provider starts (once, also in StrictMode).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement as h, StrictMode, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import de from '../../../ui/i18n/de';
import { createConsent, decisionFromCookie, definePreset, type ConsentConfig } from '../../../src/index';
import { Consent, ConsentPlaceholder, ConsentProvider, useConsent, useGranted } from '../../../bindings/react/index';
import { clearCookies, nextTask } from '../helpers';

const VIDEO = 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ';
const CONFIG: ConsentConfig = { mode: 'opt-in' };

let errors: unknown[][];
beforeEach(() => {
  clearCookies();
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
});
afterEach(async () => {
  // Unmounts every provider: their runtimes and UIs stop a microtask later.
  cleanup();
  await nextTask();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  await nextTask();
  clearCookies();
});

/** The embed a page gates, with the built-in placeholder as its fallback. */
const Video = () =>
  h(
    Consent,
    { category: 'advertising', fallback: h(ConsentPlaceholder, { title: 'Big Buck Bunny' }) },
    h('iframe', { src: VIDEO, title: 'Big Buck Bunny' }),
  );

/** Shows what useConsent() returns, and its buttons. */
function Status() {
  const { decided, needsPrompt, state, signals, acceptAll, rejectAll, update } = useConsent();
  return h(
    'div',
    null,
    h('output', { 'data-testid': 'status' }, JSON.stringify({ decided, needsPrompt, state, signals })),
    h('button', { onClick: () => acceptAll('banner') }, 'accept'),
    h('button', { onClick: () => rejectAll('banner') }, 'reject'),
    h('button', { onClick: () => update({ advertising: false }) }, 'withdraw'),
  );
}
const status = () => JSON.parse(screen.getByTestId('status').textContent!);

describe('useConsent, useGranted and <Consent>', () => {
  it('render the instance, and follow its decisions: the embed appears on accept and leaves on withdrawal', () => {
    const consent = createConsent(CONFIG);
    const Flag = () => h('span', { 'data-testid': 'flag' }, String(useGranted('analytics')));
    render(h(ConsentProvider, { consent }, h(Status), h(Flag), h(Video)));
    expect(status()).toEqual({
      decided: false,
      needsPrompt: true,
      state: { essential: true, analytics: false, advertising: false },
      signals: { gpc: false, dnt: false },
    });
    expect(document.querySelector('iframe')).toBeNull();
    expect(screen.getByRole('group', { name: 'Big Buck Bunny' }).textContent).toContain(
      'This content is blocked until you allow advertising',
    );

    fireEvent.click(screen.getByText('accept'));
    expect(consent.record.source).toBe('banner');
    expect(status()).toMatchObject({ decided: true, needsPrompt: false });
    expect(screen.getByTestId('flag').textContent).toBe('true');
    expect(document.querySelector('iframe')?.src).toBe(VIDEO);

    fireEvent.click(screen.getByText('withdraw'));
    expect(consent.granted('advertising')).toBe(false);
    expect(document.querySelector('iframe')).toBeNull();
    expect(screen.getByTestId('flag').textContent).toBe('true');
  });

  it('follow a change made outside React (another tab, the UI, the instance itself)', () => {
    const consent = createConsent(CONFIG);
    render(h(ConsentProvider, { consent }, h(Video)));
    act(() => consent.acceptAll());
    expect(document.querySelector('iframe')).not.toBeNull();
    act(() => consent.reset());
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('create the instance from a config, once', () => {
    const seen = new Set<unknown>();
    const Spy = () => {
      seen.add(useConsent().consent);
      return null;
    };
    const { rerender } = render(h(StrictMode, null, h(ConsentProvider, { config: CONFIG }, h(Spy), h(Status))));
    fireEvent.click(screen.getByText('reject'));
    rerender(h(StrictMode, null, h(ConsentProvider, { config: CONFIG }, h(Spy), h(Status))));
    expect(seen.size).toBe(1);
    expect(status().decided).toBe(true);
  });

  it('treat a category the config does not have as denied', () => {
    render(h(ConsentProvider, { consent: createConsent(CONFIG) }, h(Consent, { category: 'analytcs' }, 'secret')));
    act(() => undefined);
    expect(document.body.textContent).toBe('');
  });

  it('say which provider is missing, instead of rendering without consent', () => {
    expect(() => render(h(Video))).toThrow('consentry/react: useGranted() needs a <ConsentProvider> above it');
    expect(() => render(h(Status))).toThrow('consentry/react: useConsent() needs a <ConsentProvider> above it');
  });
});

describe('<ConsentPlaceholder>', () => {
  it('"Allow" grants the category as an explicit choice, and the embed replaces it', () => {
    const consent = createConsent(CONFIG);
    render(h(ConsentProvider, { consent }, h(Video)));
    fireEvent.click(screen.getByRole('button', { name: 'Allow advertising' }));
    expect(consent.granted('advertising')).toBe(true);
    expect(consent.record.source).toBe('preferences');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.querySelector('iframe')).not.toBeNull();
  });

  it('"Load this once" shows this embed only, without a decision', () => {
    const consent = createConsent(CONFIG);
    render(h(ConsentProvider, { consent }, h(Video), h(Video)));
    fireEvent.click(screen.getAllByRole('button', { name: 'Load this once' })[0]!);
    expect(consent.decided).toBe(false);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    expect(screen.getAllByRole('group')).toHaveLength(1);
  });

  it('speaks the language given to the provider, with its category labels', () => {
    render(h(ConsentProvider, { consent: createConsent(CONFIG), texts: de }, h(Video)));
    const box = screen.getByRole('group');
    expect(box.querySelector('p')!.textContent).toBe(de.embedBlocked.replace('{category}', de.advertisingLabel));
    expect(
      within(box).getByRole('button', { name: de.embedAllow.replace('{category}', de.advertisingLabel) }),
    ).toBeTruthy();
    // A label the site configured wins, as in gate()'s placeholder.
    document.body.innerHTML = '';
    const labelled = createConsent({ categories: { advertising: { label: 'Werbung & Videos' } } });
    render(h(ConsentProvider, { consent: labelled, texts: de }, h(Video)));
    expect(screen.getAllByRole('group')[0]!.textContent).toContain('Werbung & Videos');
  });

  it('needs a category outside a <Consent>', () => {
    const consent = createConsent(CONFIG);
    render(h(ConsentProvider, { consent }, h(ConsentPlaceholder, { category: 'analytics' })));
    expect(screen.queryByRole('button', { name: 'Load this once' })).toBeNull();
    expect(() => render(h(ConsentProvider, { consent }, h(ConsentPlaceholder)))).toThrow('needs a category');
  });
});

describe('server rendering and hydration', () => {
  /** The page a server renders for a request's cookie, and the browser then hydrates. */
  const page = (props: { initial?: ReturnType<typeof decisionFromCookie> }) =>
    h(ConsentProvider, { config: CONFIG, ...props } as never, h('main', null, h(Video), h(Status)));

  /** Server HTML for the cookie, put in the page, then hydrated with the same cookie in the jar. */
  async function serveThenHydrate(cookie: string, withInitial = true) {
    const initial = withInitial ? decisionFromCookie(cookie, CONFIG) : undefined;
    const html = renderToString(page({ initial }));
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const serverIframe = container.querySelector('iframe');
    const removed: Node[] = [];
    new MutationObserver((records) => records.forEach((record) => removed.push(...record.removedNodes))).observe(
      container,
      { childList: true, subtree: true },
    );
    await act(async () => {
      hydrateRoot(container, page({ initial: initial && JSON.parse(JSON.stringify(initial)) }), {
        onRecoverableError: (error) => errors.push(['recoverable', error]),
      });
    });
    await nextTask();
    return { html, container, serverIframe, removed };
  }

  it('a returning visitor who accepted: the server renders the embed, hydration keeps it (no mismatch, no flash)', async () => {
    createConsent(CONFIG).acceptAll('banner');
    const { html, container, serverIframe, removed } = await serveThenHydrate(document.cookie);
    expect(html).toContain(`<iframe src="${VIDEO}"`);
    expect(html).not.toContain('data-consentry-placeholder');
    expect(container.querySelector('iframe')).toBe(serverIframe);
    expect(removed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a visitor who rejected: the server renders the placeholder, never the embed', async () => {
    createConsent(CONFIG).rejectAll('banner');
    const { html, container, removed } = await serveThenHydrate(document.cookie);
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-consentry-placeholder="advertising"');
    expect(container.querySelector('[data-consentry-placeholder]')).not.toBeNull();
    expect(removed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a tampered cookie is no decision on either side: the placeholder, and hydration matches', async () => {
    createConsent(CONFIG).rejectAll('banner');
    // The record has no signature: a well-formed edit is a decision, a malformed one is not.
    const tampered = document.cookie.replace('advertising=0', 'advertising=2');
    document.cookie = tampered;
    const { html, container } = await serveThenHydrate(document.cookie);
    expect(html).not.toContain('<iframe');
    expect(container.querySelector('iframe')).toBeNull();
    expect(status()).toMatchObject({ decided: false, needsPrompt: true });
    expect(errors).toEqual([]);
  });

  it('without an initial state, the server renders nothing granted, and the browser catches up after hydration', async () => {
    createConsent(CONFIG).acceptAll('banner');
    const { html, container } = await serveThenHydrate(document.cookie, false);
    expect(html).not.toContain('<iframe');
    expect(JSON.parse(/<output[^>]*>(.*?)<\/output>/.exec(html)![1]!.replace(/&quot;/g, '"'))).toMatchObject({
      decided: false,
      needsPrompt: false,
    });
    // After hydration: the instance's own state, without a mismatch.
    expect(container.querySelector('iframe')).not.toBeNull();
    expect(status().decided).toBe(true);
    expect(errors).toEqual([]);
  });

  it('renders the same HTML from the server state as a client render of the same decision', () => {
    createConsent(CONFIG).acceptAll('banner');
    const server = renderToString(page({ initial: decisionFromCookie(document.cookie, CONFIG) }));
    const { container } = render(page({}));
    expect(container.innerHTML).toBe(server.replace(/<!-- -->/g, '').replace(/&quot;/g, '"'));
  });
});

describe('the page runtime: gate and the lazy UI', () => {
  /** The first import of the UI's modules is transformed on the fly, which takes a while. */
  const LOADING = { timeout: 10_000 };
  /** An element inside the consent UI's shadow root. */
  const shadow = (selector: string) => document.querySelector('consentry-ui')?.shadowRoot?.querySelector(selector);

  /** A preset that counts how often its vendor tag would be inserted. */
  const counted = () => {
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
    return { loads, preset };
  };

  it('gate starts the runtime once, also under StrictMode, and stops it on unmount', async () => {
    const { loads, preset } = counted();
    const consent = createConsent({ presets: [preset({})] });
    const changes: unknown[] = [];
    window.addEventListener('consentry:change', (event) => changes.push(event));
    const view = render(h(StrictMode, null, h(ConsentProvider, { consent, gate: true }, h(Status))));
    await nextTask();
    fireEvent.click(screen.getByText('accept'));
    expect(loads).toEqual(['load']);
    expect(changes).toHaveLength(1);
    view.unmount();
    await nextTask();
    act(() => consent.rejectAll());
    expect(changes).toHaveLength(1);
  });

  it('ui shows the banner for a visitor who has to choose, loading it on first use', async () => {
    render(h(ConsentProvider, { config: CONFIG, ui: true }, h(Status)));
    await vi.waitFor(() => expect(shadow('[data-consentry-banner]')).toBeTruthy(), LOADING);
  });

  it('ui is not loaded for a returning visitor, until showPreferences() or a "Cookie settings" link', async () => {
    createConsent(CONFIG).rejectAll('banner');
    function Settings() {
      return h('button', { onClick: useConsent().showPreferences }, 'settings');
    }
    render(h(ConsentProvider, { config: CONFIG, ui: { reopenButton: false } }, h(Settings)));
    await nextTask();
    expect(document.querySelector('consentry-ui')).toBeNull();
    fireEvent.click(screen.getByText('settings'));
    await vi.waitFor(() => expect(shadow('[data-consentry-preferences]')).toBeTruthy(), LOADING);
    expect(document.querySelectorAll('consentry-ui')).toHaveLength(1);
  });

  it('a "Cookie settings" link loads the UI and opens the preferences', async () => {
    createConsent(CONFIG).rejectAll('banner');
    render(
      h(
        ConsentProvider,
        { config: CONFIG, ui: true },
        h('a', { href: '#', 'data-consentry-action': 'preferences' }, 'Cookie settings'),
      ),
    );
    await nextTask();
    fireEvent.click(screen.getByText('Cookie settings'));
    await vi.waitFor(() => expect(shadow('[data-consentry-preferences]')).toBeTruthy(), LOADING);
  });

  it('showPreferences() without ui says what is missing', async () => {
    function Settings() {
      return h('button', { onClick: useConsent().showPreferences }, 'settings');
    }
    render(h(ConsentProvider, { config: CONFIG }, h(Settings)));
    await nextTask();
    fireEvent.click(screen.getByText('settings'));
    expect(String(errors[0])).toContain('showPreferences() needs the consent UI: pass `ui`');
  });
});

export type { ReactNode };
