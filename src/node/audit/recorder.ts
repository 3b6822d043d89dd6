// Records what one phase's browser context does: every request a page attempts (whether or not it
// succeeds), with what initiated it and when; every cookie, with the script or response that set
// it and its expiry; every storage write. One recorder per context, so phases never mix.
import type { BrowserContext, CDPSession, Page, Request, Response } from 'playwright-core';
import type { Classifier } from './classify';
import { REPORT_BINDING, writeHooksScript, writerOf, type PageWrite } from './page-hooks';
import type { Site } from './site';
import type { SeenCookie, SeenRequest, SeenStorage } from './types';

interface Moment {
  page: string;
  at: number;
  afterChoice: boolean;
}

interface RawRequest extends Moment {
  request: Request;
  url: string;
}

/** `Network.requestWillBeSent`'s initiator, in words. */
interface Initiator {
  type: string;
  url?: string;
  lineNumber?: number;
  stack?: { callFrames: Array<{ url: string; lineNumber: number }>; parent?: Initiator['stack'] };
}

function describeInitiator(initiator: Initiator): string | undefined {
  let stack = initiator.stack;
  while (stack) {
    const frame = stack.callFrames.find((f) => /^https?:/.test(f.url));
    if (frame) return `${frame.url}:${frame.lineNumber + 1}`;
    stack = stack.parent;
  }
  if (initiator.url) {
    const line = initiator.lineNumber === undefined ? '' : `:${initiator.lineNumber + 1}`;
    return `${initiator.url}${line}${initiator.type == 'parser' ? ' (HTML)' : ''}`;
  }
  return undefined;
}

const cookieKey = (name: string, domain: string) => `${name}@${domain.replace(/^\./, '')}`;

export class Recorder {
  private navigatedAt = Date.now();
  private page = '';
  private afterChoice = false;
  private readonly requests: RawRequest[] = [];
  private readonly writes: Array<PageWrite & Moment & { origin: string }> = [];
  /** Cookie name → the response whose Set-Cookie set it, and when. */
  private readonly setCookies = new Map<string, Moment & { url: string }>();
  private readonly initiators = new Map<string, string[]>();
  private readonly pending: Array<Promise<unknown>> = [];
  private readonly snapshots = new Map<string, Moment & { kind: SeenStorage['kind']; key: string; origin: string }>();
  /** Cookies present when the choice was made. */
  private beforeChoice = new Set<string>();
  private readonly firstSeen = new Map<string, Moment>();
  private readonly sessions: CDPSession[] = [];

  private constructor(
    readonly context: BrowserContext,
    private readonly site: Site,
    private readonly classifier: Classifier,
    private readonly logEndpoint: string | undefined,
  ) {}

  static async attach(
    context: BrowserContext,
    site: Site,
    classifier: Classifier,
    logEndpoint?: string,
  ): Promise<Recorder> {
    const recorder = new Recorder(context, site, classifier, logEndpoint);
    await context.exposeBinding(REPORT_BINDING, (source, write: PageWrite) =>
      recorder.onWrite(source.frame.url(), write),
    );
    await context.addInitScript({ content: writeHooksScript() });
    context.on('request', (request) => recorder.onRequest(request));
    context.on('response', (response) => recorder.pending.push(recorder.onResponse(response)));
    return recorder;
  }

  /** Reads the initiators of `page`'s requests from Chromium (the main frame's; frames are named by their URL). */
  async watch(page: Page): Promise<void> {
    try {
      const session = await this.context.newCDPSession(page);
      session.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: Initiator }) => {
        const described = describeInitiator(event.initiator);
        if (!described) return;
        const list = this.initiators.get(event.request.url) ?? [];
        list.push(described);
        this.initiators.set(event.request.url, list);
      });
      await session.send('Network.enable');
      this.sessions.push(session);
    } catch {
      // Initiators are evidence, not needed to audit: without them the frame's URL stands in.
    }
  }

  /** A navigation starts: times are measured from here, on this page. */
  navigating(url: string): void {
    this.navigatedAt = Date.now();
    this.page = url;
  }

  /** The choice is being made: what comes from now on is "after the choice". */
  async choosing(): Promise<void> {
    this.beforeChoice = new Set((await this.context.cookies()).map((c) => cookieKey(c.name, c.domain)));
    for (const cookie of await this.context.cookies()) this.noteCookie(cookie.name, cookie.domain);
    this.afterChoice = true;
  }

  private now(): Moment {
    return { page: this.page, at: Date.now() - this.navigatedAt, afterChoice: this.afterChoice };
  }

  private onRequest(request: Request): void {
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    this.requests.push({ ...this.now(), request, url });
  }

  private async onResponse(response: Response): Promise<void> {
    try {
      const moment = this.now();
      const header = await response.headerValue('set-cookie');
      if (!header) return;
      for (const line of header.split('\n')) {
        const name = line.split(';')[0]!.split('=')[0]!.trim();
        if (name && !this.setCookies.has(name)) this.setCookies.set(name, { ...moment, url: response.url() });
      }
    } catch {
      // The page went away before the headers could be read.
    }
  }

  private onWrite(frameUrl: string, write: PageWrite): void {
    if (!write || typeof write.key != 'string' || typeof write.kind != 'string') return;
    let origin = '';
    try {
      origin = new URL(frameUrl).origin;
    } catch {
      origin = frameUrl;
    }
    this.writes.push({ ...write, ...this.now(), origin });
  }

  private noteCookie(name: string, domain: string): void {
    const key = cookieKey(name, domain);
    if (!this.firstSeen.has(key)) this.firstSeen.set(key, this.now());
  }

  /**
   * After a page settled: the cookies seen so far (for when they first appeared), and the
   * page's own storage keys (a write by property assignment has no hook).
   */
  async settled(page: Page): Promise<void> {
    for (const cookie of await this.context.cookies()) this.noteCookie(cookie.name, cookie.domain);
    try {
      const keys: { local: string[]; session: string[]; databases: string[] } = await page.evaluate(async () => {
        const win: any = globalThis;
        const read = (storage: any) => {
          try {
            return Object.keys(storage);
          } catch {
            return [];
          }
        };
        let databases: string[] = [];
        try {
          databases = ((await win.indexedDB.databases()) as Array<{ name: string }>).map((d) => d.name);
        } catch {
          // databases() is missing or denied.
        }
        return { local: read(win.localStorage), session: read(win.sessionStorage), databases };
      });
      const origin = new URL(page.url()).origin;
      const add = (kind: SeenStorage['kind'], key: string) => {
        const id = `${kind}|${origin}|${key}`;
        if (!this.snapshots.has(id)) this.snapshots.set(id, { ...this.now(), kind, key, origin });
      };
      for (const key of keys.local) add('localStorage', key);
      for (const key of keys.session) add('sessionStorage', key);
      for (const key of keys.databases) add('indexedDB', key);
    } catch {
      // The page navigated away meanwhile: the next page reports.
    }
  }

  /** Everything recorded, classified. */
  async results(): Promise<{ requests: SeenRequest[]; cookies: SeenCookie[]; storage: SeenStorage[] }> {
    await Promise.allSettled(this.pending);
    const cookies = await this.context.cookies().catch(() => []);
    for (const session of this.sessions) await session.detach().catch(() => undefined);

    const used = new Map<string, number>();
    const requests = this.requests.map((raw): SeenRequest => {
      const url = new URL(raw.url);
      const candidates = this.initiators.get(raw.url) ?? [];
      const index = used.get(raw.url) ?? 0;
      used.set(raw.url, index + 1);
      let initiator = candidates[index] ?? candidates[candidates.length - 1];
      if (!initiator) {
        let frame = '';
        try {
          frame = raw.request.frame().url();
        } catch {
          // A service worker's request has no frame.
        }
        initiator = frame && frame != raw.page ? `a frame of ${frame}` : 'unknown';
      }
      return {
        url: raw.url,
        host: url.hostname,
        type: raw.request.resourceType(),
        page: raw.page,
        at: raw.at,
        initiator,
        thirdParty: !this.site.isFirstParty(url.hostname),
        afterChoice: raw.afterChoice,
        classification: this.classifier.request(url, { logEndpoint: this.logEndpoint }),
      };
    });

    const jsWriters = new Map<string, PageWrite & Moment>();
    for (const write of this.writes)
      if (write.kind == 'cookie' && !jsWriters.has(write.key)) jsWriters.set(write.key, write);
    const seenCookies = cookies.map((cookie): SeenCookie => {
      const key = cookieKey(cookie.name, cookie.domain);
      const script = jsWriters.get(cookie.name);
      const header = this.setCookies.get(cookie.name);
      const first = this.firstSeen.get(key) ?? script ?? header ?? this.now();
      const setBy = script ? writerOf(script.stack, script.page) : header ? `Set-Cookie from ${header.url}` : 'unknown';
      return {
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        expires: cookie.expires,
        setBy,
        page: first.page,
        at: first.at,
        thirdParty: !this.site.isFirstParty(cookie.domain),
        afterChoice: this.afterChoice && !this.beforeChoice.has(key),
        classification: this.classifier.name('cookie', cookie.name, cookie.domain),
      };
    });

    const storage = new Map<string, SeenStorage>();
    for (const write of this.writes) {
      if (write.kind == 'cookie') continue;
      const id = `${write.kind}|${write.origin}|${write.key}`;
      if (storage.has(id)) continue;
      storage.set(id, {
        kind: write.kind,
        key: write.key,
        origin: write.origin,
        setBy: writerOf(write.stack, write.page),
        page: write.page,
        at: write.at,
        afterChoice: write.afterChoice,
        classification: this.classifier.name(write.kind, write.key),
      });
    }
    for (const [id, seen] of this.snapshots)
      if (!storage.has(id))
        storage.set(id, {
          ...seen,
          setBy: 'unknown',
          classification: this.classifier.name(seen.kind, seen.key),
        });
    return { requests, cookies: seenCookies, storage: [...storage.values()] };
  }
}
