// Under a nonce-based CSP, activated scripts run with no violation; embed placeholders are sized
// like their iframe, styled without inline styles, accessible, and their buttons work.
import { beforeEach, describe, expect, it } from 'vitest';
import { cspViolations, ranScripts, recordCspViolations, useChromium } from './support/harness';
import { poll } from './support/poll';
import { esmPage, record } from './support/esm-page';

const NONCE = 'r4nd0m-n0nce';
const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self'; img-src *; frame-src *`;
const VIDEO = 'https://video.vendor-b.test/embed/1';

const s = useChromium();
beforeEach(() => recordCspViolations(s.context));

const open = async (html: string, csp = true) => {
  s.server.set('/page.html', { body: html, headers: csp ? { 'content-security-policy': CSP } : {} });
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).started);
};
const violations = () => cspViolations(s.page);

describe('nonce-based CSP', () => {
  const held = (nonce: string) => `
    <script type="text/plain" data-consent="analytics" data-src="https://cdn.vendor-a.test/a.js"${nonce}></script>
    <script type="text/plain" data-consent="analytics"${nonce}>${record('inline')}</script>
    <script type="text/plain" data-consent="analytics" data-type="module"${nonce}>${record('module')}</script>
    <iframe data-consent="advertising" data-src="${VIDEO}" title="Video" width="560" height="315"></iframe>`;

  it('runs activated scripts with the nonce of the held elements, with no violation', async () => {
    await open(esmPage({ mode: 'opt-in' }, { nonce: NONCE, body: held(` nonce="${NONCE}"`) }));
    // The placeholder's stylesheet applies under `style-src 'self'`, and so does its size.
    expect(await s.page.locator('[data-consentry-placeholder]').evaluate((el) => getComputedStyle(el).display)).toBe(
      'flex',
    );
    const frameSize = await s.page.evaluate(() => {
      const frame = document.querySelector('iframe')!;
      frame.hidden = false;
      const { width, height } = frame.getBoundingClientRect();
      frame.hidden = true;
      return [width, height];
    });
    const box = (await s.page.locator('[data-consentry-placeholder]').boundingBox())!;
    expect([box.width, box.height]).toEqual(frameSize);
    await s.page.evaluate('window.consent.acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual(['https://cdn.vendor-a.test/a.js', 'inline', 'module']);
    await poll(() => s.page.frames().map((f) => f.url())).toContain(VIDEO);
    expect(await violations()).toEqual([]);
  });

  it('uses the configured nonce for held elements that carry none', async () => {
    await open(esmPage({ mode: 'opt-in', nonce: NONCE }, { nonce: NONCE, body: held('') }));
    await s.page.evaluate('window.consent.acceptAll()');
    await poll(() => ranScripts(s.page)).toEqual(['https://cdn.vendor-a.test/a.js', 'inline', 'module']);
    expect(await violations()).toEqual([]);
  });

  it('is a real CSP: a held script activated without any nonce is refused', async () => {
    await open(
      esmPage(
        { mode: 'opt-in' },
        { nonce: NONCE, body: `<script type="text/plain" data-consent="analytics">${record('inline')}</script>` },
      ),
    );
    await s.page.evaluate('window.consent.acceptAll()');
    await poll(violations).toEqual(['script-src-elem inline']);
    expect(await ranScripts(s.page)).toEqual([]);
  });
});

describe('embed placeholders', () => {
  const embeds = `
    <iframe id="fixed" data-consent="advertising" data-src="${VIDEO}" title="Roastery video" width="560" height="315"></iframe>
    <iframe id="styled" class="wide" data-consent="advertising" data-src="https://video.vendor-b.test/embed/2" title="Second video"></iframe>`;
  const style = `<style>.wide { width: 400px; height: 300px; border: 0 }</style><script src="/node_modules/axe-core/axe.min.js"></script>`;
  const box = (n: number) => s.page.locator('[data-consentry-placeholder]').nth(n);

  it('stands in for the iframe at its size, and passes axe', async () => {
    await open(esmPage({ mode: 'opt-in' }, { body: embeds, head: style }), false);
    expect(await s.page.locator('iframe:visible').count()).toBe(0);
    const sizes = [await box(0).boundingBox(), await box(1).boundingBox()].map((b) => [b!.width, b!.height]);
    // The iframes' own rendered sizes (border included), measured by showing them for a moment.
    const frames = await s.page.evaluate(() =>
      Array.from(document.querySelectorAll('iframe'), (f) => {
        f.hidden = false;
        const { width, height } = f.getBoundingClientRect();
        f.hidden = true;
        return [width, height];
      }),
    );
    expect(sizes).toEqual(frames);
    expect(frames[1]).toEqual([400, 300]);
    expect(await box(0).getAttribute('role')).toBe('group');
    expect(
      await s.page
        .getByRole('group', { name: 'Roastery video' })
        .getByText('This content is blocked until you allow advertising')
        .count(),
    ).toBe(1);
    const result = await s.page.evaluate(async () =>
      (window as any).axe.run({ include: ['[data-consentry-placeholder]'] }),
    );
    expect(result.violations.map((v: { id: string }) => v.id)).toEqual([]);
    expect(s.thirdParty.requests).toEqual([]);
  });

  it('"Load this once" loads that embed alone; "Allow advertising" loads them all and is remembered', async () => {
    await open(esmPage({ mode: 'opt-in' }, { body: embeds, head: style }), false);
    await box(0).getByRole('button', { name: 'Load this once' }).click();
    await poll(() => s.thirdParty.hits('/embed/')).toEqual([VIDEO]);
    expect(await s.page.locator('#fixed').isVisible()).toBe(true);
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('fixed');
    expect(await s.page.evaluate('window.consent.decided')).toBe(false);

    await box(0).getByRole('button', { name: 'Allow advertising' }).click();
    await poll(() => s.thirdParty.hits('/embed/')).toEqual([VIDEO, 'https://video.vendor-b.test/embed/2']);
    expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(0);
    await s.page.reload();
    await s.page.waitForFunction(() => (window as any).started);
    expect(await s.page.evaluate('window.consent.granted("advertising")')).toBe(true);
    expect(await s.page.locator('[data-consentry-placeholder]').count()).toBe(0);
  });

  it('shows translated texts passed to gate', async () => {
    await open(
      esmPage(
        { mode: 'opt-in' },
        {
          body: embeds,
          gate: `{ texts: { embedBlocked: 'Inhalt blockiert bis Sie {category} erlauben', embedAllow: '{category} erlauben', embedOnce: 'Einmal laden' } }`,
        },
      ),
      false,
    );
    expect(await box(0).textContent()).toBe(
      'Inhalt blockiert bis Sie advertising erlaubenadvertising erlaubenEinmal laden',
    );
  });
});
