// The first layer: what a visitor sees before deciding, in opt-in and opt-out mode.
import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { nextTask, stub } from '../helpers';
import { action, banner, dialog, host, personClick, reopenButton, setup, ui } from './setup';

const attributeNames = (element: Element) =>
  element.getAttributeNames().filter((name) => name != 'data-consentry-action');

describe('banner, opt-in', () => {
  it('shows by itself on a first visit, as a labelled region with the three choices', async () => {
    await setup({ mode: 'opt-in' });
    const region = ui().getByRole('region', { name: 'Cookies on this site' });
    expect(region).toBe(banner());
    expect(ui().getByText(/only with your consent/)).toBeTruthy();
    const buttons = [...region.querySelectorAll('button')].map((b) => [b.dataset.consentryAction, b.textContent]);
    expect(buttons).toEqual([
      ['accept-all', 'Accept all'],
      ['reject-all', 'Reject all'],
      ['preferences', 'Customize'],
    ]);
  });

  it('gives every choice equal weight: the same element with the same attributes and class', async () => {
    await setup();
    const [accept, reject, customize] = ['accept-all', 'reject-all', 'preferences'].map((name) => action(name));
    for (const other of [reject, customize]) {
      expect(other!.tagName).toBe(accept!.tagName);
      expect(attributeNames(other!)).toEqual(attributeNames(accept!));
      expect(other!.className).toBe(accept!.className);
    }
  });

  it('announces itself once: its title is an alert, inserted with its text', async () => {
    await setup();
    expect(banner()!.querySelector('[role=alert]')!.textContent).toBe('Cookies on this site');
  });

  it('is not modal: nothing on the page is made inert and focus stays where it was', async () => {
    document.body.innerHTML = '<a href="/shop">Shop</a>';
    const link = document.querySelector('a')!;
    link.focus();
    await setup();
    expect(document.activeElement).toBe(link);
    expect(document.querySelector('[inert]')).toBeNull();
    expect(banner()!.hasAttribute('aria-modal')).toBe(false);
  });

  it('Accept all grants every category, records the banner as source and goes away', async () => {
    const { consent } = await setup();
    personClick(action('accept-all'));
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: true });
    expect(consent.record.source).toBe('banner');
    expect(banner()).toBeNull();
  });

  it("a script's click on a choice is recorded as the page's code deciding (api), not as the visitor's", async () => {
    const { consent } = await setup();
    action('accept-all').click();
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: true });
    expect(consent.record.source).toBe('api');
  });

  it('Reject all denies every category with one click', async () => {
    const { consent } = await setup();
    fireEvent.click(action('reject-all'));
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false });
    expect(consent.decided).toBe(true);
    expect(banner()).toBeNull();
  });

  it('Customize opens the preferences dialog without deciding', async () => {
    const { consent } = await setup();
    fireEvent.click(action('preferences'));
    expect(dialog()).not.toBeNull();
    expect(consent.decided).toBe(false);
  });

  it('stays hidden for a returning visitor, and show() brings it back', async () => {
    const first = await setup();
    first.consent.rejectAll();
    first.handle.destroy();
    const { handle } = await setup();
    expect(banner()).toBeNull();
    handle.show();
    expect(banner()).not.toBeNull();
    handle.hide();
    expect(banner()).toBeNull();
  });

  it('closes when a decision is made elsewhere (API, another tab)', async () => {
    const { consent } = await setup();
    consent.acceptAll('api');
    expect(banner()).toBeNull();
  });

  it.each([
    [undefined, 'layout-box'],
    ['box', 'layout-box'],
    ['bar', 'layout-bar'],
    ['bar-top', 'layout-bar-top'],
    ['modal', 'layout-modal'],
    ['sidebar', 'layout-box'],
  ] as const)('layout %s renders the %s variant', async (layout, variant) => {
    await setup({}, { layout: layout as 'box' });
    expect(banner()!.classList.contains(variant)).toBe(true);
  });

  it('the modal layout is not modal: no focus trap, nothing inert, no aria-modal', async () => {
    document.body.innerHTML = '<a href="/shop">Shop</a>';
    document.querySelector('a')!.focus();
    await setup({}, { layout: 'modal' });
    expect(document.activeElement!.tagName).toBe('A');
    expect(document.querySelector('[inert]')).toBeNull();
    expect(banner()!.hasAttribute('aria-modal')).toBe(false);
    expect(banner()!.tagName).not.toBe('DIALOG');
  });

  it('links the privacy policy when one is configured', async () => {
    await setup({}, { privacyPolicyUrl: '/privacy' });
    expect(ui().getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
  });

  it('shows the reopen button after the decision by default, not while the banner is up', async () => {
    await setup();
    expect(reopenButton()).toBeNull();
    fireEvent.click(action('reject-all'));
    expect(reopenButton()!.title).toBe('Privacy settings');
  });

  it('uses config.ui when mountUI gets no options', async () => {
    await setup({ ui: { privacyPolicyUrl: 'https://example.com/privacy', layout: 'bar' } });
    expect(banner()!.classList.contains('layout-bar')).toBe(true);
    expect(ui().getByRole('link').getAttribute('href')).toBe('https://example.com/privacy');
  });

  it('renders inside a given root, and destroy() removes all it added', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    const { handle } = await setup({}, { root, reopenButton: true });
    expect(root.shadowRoot!.querySelector('[data-consentry-banner]')).not.toBeNull();
    fireEvent.click(root.shadowRoot!.querySelector('[data-consentry-action="accept-all"]')!);
    expect(reopenButton()).not.toBeNull();
    handle.destroy();
    expect(root.shadowRoot!.childNodes.length).toBe(0);
    expect(reopenButton()).toBeNull();
    expect(root.isConnected).toBe(true);
  });

  it('mounts before <body> exists (the script tag runs in <head>), ahead of the page in tab order', async () => {
    const body = document.body;
    body.remove();
    try {
      await setup();
      expect(host().parentElement).toBe(document.documentElement);
      expect(banner()).not.toBeNull();
    } finally {
      document.documentElement.appendChild(body);
    }
  });

  it('goes first in <body>, so keyboard users reach the banner before the page', async () => {
    document.body.innerHTML = '<main><a href="#">Shop</a></main>';
    await setup();
    expect(document.body.firstElementChild).toBe(host());
  });

  it('destroy() removes its own host and stops listening', async () => {
    const { consent, handle } = await setup();
    handle.destroy();
    expect(host()).toBeNull();
    consent.reset();
    await nextTask();
    expect(host()).toBeNull();
  });
});

describe('banner, opt-out (US state laws)', () => {
  it('is a notice with Do Not Sell, Customize and Accept all', async () => {
    const { consent } = await setup({ mode: 'opt-out' });
    expect(consent.state.analytics).toBe(true);
    expect(ui().getByText(/may count as selling or sharing/)).toBeTruthy();
    const buttons = [...banner()!.querySelectorAll('button')].map((b) => [b.dataset.consentryAction, b.textContent]);
    expect(buttons).toEqual([
      ['do-not-sell', 'Do Not Sell or Share My Personal Information'],
      ['preferences', 'Customize'],
      ['accept-all', 'Accept all'],
    ]);
  });

  it('"Do Not Sell or Share" opts out of every sale category in one action', async () => {
    const { consent } = await setup({ mode: 'opt-out', categories: { functional: { sale: true } } });
    personClick(action('do-not-sell'));
    expect(consent.state).toEqual({ essential: true, analytics: true, advertising: false, functional: false });
    expect(consent.record.source).toBe('banner');
    expect(banner()).toBeNull();
  });

  it('is not forced on a visitor whose GPC signal already decided, yet the dialog offers the control', async () => {
    stub(navigator, 'globalPrivacyControl', true);
    const { consent, handle } = await setup({ mode: 'opt-out' });
    expect(banner()).toBeNull();
    expect(consent.state.advertising).toBe(false);
    handle.showPreferences();
    expect(action('do-not-sell', dialog()!)).not.toBeNull();
  });
});
