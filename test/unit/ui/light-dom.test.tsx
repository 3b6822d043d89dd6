// Where tools that do not enter shadow roots look: the host's landmark and name, and, with
// `ui.shadow: false`, the banner, its buttons and its privacy link in the page's own DOM.
import { within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import de from '../../../ui/i18n/de';
import { host, personClick, reopenButton, setup } from './setup';

const register = (texts: Record<string, Record<string, string>>) => ((window as any).ConsentryParts = { i18n: texts });
const page = () => within(document.body);

describe('the host element', () => {
  it('is a region named in the page language while the banner shows', async () => {
    register({ de });
    await setup({}, { lang: 'de' });
    expect(page().getByRole('region', { name: 'Cookie-Einwilligung' })).toBe(host());
  });

  it('is no landmark once the visitor has decided, and again one when the banner is shown', async () => {
    const { handle } = await setup();
    personClick(host().shadowRoot!.querySelector('[data-consentry-action="reject-all"]')!);
    expect(host().getAttribute('role')).toBeNull();
    expect(host().getAttribute('aria-label')).toBeNull();
    handle.show();
    expect(page().getByRole('region', { name: 'Cookie consent' })).toBe(host());
  });

  it('ui.texts names it too', async () => {
    await setup({}, { texts: { en: { regionLabel: 'Your privacy choices' } } });
    expect(host().getAttribute('aria-label')).toBe('Your privacy choices');
  });
});

describe('shadow: false renders in the page DOM', () => {
  it('puts the banner, its three choices and the privacy link where document.querySelector finds them', async () => {
    await setup({}, { shadow: false, privacyPolicyUrl: '/privacy' });
    expect(host().shadowRoot).toBeNull();
    expect(host().hasAttribute('data-consentry-ui')).toBe(true);
    const region = page().getByRole('region', { name: 'Cookie consent' });
    expect(region.querySelector('[data-consentry-banner]')).toBe(document.querySelector('[data-consentry-banner]'));
    const choices = [...document.querySelectorAll('consentry-ui button')].map((b) =>
      b.getAttribute('data-consentry-action'),
    );
    expect(choices).toEqual(['accept-all', 'reject-all', 'preferences']);
    expect(document.querySelector('consentry-ui a[href]')!.getAttribute('href')).toBe('/privacy');
    expect(region.textContent).toContain('only with your consent');
  });

  it('its buttons decide like the shadow ones, and the dialog opens in the page DOM too', async () => {
    const { consent } = await setup({}, { shadow: false });
    personClick(document.querySelector('[data-consentry-action="preferences"]')!);
    const dialog = document.querySelector('dialog[data-consentry-preferences]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('consentry-preferences-title');
    expect(document.getElementById('consentry-preferences-title')!.textContent).toBe('Privacy preferences');
    personClick(dialog.querySelector('[data-consentry-action="reject-all"]')!);
    expect(consent.state).toEqual({ essential: true, analytics: false, advertising: false });
    expect(document.querySelector('[data-consentry-banner]')).toBeNull();
    expect(reopenButton()).not.toBeNull();
  });

  it('destroy() removes the host, and leaves a given root empty and unmarked', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    const { handle } = await setup({}, { shadow: false, root });
    expect(root.querySelector('[data-consentry-banner]')).not.toBeNull();
    handle.destroy();
    expect(root.childNodes.length).toBe(0);
    expect(root.getAttributeNames()).toEqual([]);
    expect(root.isConnected).toBe(true);
  });
});
