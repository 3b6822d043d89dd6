// ui.theme: light by default, dark on request, and `auto` honouring the page's own
// color-scheme declaration before the visitor's preference.
import { describe, expect, it } from 'vitest';
import { host, setup } from './setup';

const schemeClass = () =>
  [...host().shadowRoot!.firstElementChild!.classList].find((name) => name.startsWith('theme-'));

function declare(content: string): void {
  const meta = document.head.appendChild(document.createElement('meta'));
  meta.name = 'color-scheme';
  meta.content = content;
}

describe('ui.theme', () => {
  it('is light by default, whatever the visitor prefers: no dark banner by surprise', async () => {
    await setup();
    expect(schemeClass()).toBe('theme-light');
  });

  it('dark on request', async () => {
    await setup({}, { theme: 'dark' });
    expect(schemeClass()).toBe('theme-dark');
  });

  it.each([
    ['light', 'theme-light'],
    ['only light', 'theme-light'],
    ['dark', 'theme-dark'],
    ['light dark', 'theme-auto'],
  ])('auto on a page declaring color-scheme "%s" gives %s', async (content, expected) => {
    declare(content);
    try {
      await setup({}, { theme: 'auto' });
      expect(schemeClass()).toBe(expected);
    } finally {
      document.head.querySelector('meta[name=color-scheme]')!.remove();
    }
  });

  it('auto on a page that declares nothing follows the visitor (theme-auto, a media query)', async () => {
    await setup({}, { theme: 'auto' });
    expect(schemeClass()).toBe('theme-auto');
  });
});
