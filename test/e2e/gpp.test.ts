// The IAB GPP API in real Chromium, the way ad tech meets it: page scripts calling `__gpp`
// before and after the library has loaded, a decision made in the banner, an ad iframe on another
// origin reaching the API through the `__gppLocator` frame and postMessage, and bad calls. Every
// GPP string the page serves is decoded here by the IAB's own library (`@iabgpp/cmpapi`).
import { GppModel } from '@iabgpp/cmpapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFile, fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const US_CONFIG = { mode: 'auto', region: 'US-CA', gpp: { sections: 'auto' }, ui: { reopenButton: true } };

/** A page as the GPP docs show it: gpp.js first, an ad script using `__gpp` at once, then consentry.js. */
const gppPage = (config: unknown, { adScript = '', body = '' } = {}) =>
  scriptTagPage(config, { body }).replace(
    '<script src="/dist/consentry.js"',
    `<script src="/dist/gpp.js"></script>\n<script>${adScript}</script>\n<script src="/dist/consentry.js"`,
  );

/** An ad script: records every answer and event it gets, in order, in `window.gppLog`. */
const AD_SCRIPT = `
window.gppLog = [];
__gpp('ping', function (data, success) { gppLog.push({ what: 'ping', success: success, data: data }); });
__gpp('addEventListener', function (event, success) {
  gppLog.push({ what: 'event', success: success, eventName: event.eventName, data: event.data,
    listenerId: event.listenerId, cmpStatus: event.pingData.cmpStatus, signalStatus: event.pingData.signalStatus,
    gppString: event.pingData.gppString });
});
__gpp('getField', function (data, success) { gppLog.push({ what: 'getField', success: success, data: data }); }, 'usnat.SaleOptOut');
`;

/** The ad iframe's document, on another origin: finds the locator frame and calls through postMessage. */
const AD_FRAME = `<!doctype html><script>
window.replies = [];
var target = window;
while (target) {
  try { if (target.frames.__gppLocator) break; } catch (e) {}
  if (target === window.top) { target = null; break; }
  target = target.parent;
}
window.found = !!target;
window.addEventListener('message', function (event) {
  var data = typeof event.data == 'string' ? JSON.parse(event.data) : event.data;
  if (data && data.__gppReturn) replies.push({ text: typeof event.data == 'string', reply: data.__gppReturn });
});
if (target) {
  target.postMessage({ __gppCall: { command: 'ping', version: '1.1', callId: 'p1' } }, '*');
  target.postMessage(JSON.stringify({ __gppCall: { command: 'getField', parameter: 'usnat.Gpc', version: '1.1', callId: 'f1' } }), '*');
  target.postMessage({ __gppCall: { command: 'addEventListener', version: '1.1', callId: 'l1' } }, '*');
}
</script>`;

const s = useChromium();
beforeAll(() => {
  s.server.set('/gpp.html', gppPage(US_CONFIG, { adScript: AD_SCRIPT }));
  s.server.set('/gpp-eu.html', gppPage({ ...US_CONFIG, region: 'DE' }));
  s.server.set(
    '/gpp-ad-frame.html',
    gppPage(US_CONFIG, { body: '<iframe title="ad" src="https://ads.example/frame.html"></iframe>' }),
  );
  s.server.set('/gpp-without-add-on.html', scriptTagPage(US_CONFIG));
  s.server.set('/gpp-invalid.html', gppPage({ ...US_CONFIG, gpp: { sections: ['usxx'] } }, { adScript: AD_SCRIPT }));
});

type Logged = Record<string, any>;
const log = (): Promise<Logged[]> => s.page.evaluate(() => (window as any).gppLog);
const ping = (): Promise<Logged> =>
  s.page.evaluate(
    () =>
      new Promise((resolve) =>
        (window as any).__gpp('ping', (data: unknown, success: boolean) => resolve({ data, success })),
      ),
  );
const decoded = (gpp: string) => new GppModel(gpp).toObject() as Record<string, Record<string, unknown>>;

describe('__gpp before and after the library loaded', () => {
  it('answers a page script at once as a stub, then spec-shaped, and tells its listener of a decision in order', async () => {
    await s.page.goto(s.server.origin + '/gpp.html');
    await poll(async () => (await ping()).data.cmpStatus).toBe('loaded');

    const early = await log();
    // The stub answered ping and addEventListener synchronously, before consentry.js ran.
    expect(early[0]).toMatchObject({
      what: 'ping',
      success: true,
      data: { gppVersion: '1.1', cmpStatus: 'stub', signalStatus: 'not ready', cmpId: 1, gppString: '' },
    });
    expect(early[1]).toMatchObject({
      what: 'event',
      eventName: 'listenerRegistered',
      data: true,
      listenerId: 1,
      cmpStatus: 'stub',
    });
    // getField is answered at once too, with null while loading.
    expect(early[2]).toEqual({ what: 'getField', success: true, data: null });
    // Then the load: the CMP loaded, and the signal ready at once (an opt-out framework).
    expect(early.slice(3, 5).map((entry) => [entry.eventName, entry.data])).toEqual([
      ['cmpStatus', 'loaded'],
      ['signalStatus', 'ready'],
    ]);

    // After the load: the full PingReturn for a Californian in opt-out mode, nothing opted out yet.
    const loaded = await ping();
    expect(loaded.success).toBe(true);
    expect(Object.keys(loaded.data).sort()).toEqual(
      [
        'gppVersion',
        'cmpStatus',
        'cmpDisplayStatus',
        'signalStatus',
        'supportedAPIs',
        'cmpId',
        'sectionList',
        'applicableSections',
        'gppString',
        'parsedSections',
      ].sort(),
    );
    expect(loaded.data).toMatchObject({
      gppVersion: '1.1',
      cmpStatus: 'loaded',
      signalStatus: 'ready',
      cmpId: 1,
      sectionList: [7],
      applicableSections: [7],
    });
    expect(loaded.data.supportedAPIs).toContain('7:usnat');
    expect(decoded(loaded.data.gppString).usnat).toMatchObject({
      SaleOptOutNotice: 1,
      SaleOptOut: 2,
      MspaCoveredTransaction: 2,
      Gpc: false,
    });
    expect(loaded.data.parsedSections.usnat).toEqual([
      expect.objectContaining({ Version: 2, SaleOptOut: 2 }),
      { SubsectionType: 1, Gpc: false },
    ]);

    // The banner is the display layer: visible while it shows.
    await poll(async () => (await ping()).data.cmpDisplayStatus).toBe('visible');
    const before = (await log()).length;
    await s.page.locator('[data-consentry-action="do-not-sell"]').first().click();
    await poll(async () => (await ping()).data.cmpDisplayStatus).toBe('hidden');

    const events = (await log()).slice(before).map((entry) => [entry.eventName, entry.data]);
    // The decision: "not ready", the section that changed, "ready"; the banner hidden after it.
    const decision = events.filter(([name]) => name != 'cmpDisplayStatus');
    expect(decision).toEqual([
      ['signalStatus', 'not ready'],
      ['sectionChange', 'usnat'],
      ['signalStatus', 'ready'],
    ]);
    expect(events).toContainEqual(['cmpDisplayStatus', 'hidden']);
    const after = (await log()).at(-1)!;
    expect(decoded(after.gppString).usnat).toMatchObject({
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
    });
    expect((await log()).filter((entry) => entry.eventName == 'cmpDisplayStatus').map((entry) => entry.data)).toEqual([
      'visible',
      'hidden',
    ]);

    // Stored with the decision: in the cookie and on the record, the same string the API serves.
    const served = (await ping()).data.gppString;
    const stored = await s.page.evaluate(() => ({
      cookie: decodeURIComponent(document.cookie.match(/consentry=([^;]*)/)![1]!),
      record: (window as any).Consentry.record.gpp,
    }));
    expect(stored.record).toBe(served);
    expect(stored.cookie.endsWith('|' + served)).toBe(true);
    expect(s.errors).toEqual([]);
  });

  it('answers the section commands from the string after the load', async () => {
    await s.page.goto(s.server.origin + '/gpp.html');
    await poll(async () => (await ping()).data.cmpStatus).toBe('loaded');
    const answers = await s.page.evaluate(() => {
      const results: unknown[] = [];
      const gpp = (window as any).__gpp;
      const record = (data: unknown, success: boolean) => results.push([data, success]);
      gpp('hasSection', record, 'usnat');
      gpp('hasSection', record, 'usca');
      gpp('getField', record, 'usnat.SaleOptOutNotice');
      gpp('getField', record, 'usnat.Gpc');
      gpp('getField', record, 'usca.SaleOptOut');
      gpp('getSection', record, 'usnat');
      return results;
    });
    expect(answers.slice(0, 5)).toEqual([
      [true, true],
      [false, true],
      [1, true],
      [false, true],
      [null, true],
    ]);
    expect(answers[5]).toEqual([[expect.objectContaining({ Version: 2 }), { SubsectionType: 1, Gpc: false }], true]);
  });

  it('outside the US: loaded, no applicable section ([-1]), the header-only string', async () => {
    await s.page.goto(s.server.origin + '/gpp-eu.html');
    await poll(async () => (await ping()).data.cmpStatus).toBe('loaded');
    expect((await ping()).data).toMatchObject({
      applicableSections: [-1],
      sectionList: [],
      gppString: 'DBAA',
      parsedSections: {},
    });
  });
});

describe('an ad iframe on another origin', () => {
  it('finds the __gppLocator frame and gets the same answers through postMessage, as objects or JSON text', async () => {
    s.thirdParty.stub('ads.example/frame.html', AD_FRAME, 'text/html');
    await s.page.goto(s.server.origin + '/gpp-ad-frame.html');
    const frame = () => s.page.frames().find((candidate) => candidate.url().startsWith('https://ads.example/'));
    await poll(() => !!frame()).toBe(true);
    await poll(
      async () => (await frame()!.evaluate(() => (window as any).replies.length)) as number,
    ).toBeGreaterThanOrEqual(3);
    expect(await frame()!.evaluate(() => (window as any).found)).toBe(true);
    const replies: Logged[] = await frame()!.evaluate(() => (window as any).replies);
    const byId = (id: string) => replies.filter((entry) => entry.reply.callId == id);
    const [pingReply] = byId('p1');
    expect(pingReply!.text).toBe(false);
    expect(pingReply!.reply.success).toBe(true);
    // Sent before consentry.js may have finished: a stub or a loaded answer, never a wrong one.
    expect(['stub', 'loaded']).toContain(pingReply!.reply.returnValue.cmpStatus);
    expect(pingReply!.reply.returnValue.gppVersion).toBe('1.1');
    const [fieldReply] = byId('f1');
    expect(fieldReply!.text).toBe(true);
    expect(fieldReply!.reply.success).toBe(true);
    // The listener registered from the frame hears the load and a decision made in the page.
    await poll(async () =>
      ((await frame()!.evaluate(() => (window as any).replies)) as Logged[])
        .filter((entry) => entry.reply.callId == 'l1')
        .some((entry) => entry.reply.returnValue.pingData.cmpStatus == 'loaded'),
    ).toBe(true);
    await s.page.evaluate(() => (window as any).Consentry.rejectAll());
    await poll(async () =>
      ((await frame()!.evaluate(() => (window as any).replies)) as Logged[])
        .filter((entry) => entry.reply.callId == 'l1')
        .map((entry) => entry.reply.returnValue)
        .filter((event) => event.eventName != 'cmpDisplayStatus')
        .map((event) => [event.eventName, event.data])
        .slice(-3),
    ).toEqual([
      ['signalStatus', 'not ready'],
      ['sectionChange', 'usnat'],
      ['signalStatus', 'ready'],
    ]);
    const last = ((await frame()!.evaluate(() => (window as any).replies)) as Logged[]).at(-1)!;
    expect(decoded(last.reply.returnValue.pingData.gppString).usnat).toMatchObject({ SaleOptOut: 1 });
    expect(s.page.frames().filter((candidate) => candidate.name() == '__gppLocator')).toHaveLength(1);
  });
});

describe('bad calls', () => {
  it('never throw into the page, and answer success: false where the specification says so', async () => {
    await s.page.goto(s.server.origin + '/gpp.html');
    await poll(async () => (await ping()).data.cmpStatus).toBe('loaded');
    const results = await s.page.evaluate(() => {
      const gpp = (window as any).__gpp;
      const out: Record<string, unknown> = {};
      const into = (name: string) => (data: unknown, success: boolean) => (out[name] = [data, success]);
      const thrown: string[] = [];
      const attempt = (name: string, run: () => unknown) => {
        try {
          out[name + ':returned'] = run();
        } catch (error) {
          thrown.push(name + ': ' + error);
        }
      };
      attempt('unknown', () => gpp('usnat.nonsense', into('unknown')));
      attempt('notString', () => gpp(42, into('notString')));
      attempt('noCallback', () => gpp('ping'));
      attempt('callbackNotFunction', () => gpp('addEventListener', 'not a function'));
      attempt('badField', () => gpp('getField', into('badField'), 'SaleOptOut'));
      attempt('noSection', () => gpp('hasSection', into('noSection')));
      attempt('removeUnknown', () => gpp('removeEventListener', into('removeUnknown'), 999));
      // A listener that throws, then one that counts: the second still hears every event.
      attempt('throwing', () =>
        gpp('addEventListener', () => {
          throw new Error('listener bug');
        }),
      );
      let heard = 0;
      gpp('addEventListener', () => heard++);
      attempt('decision', () => (window as any).Consentry.rejectAll());
      out.heard = heard;
      out.thrown = thrown;
      return out;
    });
    expect(results.thrown).toEqual([]);
    expect(results.unknown).toEqual([null, false]);
    expect(results.notString).toEqual([null, false]);
    expect(results.badField).toEqual([null, false]);
    expect(results.noSection).toEqual([null, false]);
    expect(results.removeUnknown).toEqual([
      expect.objectContaining({ eventName: 'listenerRemoved', data: false }),
      true,
    ]);
    // __gpp returns nothing (v1.1).
    expect(
      Object.entries(results).filter(([name, value]) => name.endsWith(':returned') && value !== undefined),
    ).toEqual([]);
    // listenerRegistered, then "not ready", sectionChange and "ready" of the decision.
    expect(results.heard).toBe(4);
    await fence(s.page);
    expect(s.errors).toEqual([]);
  });

  it('an invalid gpp config: everything denied, and __gpp in cmpStatus "error" refusing other commands', async () => {
    const consoleErrors: string[] = [];
    s.page.on('console', (message) => message.type() == 'error' && consoleErrors.push(message.text()));
    await s.page.goto(s.server.origin + '/gpp-invalid.html');
    await poll(async () => (await ping()).data.cmpStatus).toBe('error');
    expect(consoleErrors.join('\n')).toContain('gpp.sections[0]: expected "auto" or a list');
    const entries = await log();
    expect(entries.filter((entry) => entry.eventName == 'cmpStatus').map((entry) => entry.data)).toEqual(['error']);
    const answer = await s.page.evaluate(
      () =>
        new Promise((resolve) =>
          (window as any).__gpp(
            'getField',
            (data: unknown, success: boolean) => resolve([data, success]),
            'usnat.SaleOptOut',
          ),
        ),
    );
    expect(answer).toEqual([null, false]);
    expect(await s.page.evaluate(() => (window as any).Consentry.state)).toEqual({
      essential: true,
      analytics: false,
      advertising: false,
    });
  });

  // A site's own build for a config with `gpp` carries the part: its pages need no gpp.js.
  const withoutAddOn = builtFile()
    ? 'served all the same by a site build made for gpp'
    : 'a config error naming gpp.js, nothing non-essential runs';
  it(`a gpp config without gpp.js: ${withoutAddOn}`, async () => {
    const consoleErrors: string[] = [];
    s.page.on('console', (message) => message.type() == 'error' && consoleErrors.push(message.text()));
    await s.page.goto(s.server.origin + '/gpp-without-add-on.html');
    if (builtFile()) {
      await poll(async () => (await ping()).data.cmpStatus).toBe('loaded');
      expect((await ping()).data.applicableSections).toEqual([7]);
      expect(consoleErrors).toEqual([]);
      return;
    }
    await poll(() => consoleErrors.join('\n')).toContain(
      'gpp: GPP is not loaded: add <script src=".../gpp.js"></script>',
    );
    await poll(() => s.page.evaluate(() => !!(window as any).Consentry?.error)).toBe(true);
    expect(await s.page.evaluate(() => typeof (window as any).__gpp)).toBe('undefined');
  });
});
