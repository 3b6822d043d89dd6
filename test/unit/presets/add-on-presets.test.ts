// The twelve add-on presets driven the way the runtime drives them: nothing before consent,
// the vendor's documented loader calls in order after it, and each change told to the vendor's
// consent API where it has one.
import { describe, expect, it } from 'vitest';
import { googleMaps } from '../../../presets/google-maps';
import { hotjar } from '../../../presets/hotjar';
import { hubspot } from '../../../presets/hubspot';
import { intercom } from '../../../presets/intercom';
import { microsoftClarity } from '../../../presets/microsoft-clarity';
import { pinterestTag } from '../../../presets/pinterest-tag';
import { posthog } from '../../../presets/posthog';
import { redditPixel } from '../../../presets/reddit-pixel';
import { snapchatPixel } from '../../../presets/snapchat-pixel';
import { vimeo } from '../../../presets/vimeo';
import { xPixel } from '../../../presets/x-pixel';
import { youtube } from '../../../presets/youtube';
import type { PresetDefinition } from '../../../src/index';
import { nextTask, plain } from '../helpers';
import { runPreset } from './run-preset';

const PH_KEY = 'phc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const invalid = (definition: PresetDefinition, options: Record<string, unknown>) =>
  definition.validate({ name: definition.name, ...options }).map((issue) => issue.path);

describe('microsoft-clarity', () => {
  const def = microsoftClarity.definition;
  it('validates the project id', () => {
    expect(invalid(def, { id: 'abcdef1234' })).toEqual([]);
    expect(invalid(def, { id: 'ABCDEF1234' })).toEqual(['id']);
  });
  it('loads the tag once granted and tells consentv2 at once and on every change, also of advertising', () => {
    const run = runPreset(def, { id: 'abcdef1234' });
    run.window.clarity('event', 'before consent');
    expect(run.scripts).toEqual([]);
    run.set(true);
    run.consent.update({ advertising: true });
    run.set(false);
    expect(run.scripts).toEqual(['https://www.clarity.ms/tag/abcdef1234']);
    expect(plain(run.window.clarity.q)).toEqual([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
      ['event', 'before consent'],
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }],
      ['consentv2', { ad_Storage: 'granted', analytics_Storage: 'denied' }],
    ]);
  });
});

describe('hotjar', () => {
  const def = hotjar.definition;
  it('validates the site id and loads hotjar-<id>.js?sv=6 with _hjSettings, only once granted', () => {
    expect(invalid(def, { id: '1234567' })).toEqual([]);
    expect(invalid(def, { id: 'HJ-1' })).toEqual(['id']);
    const run = runPreset(def, { id: '1234567' });
    run.window.hj('event', 'before consent');
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual(['https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
    expect(run.window._hjSettings).toEqual({ hjid: 1234567, hjsv: 6 });
    run.window.hj('event', 'signup');
    expect(plain(run.window.hj.q)).toEqual([
      ['event', 'before consent'],
      ['event', 'signup'],
    ]);
  });
});

describe('youtube', () => {
  const def = youtube.definition;
  it('loads the IFrame API only when asked to, once granted', () => {
    expect(runPreset(def, {}, { granted: true }).scripts).toEqual([]);
    const run = runPreset(def, { api: true });
    run.set(true);
    expect(run.scripts).toEqual(['https://www.youtube.com/iframe_api']);
    expect(invalid(def, { api: 'yes' })).toEqual(['api']);
  });
  it('noCookie rewrites held embeds, also ones added later, and leaves other iframes alone', async () => {
    document.body.innerHTML = `<iframe data-consent="advertising" data-src="https://www.youtube.com/embed/abc?rel=0"></iframe>
      <iframe data-consent="advertising" data-src="https://example.com/embed/x"></iframe>`;
    runPreset(def, { noCookie: true }, { window });
    const later = document.createElement('div');
    later.innerHTML = '<iframe data-consent="advertising" data-src="//youtube.com/embed/def"></iframe>';
    document.body.append(later);
    await nextTask();
    expect([...document.querySelectorAll('iframe')].map((f) => f.getAttribute('data-src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/abc?rel=0',
      'https://example.com/embed/x',
      '//www.youtube-nocookie.com/embed/def',
    ]);
    document.body.innerHTML = '';
  });
});

describe('vimeo', () => {
  const def = vimeo.definition;
  it('doNotTrack adds dnt=1 to held player embeds once; api loads the Player SDK', () => {
    document.body.innerHTML = `<iframe data-consent="analytics" data-src="https://player.vimeo.com/video/1?h=ab"></iframe>
      <iframe data-consent="analytics" data-src="https://player.vimeo.com/video/2"></iframe>
      <iframe data-consent="analytics" data-src="https://player.vimeo.com/video/3?dnt=0"></iframe>`;
    const run = runPreset(def, { doNotTrack: true, api: true }, { window });
    expect([...document.querySelectorAll('iframe')].map((f) => f.getAttribute('data-src'))).toEqual([
      'https://player.vimeo.com/video/1?h=ab&dnt=1',
      'https://player.vimeo.com/video/2?dnt=1',
      'https://player.vimeo.com/video/3?dnt=0',
    ]);
    run.set(true);
    expect(run.scripts).toEqual(['https://player.vimeo.com/api/player.js']);
    document.body.innerHTML = '';
  });
});

describe('google-maps', () => {
  const def = googleMaps.definition;
  const KEY = 'AIzaSyA1234567890abcdefghijklmnopqrstuv';
  it('validates key and callback, and loads the Maps JavaScript API only with a key', () => {
    expect(invalid(def, {})).toEqual([]);
    expect(invalid(def, { apiKey: 'abc', callback: 'init map' })).toEqual(['apiKey', 'callback']);
    expect(runPreset(def, {}, { granted: true }).scripts).toEqual([]);
    const run = runPreset(def, { apiKey: KEY, callback: 'initMap' });
    expect(run.scripts).toEqual([]);
    run.set(true);
    expect(run.scripts).toEqual([`https://maps.googleapis.com/maps/api/js?key=${KEY}&loading=async&callback=initMap`]);
  });
});

describe.each([
  [xPixel.definition, 'o1abc', 'twq', 'queue', 'https://static.ads-twitter.com/uwt.js', [['config', 'o1abc']]],
  [
    snapchatPixel.definition,
    'c9215353-76c9-4423-a615-21b4ac088222',
    'snaptr',
    'queue',
    'https://sc-static.net/scevent.min.js',
    [
      ['init', 'c9215353-76c9-4423-a615-21b4ac088222'],
      ['track', 'PAGE_VIEW'],
    ],
  ],
  [
    redditPixel.definition,
    'a2_abcdef123456',
    'rdt',
    'callQueue',
    'https://www.redditstatic.com/ads/pixel.js',
    [
      ['init', 'a2_abcdef123456'],
      ['track', 'PageVisit'],
    ],
  ],
  [
    pinterestTag.definition,
    '2613041334883',
    'pintrk',
    'queue',
    'https://s.pinimg.com/ct/core.js',
    [['load', '2613041334883'], ['page']],
  ],
] as const)('%s', (def, id, global, queue, sdk, calls) => {
  it('accepts its id format only', () => {
    expect(invalid(def, { id })).toEqual([]);
    expect(invalid(def, { id: id.toUpperCase() + '!' })).toEqual(['id']);
  });
  it('defines the queue at start; on grant queues the base code calls ahead of the site’s and loads the tag once', () => {
    const run = runPreset(def, { id });
    run.window[global]('track', 'before consent');
    expect(run.scripts).toEqual([]);
    run.set(true);
    run.set(false);
    run.set(true);
    expect(run.scripts).toEqual([sdk]);
    expect(plain(run.window[global][queue])).toEqual([...calls, ['track', 'before consent']]);
  });
  it('leaves a queue the page brought alone and loads no second tag', () => {
    const own = Object.assign(function () {}, { [queue]: [] as unknown[] });
    const run = runPreset(def, { id }, { window: { [global]: own } });
    run.set(true);
    expect(run.window[global]).toBe(own);
    expect(run.scripts).toEqual([]);
  });
});

describe('hubspot', () => {
  const def = hubspot.definition;
  it('turns HubSpot’s banner off, passes consent before the loader, and revokes on withdrawal', () => {
    const run = runPreset(def, { id: '1234567', region: 'eu1' });
    expect(run.window.disableHubSpotCookieBanner).toBe(true);
    expect(run.window._hsp).toBeUndefined();
    // The tracking code's queue exists from the start; the loader reads it once granted.
    run.window._hsq.push(['trackPageView']);
    expect(run.scripts).toEqual([]);
    run.set(true);
    run.set(false);
    run.set(true);
    expect(run.scripts).toEqual(['https://js-eu1.hs-scripts.com/1234567.js']);
    const granted = { analytics: true, advertisement: false, functionality: true };
    const denied = { analytics: false, advertisement: false, functionality: false };
    expect(run.window._hsp).toEqual([
      ['setHubSpotConsent', granted],
      ['revokeCookieConsent'],
      ['setHubSpotConsent', denied],
      ['setHubSpotConsent', granted],
    ]);
    expect(invalid(def, { id: '12', region: 'eu2' })).toEqual(['id', 'region']);
  });
});

describe('intercom', () => {
  const def = intercom.definition;
  it('sets intercomSettings and the queue, loads the widget, shuts down on withdrawal and boots again', () => {
    const run = runPreset(def, { id: 'abc12345', region: 'eu' });
    run.window.Intercom('trackEvent', 'before consent');
    expect(run.scripts).toEqual([]);
    run.set(true);
    run.set(false);
    run.set(true);
    expect(run.scripts).toEqual(['https://widget.intercom.io/widget/abc12345']);
    expect(run.window.intercomSettings).toEqual({ app_id: 'abc12345', api_base: 'https://api-iam.eu.intercom.io' });
    expect(plain(run.window.Intercom.q)).toEqual([
      ['trackEvent', 'before consent'],
      ['shutdown'],
      ['boot', run.window.intercomSettings],
    ]);
    expect(invalid(def, { id: 'ABC', region: 'us' })).toEqual(['id', 'region']);
  });
});

describe('posthog', () => {
  const def = posthog.definition;
  it('queues init for array.js from the assets host, then opt-out and opt-in on changes', () => {
    const run = runPreset(def, { apiKey: PH_KEY, apiHost: 'https://eu.i.posthog.com' });
    run.window.posthog.capture('before consent');
    expect(run.window.posthog._i).toEqual([]);
    expect(run.scripts).toEqual([]);
    run.set(true);
    run.set(false);
    run.set(true);
    expect(run.scripts).toEqual(['https://eu-assets.i.posthog.com/static/array.js']);
    expect(run.window.posthog._i).toEqual([
      [PH_KEY, { api_host: 'https://eu.i.posthog.com', defaults: '2025-05-24' }, 'posthog'],
    ]);
    expect([...run.window.posthog]).toEqual([
      ['capture', 'before consent'],
      ['opt_out_capturing'],
      ['opt_in_capturing'],
    ]);
    expect(invalid(def, { apiKey: 'phc_short', apiHost: 'http://x' })).toEqual(['apiKey', 'apiHost']);
  });
});
