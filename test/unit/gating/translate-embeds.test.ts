// The script tag's placeholder translation when it starts after the page has loaded (inserted
// late, or loaded with `async`): held embeds are known at once, so the file is fetched at once.
import { afterEach, expect, it } from 'vitest';
import { createConsent, gate, type Gate } from '../../../src/index';
import { translateEmbeds } from '../../../src/script-tag/translate-embeds';

let handle: Gate;
afterEach(() => {
  handle.stop();
  document.head.innerHTML = document.body.innerHTML = '';
});

const start = (body: string) => {
  document.body.innerHTML = body;
  const consent = createConsent({ mode: 'opt-in', ui: { lang: 'de' } });
  handle = gate(consent);
  translateEmbeds(handle, consent, '/dist/');
};
const fetched = () => Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src'));

it('fetches the page language’s texts right away when an embed is held', () => {
  expect(document.readyState).not.toBe('loading');
  start('<iframe data-consent="advertising" data-src="https://video.test/embed/1" title="Video"></iframe>');
  expect(fetched()).toEqual(['/dist/i18n/de.js']);
});

it('fetches nothing when no embed is held', () => {
  start('<p>No embeds here.</p>');
  expect(fetched()).toEqual([]);
});
