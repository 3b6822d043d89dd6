// The services table in the dialog: vendor name, privacy-policy and opt-out links from the
// preset's `vendor` details, and a category's own `links`, when they are there; only safe URLs.
import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { nextTask } from '../helpers';
import { action, dialog } from './setup';

const switchFor = (category: string) =>
  dialog()!.querySelector<HTMLInputElement>(`input[data-consentry-category="${category}"]`)!;

describe('vendor details and category links, when the config or preset has them', () => {
  async function mountWith(vendor: unknown, links: unknown) {
    const { createConsent } = await import('../../../src/index');
    const { presetRegistry } = await import('../../../presets/registry');
    const { mountUI } = await import('../../../ui/index');
    const ga = presetRegistry['google-analytics']!;
    const { internalsOf } = await import('../../../src/core/internals');
    // Malformed details too, as a site's own preset or a tampered object could carry them.
    const registry = { ...presetRegistry, 'google-analytics': { ...ga, vendor: vendor as never } };
    const consent = createConsent({ presets: [{ name: 'google-analytics', id: 'G-TEST1234' }] }, { registry });
    if (links !== undefined)
      Object.assign(internalsOf(consent).categories.find((category) => category.name == 'advertising')!, { links });
    const handle = mountUI(consent);
    await nextTask();
    fireEvent.click(action('preferences'));
    return handle;
  }
  const linksIn = (category: string) =>
    [...switchFor(category).closest('li')!.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);

  it("shows the vendor's name, privacy policy and opt-out links in the service's table section", async () => {
    const handle = await mountWith(
      {
        name: 'Google LLC',
        privacyPolicy: 'https://policies.google.com/privacy',
        optOut: 'https://tools.google.com/dlpage/gaoptout',
      },
      [{ label: 'NAI opt-out', url: 'https://thenai.org/opt-out/' }],
    );
    expect(switchFor('analytics').closest('li')!.querySelector('tbody th')!.textContent).toContain('Google LLC');
    expect(linksIn('analytics')).toEqual([
      ['Privacy policy', 'https://policies.google.com/privacy'],
      ['Opt out', 'https://tools.google.com/dlpage/gaoptout'],
    ]);
    expect(linksIn('advertising')).toEqual([['NAI opt-out', 'https://thenai.org/opt-out/']]);
    handle.destroy();
  });

  it('shows the industry opt-outs under advertising when the site lists no links of its own', async () => {
    const handle = await mountWith(undefined, undefined);
    expect(linksIn('advertising').map(([, href]) => href)).toEqual([
      'https://thenai.org/opt-out/',
      'https://optout.aboutads.info/',
      'https://www.youronlinechoices.eu/',
    ]);
    expect(linksIn('analytics')).toEqual([]);
    handle.destroy();
  });

  it('drops links whose URL is not http(s), relative or mailto, and ignores malformed fields', async () => {
    const handle = await mountWith({ privacyPolicy: 'javascript:alert(1)', optOut: 42 }, [
      { label: 'x', url: 'java\nscript:alert(1)' },
      { label: 7, url: '/fine' },
      null,
      'text',
    ]);
    expect(linksIn('analytics')).toEqual([]);
    expect(linksIn('advertising')).toEqual([]);
    handle.destroy();
  });
});
