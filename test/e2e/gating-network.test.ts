// Auto-blocking of the requests page script sends itself, in real Chromium with every request
// intercepted and counted: fetch, XMLHttpRequest, sendBeacon, WebSocket and EventSource to a
// held host fail as an unreachable host would until the category is granted and after it is
// withdrawn; other hosts are untouched; odd arguments and hostile page code throw nothing.
import { describe, expect, it } from 'vitest';
import { fence, scriptTagPage, useChromium } from './support/harness';
import { poll } from './support/poll';

const s = useChromium();

const config = (extra = {}) => ({
  mode: 'opt-in',
  autoBlock: true,
  blockList: [{ host: 'tracker.test', category: 'advertising' }],
  ...extra,
});

/** Page code: each API called once for `host`; resolves to what the caller saw of each. */
const CALLS = `<script>
window.callAll = function (host, n) {
  var base = 'https://' + host + '/';
  var outcome = {};
  var fetched = fetch(base + 'fetch?n=' + n).then(
    function (response) { outcome.fetch = 'response ' + response.status; },
    function (error) { outcome.fetch = error.constructor.name + ': ' + error.message; });
  var xhr = new XMLHttpRequest();
  var sent = new Promise(function (done) {
    xhr.onerror = function () { outcome.xhr = 'error, readyState ' + xhr.readyState + ', status ' + xhr.status; done(); };
    xhr.onload = function () { outcome.xhr = 'load ' + xhr.status; done(); };
  });
  xhr.open('POST', base + 'xhr?n=' + n);
  xhr.send('body');
  outcome.beacon = navigator.sendBeacon(base + 'beacon?n=' + n, 'b');
  var socket = new WebSocket('wss://' + host + '/socket?n=' + n);
  var closed = new Promise(function (done) {
    var seen = [];
    socket.onerror = function () { seen.push('error'); };
    socket.onclose = function (event) { seen.push('close ' + event.code); outcome.socket = seen.join(', '); done(); };
  });
  var source = new EventSource(base + 'events?n=' + n);
  var failed = new Promise(function (done) {
    source.onerror = function () { outcome.events = 'error'; source.close(); done(); };
  });
  return Promise.all([fetched, sent, failed, host == 'tracker.test' || host == 'cdn.tracker.test' ? closed : null])
    .then(function () { return outcome; });
};
</script>`;

const HELD = {
  fetch: 'TypeError: Failed to fetch',
  xhr: 'error, readyState 4, status 0',
  beacon: false,
  socket: 'error, close 1006',
  events: 'error',
};

const open = async (extra = {}) => {
  s.server.set('/page.html', scriptTagPage(config(extra), { head: CALLS }));
  await s.page.goto(s.server.origin + '/page.html');
  await s.page.waitForFunction(() => (window as any).Consentry);
};
const call = (code: string) => s.page.evaluate(`window.Consentry.${code}`);
const callAll = (host: string, n: number) => s.page.evaluate(`window.callAll(${JSON.stringify(host)}, ${n})`);
const sockets: string[] = [];
const warnings: string[] = [];
const watch = () => {
  sockets.length = warnings.length = 0;
  s.page.on('websocket', (socket) => sockets.push(socket.url()));
  s.page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
};
const trackerRequests = () => s.thirdParty.hits('tracker.test');

describe('requests of page script to a held host', () => {
  it('never leave before consent, and the caller sees an unreachable host; the console says so once per host', async () => {
    watch();
    await open();
    expect(await callAll('tracker.test', 1)).toEqual(HELD);
    expect(await callAll('tracker.test', 2)).toEqual(HELD);
    await fence(s.page);
    expect(trackerRequests()).toEqual([]);
    expect(sockets).toEqual([]);
    const told = warnings.filter((text) => text.includes('tracker.test'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('"advertising"');
    expect(s.errors).toEqual([]);
  });

  it('go through once the category is granted, and are held again after a withdrawal', async () => {
    watch();
    await open();
    await call('update({ advertising: true })');
    const granted = (await callAll('tracker.test', 3)) as Record<string, unknown>;
    expect(granted.fetch).toBe('response 204');
    expect(granted.beacon).toBe(true);
    await poll(() => trackerRequests().sort()).toEqual([
      'https://tracker.test/beacon?n=3',
      'https://tracker.test/events?n=3',
      'https://tracker.test/fetch?n=3',
      'https://tracker.test/xhr?n=3',
    ]);
    expect(sockets).toEqual(['wss://tracker.test/socket?n=3']);
    await call('update({ advertising: false })');
    expect(await callAll('tracker.test', 4)).toEqual(HELD);
    await fence(s.page);
    expect(trackerRequests().filter((url) => url.includes('n=4'))).toEqual([]);
    expect(sockets).toHaveLength(1);
  });

  it('control: without autoBlock every call leaves at once', async () => {
    watch();
    await open({ autoBlock: false });
    const outcome = (await callAll('tracker.test', 5)) as Record<string, unknown>;
    expect(outcome.fetch).toBe('response 204');
    await poll(() => trackerRequests()).toHaveLength(4);
    expect(sockets).toEqual(['wss://tracker.test/socket?n=5']);
  });

  it('calls to another host are untouched before consent', async () => {
    watch();
    await open();
    const outcome = (await callAll('api.other.example', 6)) as Record<string, unknown>;
    expect(outcome.fetch).toBe('response 204');
    expect(outcome.xhr).toBe('load 204');
    expect(outcome.beacon).toBe(true);
    await poll(() => s.thirdParty.hits('other.example').sort()).toEqual([
      'https://api.other.example/beacon?n=6',
      'https://api.other.example/events?n=6',
      'https://api.other.example/fetch?n=6',
      'https://api.other.example/xhr?n=6',
    ]);
    // callAll does not wait for this socket to close, so its event may come after the requests.
    await poll(() => sockets).toEqual(['wss://api.other.example/socket?n=6']);
    expect(warnings.filter((text) => text.includes('consentry'))).toEqual([]);
  });

  it('once granted, the browser gets the page’s own Request object, body and stream', async () => {
    await open();
    await call('update({ advertising: true })');
    const bodies: string[] = [];
    await s.context.route('https://tracker.test/echo', (route) => {
      bodies.push(route.request().postData() ?? '');
      return route.fulfill({ status: 200, body: 'echo' });
    });
    const result = await s.page.evaluate(async () => {
      const request = new Request('https://tracker.test/echo', { method: 'POST', body: 'from a Request' });
      const first = await fetch(request).then((response) => response.text());
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('streamed'));
          controller.close();
        },
      });
      const second = await fetch('https://tracker.test/echo', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit).then((response) => response.text());
      // The browser consumed the page's own Request and read the page's own stream.
      return { first, second, used: request.bodyUsed, streamRead: stream.locked };
    });
    expect(result).toEqual({ first: 'echo', second: 'echo', used: true, streamRead: true });
    // (The interception sees a streamed upload's request, not its bytes.)
    expect(bodies[0]).toBe('from a Request');
    expect(bodies).toHaveLength(2);
  });
});

describe('hostile and odd use of the wrapped APIs', () => {
  it('fetch with Request objects, URL objects, relative URLs, undefined and a shifting toString: nothing throws, the held URL is held', async () => {
    await open();
    const outcome = await s.page.evaluate(async () => {
      const settle = (promise: Promise<Response>) =>
        promise.then(
          (response) => `response ${response.status}`,
          (error: Error) => `${error.constructor.name}: ${error.message}`,
        );
      let calls = 0;
      // Shows a harmless URL to the first reader and the tracker to the next.
      const shifty = {
        toString: () => (calls++ ? 'https://tracker.test/shifty' : '/dist/harmless.json'),
      };
      return {
        request: await settle(fetch(new Request('https://tracker.test/r'))),
        url: await settle(fetch(new URL('https://tracker.test/u'))),
        relative: await settle(fetch('/dist/missing.json')),
        undefined: await settle(fetch(undefined as unknown as string)),
        shifty: await settle(fetch(shifty as unknown as string)),
        calls,
      };
    });
    expect(outcome).toEqual({
      request: 'TypeError: Failed to fetch',
      url: 'TypeError: Failed to fetch',
      relative: 'response 404',
      undefined: 'response 404',
      shifty: 'response 404',
      calls: 1,
    });
    await fence(s.page);
    expect(s.thirdParty.hits('tracker.test')).toEqual([]);
    expect(s.server.requests).toContain('/undefined');
    expect(s.errors).toEqual([]);
  });

  it('an XMLHttpRequest reused after abort() and after a held send works as the browser’s', async () => {
    await open();
    const outcome = await s.page.evaluate(async () => {
      const xhr = new XMLHttpRequest();
      const finish = () =>
        new Promise<string>((done) => {
          xhr.onload = () => done(`load ${xhr.status}`);
          xhr.onerror = () => done(`error ${xhr.readyState}`);
        });
      const seen: string[] = [];
      xhr.open('GET', 'https://tracker.test/a');
      xhr.send();
      xhr.abort();
      seen.push(`aborted ${xhr.readyState}`);
      xhr.open('GET', 'https://api.other.example/ok');
      let done = finish();
      xhr.send();
      seen.push(await done);
      xhr.open('GET', 'https://tracker.test/b');
      done = finish();
      xhr.send();
      seen.push(await done);
      xhr.open('GET', 'https://api.other.example/again');
      done = finish();
      xhr.send();
      seen.push(await done);
      return seen;
    });
    expect(outcome).toEqual(['aborted 0', 'load 204', 'error 4', 'load 204']);
    await fence(s.page);
    expect(s.thirdParty.hits('tracker.test')).toEqual([]);
    expect(s.thirdParty.hits('other.example')).toEqual([
      'https://api.other.example/ok',
      'https://api.other.example/again',
    ]);
    expect(s.errors).toEqual([]);
  });

  it('page code that replaces window.fetch (a logging wrapper, a polyfill on XHR) still goes through the hold', async () => {
    await open();
    const outcome = await s.page.evaluate(async () => {
      const seen: string[] = [];
      const own = window.fetch;
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        seen.push('logged');
        return own(input, init);
      };
      seen.push(
        await fetch('https://tracker.test/wrapped').then(
          () => 'sent',
          (error) => error.name,
        ),
      );
      // A polyfill that sends with XMLHttpRequest instead.
      window.fetch = (input: RequestInfo | URL) =>
        new Promise((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', String(input));
          xhr.onload = () => resolve(new Response(xhr.responseText));
          xhr.onerror = () => reject(new TypeError('Network request failed'));
          xhr.send();
        });
      seen.push(
        await fetch('https://tracker.test/polyfilled').then(
          () => 'sent',
          (error) => error.name,
        ),
      );
      return seen;
    });
    expect(outcome).toEqual(['logged', 'TypeError', 'TypeError']);
    await fence(s.page);
    expect(s.thirdParty.hits('tracker.test')).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
