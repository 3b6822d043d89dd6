// The script tag's placeholder translation when it starts after the page has loaded (inserted
// late, or loaded with `async`): held embeds are known at once, so the file is fetched at once.
import { afterEach, expect, it, vi } from 'vitest';
import { createConsent, gate, pickLanguage, wantedLanguages, type Gate } from '../../../src/index';
import { translateEmbeds } from '../../../src/script-tag/translate-embeds';
import { LANGUAGES } from '../../../ui/i18n/languages';

let handle: Gate;
afterEach(() => {
  handle.stop();
  document.head.innerHTML = document.body.innerHTML = '';
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

const EMBED = '<iframe data-consent="advertising" data-src="https://video.test/embed/1" title="Video"></iframe>';
/** Starts the gate on `body`; `ui` is the config's (`ui.lang: 'de'` unless given). */
const start = (body: string, ui: { lang?: string } = { lang: 'de' }) => {
  document.body.innerHTML = body;
  const consent = createConsent({ mode: 'opt-in', ui });
  handle = gate(consent);
  translateEmbeds(handle, consent, { url: '/dist/', integrity: { 'i18n/de.js': 'sha256-de' } }, LANGUAGES);
};
const fetched = () => Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src'));

it('fetches the page language’s texts right away when an embed is held', () => {
  expect(document.readyState).not.toBe('loading');
  start(EMBED);
  expect(fetched()).toEqual(['/dist/i18n/de.js']);
  // With the integrity the build computed for the file, and CORS, which SRI needs for a CDN.
  const script = document.querySelector('script[src]')!;
  expect([script.getAttribute('integrity'), script.getAttribute('crossorigin')]).toEqual(['sha256-de', 'anonymous']);
});

it('fetches nothing when no embed is held', () => {
  start('<p>No embeds here.</p>');
  expect(fetched()).toEqual([]);
});

it("picks the language as the UI does: <html lang> first, then each of the browser's languages", () => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['xx-YY', 'fr-CA', 'de']);
  document.documentElement.lang = 'eo';
  // Esperanto has no file: the first of the browser's languages with one, by its primary subtag.
  start(EMBED, {});
  expect(fetched()).toEqual(['/dist/i18n/fr.js']);
  // The UI's own choice for the same page (ui/i18n/load-texts.ts uses these two functions).
  expect(pickLanguage(wantedLanguages(undefined), (lang) => LANGUAGES.includes(lang))).toBe('fr');
});
