// @vitest-environment node
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as presets from '../../../presets/index';
import { readdirSync } from 'node:fs';
import { builtInPresets } from '../../../presets/built-in';
import { presetRegistry } from '../../../presets/registry';
import { ADD_ON_PRESETS } from '../../../src/core/config/add-on-presets';
import { createConsent } from '../../../src/index';
import { internalsOf } from '../../../src/core/internals';
import { ROOT } from '../../support/root';

const DEFAULTS: Record<string, string> = {
  'google-analytics': 'analytics',
  'google-tag-manager': 'analytics',
  'google-ads': 'advertising',
  pendo: 'analytics',
  'meta-pixel': 'advertising',
  'linkedin-insight': 'advertising',
  'microsoft-uet': 'advertising',
  'tiktok-pixel': 'advertising',
  'microsoft-clarity': 'analytics',
  hotjar: 'analytics',
  youtube: 'advertising',
  vimeo: 'analytics',
  'google-maps': 'advertising',
  'x-pixel': 'advertising',
  'snapchat-pixel': 'advertising',
  'reddit-pixel': 'advertising',
  'pinterest-tag': 'advertising',
  hubspot: 'analytics',
  intercom: 'analytics',
  posthog: 'analytics',
};
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe('the preset registry', () => {
  it('holds the twenty presets by name, each with the default category of the design', () => {
    expect(Object.fromEntries(Object.entries(presetRegistry).map(([name, d]) => [name, d.category]))).toEqual(DEFAULTS);
    for (const [name, definition] of Object.entries(presetRegistry)) expect(definition.name).toBe(name);
  });

  it('is what consentry/presets exports, next to one factory per preset named after it', () => {
    expect(Object.keys(presets).sort()).toEqual([...Object.keys(DEFAULTS).map(camel), 'presetRegistry'].sort());
    for (const name of Object.keys(DEFAULTS))
      expect((presets as Record<string, any>)[camel(name)].definition).toBe(presetRegistry[name]);
  });

  it.each(Object.values(presetRegistry))(
    '$name declares hosts, cookies with purpose and lifetime, and options',
    (definition) => {
      expect(definition.label).toBeTruthy();
      expect(definition.hosts.length).toBeGreaterThan(0);
      for (const host of definition.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+(\/\S*)?$/);
      for (const cookie of definition.cookies) {
        expect(cookie.name).toMatch(/^[^\s;,=]+$/);
        expect(cookie.purpose).toBeTruthy();
        expect(cookie.lifetime).toMatch(/^((up to )?\d+ (minutes?|days?|weeks?|months?|years?)|session|no expiry)$/);
      }
      expect(definition.options.length).toBeGreaterThan(0);
      // The dialog's services table links the vendor's policy (and opt-out where it has one).
      expect(definition.vendor!.name).toBeTruthy();
      expect(definition.vendor!.privacyPolicy).toMatch(/^https:\/\/\S+$/);
      if (definition.vendor!.optOut) expect(definition.vendor!.optOut).toMatch(/^https:\/\/\S+$/);
    },
  );

  it('puts eight presets in the script tag and the twelve others in add-on files the core knows by name', () => {
    expect(Object.keys(builtInPresets)).toEqual(Object.keys(DEFAULTS).slice(0, 8));
    expect(Object.keys(presetRegistry).filter((name) => !(name in builtInPresets))).toEqual([...ADD_ON_PRESETS]);
    // Each add-on file has its entry; the build fails on a name without one.
    const entries = readdirSync(`${ROOT}/bundles/presets`).map((file) => file.replace(/\.ts$/, ''));
    expect(entries.sort()).toEqual([...ADD_ON_PRESETS].sort());
  });

  it('factories make entries createConsent accepts without a registry', () => {
    const consent = createConsent({
      presets: [
        presets.googleAnalytics({ id: 'G-ABC123' }),
        presets.pendo({ apiKey: '0a1b2c3d-1111-4222-8333-444455556666', category: 'essential' }),
      ],
    });
    expect(internalsOf(consent).presets.map((p) => [p.definition.name, p.category])).toEqual([
      ['google-analytics', 'analytics'],
      ['pendo', 'essential'],
    ]);
  });
});

describe('tree-shaking', () => {
  // An app that imports one preset must not ship the others (or the registry).
  const VENDOR_URLS: Record<string, string> = {
    googleAnalytics: 'google-analytics.com',
    googleTagManager: 'googletagmanager.com/gtm.js',
    googleAds: 'googleadservices.com',
    pendo: 'cdn.pendo.io',
    metaPixel: 'connect.facebook.net',
    linkedinInsight: 'snap.licdn.com',
    microsoftUet: 'bat.bing.com',
    tiktokPixel: 'analytics.tiktok.com',
    microsoftClarity: 'www.clarity.ms/tag/',
    hotjar: 'static.hotjar.com',
    youtube: 'youtube.com/iframe_api',
    vimeo: 'player.vimeo.com/api',
    googleMaps: 'maps.googleapis.com/maps/api/js',
    xPixel: 'static.ads-twitter.com',
    snapchatPixel: 'sc-static.net',
    redditPixel: 'redditstatic.com/ads/pixel.js',
    pinterestTag: 's.pinimg.com/ct/core.js',
    hubspot: 'hs-scripts.com',
    intercom: 'widget.intercom.io',
    posthog: 'static/array.js',
  };
  it.each(Object.keys(VENDOR_URLS))('importing %s alone bundles only that preset', async (name) => {
    const result = await build({
      stdin: { contents: `export { ${name} } from './presets/index'`, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      plugins: [
        {
          name: 'core-external',
          setup: (b) => void b.onResolve({ filter: /\/src\/index$/ }, () => ({ path: 'consentry', external: true })),
        },
      ],
    });
    const code = result.outputFiles[0]!.text;
    for (const [other, url] of Object.entries(VENDOR_URLS))
      expect(code.includes(url), `${other} in ${name}'s bundle`).toBe(other == name);
  });
});
