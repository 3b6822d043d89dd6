// Visual regression of the banner (each layout) and the dialog, in light, dark, on a 360 px
// phone and right-to-left: each screenshot is compared pixel by pixel (pixelmatch) with its
// committed reference in __screenshots__/ui/. A failure writes the actual image and a diff
// next to each other in test-results/screenshots/. `npm run test:update-screenshots`
// rewrites the references on purpose; review them like code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/harness';
import { MAX_DIFF_RATIO, compareWithReference } from './support/screenshots';
import { fixedFontHead, shopPage, waitForUI, openDialogWithServices } from './support/ui-page';
import { ROOT } from '../support/root';

const REFERENCES = join(ROOT, 'test/e2e/__screenshots__/ui');

const s = useChromium();

/** The viewport's share of pixels that differ from reference `name`.png in `folder`. */
const differenceFromReference = async (name: string, folder = REFERENCES): Promise<number> =>
  compareWithReference(await s.page.screenshot(), join(folder, name + '.png'));

interface Scene {
  ui?: Record<string, unknown>;
  lang?: string;
  width?: number;
  height?: number;
  mode?: 'opt-out';
  /** A stylesheet from examples/themes/ that the page loads. */
  stylesheet?: string;
  /** The page's own CSS. */
  siteCss?: string;
}

async function show({
  ui = {},
  lang = 'en',
  width = 1280,
  height = 720,
  mode,
  stylesheet,
  siteCss,
}: Scene): Promise<void> {
  await s.page.setViewportSize({ width, height });
  // Nothing mid-animation in a screenshot.
  await s.page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  const config = { ...(mode && { mode }), ui: { lang, privacyPolicyUrl: '/privacy', ...ui } };
  let head = fixedFontHead(s.server);
  if (stylesheet) {
    s.server.set('/theme.css', {
      body: readFileSync(join(ROOT, 'examples/themes', stylesheet), 'utf8'),
      type: 'text/css',
    });
    head += '<link rel="stylesheet" href="/theme.css">';
  }
  if (siteCss) {
    s.server.set('/site.css', { body: siteCss, type: 'text/css' });
    head += '<link rel="stylesheet" href="/site.css">';
  }
  s.server.set('/shop.html', shopPage(config, lang, head));
  await s.page.goto(s.server.origin + '/shop.html');
  await waitForUI(s.page);
}

async function openDialog(): Promise<void> {
  await openDialogWithServices(s.page);
  // One switch on, one off: both states are in every dialog screenshot.
  await s.page.locator('input[data-consentry-category="analytics"]').check();
  // The dialog takes focus when it opens; a screenshot shows no focus ring.
  await s.page.locator('dialog').evaluate((el) => (el as HTMLElement).focus());
}

const SCENES: Record<string, Scene> = {
  'box-light': {},
  'box-dark': { ui: { theme: 'dark' } },
  'box-rtl': { lang: 'ar' },
  'bar-light': { ui: { layout: 'bar' } },
  'bar-dark': { ui: { layout: 'bar', theme: 'dark' } },
  'bar-top-light': { ui: { layout: 'bar-top' } },
  'modal-light': { ui: { layout: 'modal' } },
  'opt-out-box-light': { mode: 'opt-out' },
  'phone-light': { width: 360, height: 640 },
  'phone-dark': { width: 360, height: 640, ui: { theme: 'dark' } },
  'phone-rtl': { width: 360, height: 640, lang: 'ar' },
  'phone-opt-out': { width: 360, height: 640, mode: 'opt-out' },
};

describe('banner matches its reference screenshot', () => {
  it.each(Object.entries(SCENES))('%s', async (name, scene) => {
    await show(scene);
    expect(await differenceFromReference('banner-' + name), 'see test-results/screenshots/').toBeLessThanOrEqual(
      MAX_DIFF_RATIO,
    );
  });
});

describe('preferences dialog matches its reference screenshot', () => {
  it.each(['box-light', 'box-dark', 'box-rtl', 'phone-light', 'phone-dark'])('%s', async (name) => {
    await show(SCENES[name]!);
    await openDialog();
    const reference = 'dialog-' + name.replace('box-', '');
    expect(await differenceFromReference(reference), 'see test-results/screenshots/').toBeLessThanOrEqual(
      MAX_DIFF_RATIO,
    );
  });
});

// `ui.shadow: false` renders the same markup in the page's DOM under a scoped stylesheet: it must
// look exactly like the shadow-root rendering, so it is compared with the same references.
describe('rendered in the page DOM (shadow: false), banner and dialog match the same screenshots', () => {
  const inPage = (name: string): Scene => ({ ...SCENES[name], ui: { ...SCENES[name]!.ui, shadow: false } });

  it.each(['box-light', 'box-dark', 'box-rtl', 'bar-light', 'modal-light', 'phone-light', 'phone-rtl'])(
    'banner %s',
    async (name) => {
      await show(inPage(name));
      expect(await s.page.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot)).toBeNull();
      expect(await differenceFromReference('banner-' + name)).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    },
  );

  it.each(['box-light', 'phone-dark'])('dialog %s', async (name) => {
    await show(inPage(name));
    await openDialog();
    const reference = 'dialog-' + name.replace('box-', '');
    expect(await differenceFromReference(reference)).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });

  it("a site's element rules do not restyle it: the page's buttons, headings, boxes and dialogs", async () => {
    // Rules of the kind a site's reset or theme sets for every element (the shop page has none of
    // these elements itself, so only the UI could change).
    const siteCss = `h2{margin:2em 0;font:italic 700 28px/1 serif;color:#c00;text-transform:uppercase}
button{padding:0;background:transparent;border:0;font-size:10px;text-transform:uppercase;letter-spacing:.1em}
div{padding:4px;text-align:center}p a{color:red;text-decoration:none}dialog{padding:3em;border:5px solid red}
input[type=checkbox]{width:10px;height:10px;accent-color:red}`;
    await show({ ui: { shadow: false }, siteCss });
    expect(await differenceFromReference('banner-box-light')).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    await openDialog();
    expect(await differenceFromReference('dialog-light')).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });
});

it('reopen button matches its reference screenshot', async () => {
  await show({});
  await s.page.locator('[data-consentry-action="reject-all"]').click();
  await s.page.locator('consentry-reopen button').waitFor();
  expect(await differenceFromReference('reopen-button'), 'see test-results/screenshots/').toBeLessThanOrEqual(
    MAX_DIFF_RATIO,
  );
});

// The two worked themes of the README: their screenshots are in docs/themes/, checked here.
describe('README themes match their screenshots', () => {
  const DOCS = join(ROOT, 'docs/themes');
  it.each([
    ['dark-brand', { stylesheet: 'dark-brand.css', ui: { theme: 'dark' } }],
    ['square-serif', { stylesheet: 'square-serif.css', ui: { layout: 'bar' } }],
  ] as const)('%s', async (name, scene) => {
    await show(scene);
    expect(await differenceFromReference(name + '-banner', DOCS)).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    await openDialog();
    expect(await differenceFromReference(name + '-dialog', DOCS)).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  });
});
