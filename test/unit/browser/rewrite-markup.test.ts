// rewriteMarkup: held URL attributes renamed in the page's own string, nothing else changed.
import { describe, expect, it } from 'vitest';
import { rewriteMarkup } from '../../../src/browser/autoblock/rewrite-markup';

const TRACKER = 'https://px.tracker.test/p.gif';
const onTracker = (_attribute: string, value: string) => value.includes('tracker.test');

describe('rewriteMarkup', () => {
  it('renames only the held attribute; other markup is the same string', () => {
    const markup = `<p class="a">x</p><img alt="" src="${TRACKER}"><img src="/own.gif">`;
    expect(rewriteMarkup(markup, onTracker, false)).toBe(
      `<p class="a">x</p><img alt="" data-consentry-held-src="${TRACKER}"><img src="/own.gif">`,
    );
  });

  it('a srcdoc whose markup is checked by a nested call while the outer one runs: finishes, each tag once', () => {
    // The check of a srcdoc rewrites the markup inside it (as auto-blocking does to find its
    // category); the outer call must keep its own place in the string.
    const nested = (attribute: string, value: string): boolean =>
      attribute == 'srcdoc' ? rewriteMarkup(value, onTracker, false) != value : onTracker(attribute, value);
    const markup = `<iframe srcdoc="<img src=${TRACKER}>"></iframe><img src="${TRACKER}">`;
    expect(rewriteMarkup(markup, nested, false)).toBe(
      `<iframe data-consentry-held-srcdoc="<img src=${TRACKER}>"></iframe><img data-consentry-held-src="${TRACKER}">`,
    );
  });

  it('markup inside the value of a URL element’s attribute is text: left as it is', () => {
    const markup = `<img alt="<img src=${TRACKER}>" src="/own.gif"><iframe title='<img src=${TRACKER}>'></iframe>`;
    expect(rewriteMarkup(markup, onTracker, false)).toBe(markup);
  });
});
