// `window.__gpp`, the IAB GPP CMP API (IAB Tech Lab, Global Privacy Platform, "CMP API
// Specification" v1.1). Installed as soon as its script runs: until the instance exists it is
// the stub the specification asks for (ping answers cmpStatus "stub", listeners are registered,
// the section commands answer null, anything else waits in a queue); `load` then answers the
// queue in order and serves the signal. Listeners are told of every change in the order the
// specification sets: signalStatus "not ready", the sectionChange events, signalStatus "ready".
// Bad calls (no callback, an unknown command, a throwing callback) never throw into the page.
// Calls from other frames arrive as `{ __gppCall }` messages, found through the hidden
// `__gppLocator` frame, and are answered with `{ __gppReturn }`.
import { SECTIONS } from '../../core/gpp/sections';
import type { GppSignal } from '../../core/gpp/signal';

/** `__gpp(command, callback, parameter, version)`; returns nothing (v1.1). */
export type GppFunction = (command?: unknown, callback?: unknown, parameter?: unknown, version?: unknown) => void;

export type GppWindow = Window & { __gpp?: GppFunction };

export type CmpStatus = 'stub' | 'loaded' | 'error';
export type DisplayStatus = 'visible' | 'hidden' | null;

/** The PingReturn (CMP API Specification, "PingReturn"). */
export interface PingReturn extends GppSignal {
  gppVersion: '1.1';
  cmpStatus: CmpStatus;
  cmpDisplayStatus: DisplayStatus;
  signalStatus: 'ready' | 'not ready';
  supportedAPIs: string[];
  /** 1: "must be used by string creators who do not have a CMP ID" (CMP API Specification, "What is CMP ID?"). */
  cmpId: number;
}

export interface GppApi {
  /**
   * Ends the stub: the signal for the instance, or an Error when there is none to give (an
   * invalid config): then the API stays in cmpStatus "error", ping answers and every other
   * command calls back `(null, false)`, since in that state a CMP does not respond to other
   * requests (CMP API Specification, "Ping Status Codes").
   */
  load(signal: GppSignal | Error): void;
  /** The signal after a decision: "not ready", a sectionChange per section in the string, "ready". */
  update(signal: GppSignal): void;
  /**
   * The banner or dialog shown (`visible`) or not (`hidden`), or null when the only UI is the
   * reopen link; once loaded, fires cmpDisplayStatus on a change.
   */
  setDisplayStatus(status: DisplayStatus): void;
  /** The PingReturn now. */
  ping(): PingReturn;
  /** Takes `__gpp`, the message listener and the locator frame away again (a config without `gpp`). */
  remove(): void;
}

interface Call {
  command: unknown;
  callback: unknown;
  parameter: unknown;
}

const LOCATOR = '__gppLocator';

/** Every section Consentry writes, as supportedAPIs lists them (`"7:usnat"`). */
const SUPPORTED_APIS = SECTIONS.map((section) => `${section.id}:${section.prefix}`);

/** Calls a page's callback with `(data, success)`; what it throws is logged, never thrown into the caller. */
function answer(callback: unknown, data: unknown, success: boolean): void {
  if (typeof callback != 'function') return;
  try {
    callback(data, success);
  } catch (error) {
    console.error('consentry: a __gpp callback threw', error);
  }
}

/** A deep copy, so a caller that changes what it got changes nothing here. */
const copy = <Value>(value: Value): Value => JSON.parse(JSON.stringify(value));

/** The hidden locator frame, in <body> or (before it exists) in <html>; `hidden`, so no inline style. */
function addLocator(doc: Document): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.name = LOCATOR;
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  (doc.body || doc.documentElement).appendChild(frame);
  return frame;
}

/**
 * Answers `{ __gppCall: { command, parameter, version, callId } }` from another frame through
 * whatever `__gpp` is installed, as `{ __gppReturn: { returnValue, success, callId } }`, in the
 * form it came (a JSON string or an object).
 */
function onMessage(win: GppWindow, event: MessageEvent): void {
  try {
    const asText = typeof event.data == 'string';
    const call = (asText ? JSON.parse(event.data) : event.data)?.__gppCall;
    const source = event.source as WindowProxy | null;
    if (!call || typeof call != 'object' || !source) return;
    const reply = (returnValue: unknown, success: boolean): void => {
      const message = { __gppReturn: { returnValue, success, callId: call.callId } };
      source.postMessage(asText ? JSON.stringify(message) : message, '*');
    };
    win.__gpp?.(call.command, reply, call.parameter, call.version);
  } catch {
    // Not a GPP message, or one that cannot be answered.
  }
}

/**
 * Installs `window.__gpp` (replacing any other), the message listener and the locator frame,
 * and returns the handle that loads and updates it.
 * ```ts
 * const api = installGpp(window)          // as the script runs: the stub
 * api.load(gppSignal(inputs))            // once the instance exists
 * ```
 */
export function installGpp(win: GppWindow = window): GppApi {
  let cmpStatus: CmpStatus = 'stub';
  let signalStatus: PingReturn['signalStatus'] = 'not ready';
  let displayStatus: DisplayStatus = 'hidden';
  // Before `load`, nothing is known: applicableSections 0, "not determined yet" (PingReturn).
  let signal: GppSignal = { applicableSections: [0], sectionList: [], gppString: '', parsedSections: {} };
  const listeners = new Map<number, unknown>();
  let lastId = 0;
  const queue: Call[] = [];

  const ping = (): PingReturn => ({
    gppVersion: '1.1',
    cmpStatus,
    cmpDisplayStatus: displayStatus,
    signalStatus,
    supportedAPIs: cmpStatus == 'stub' ? [] : SUPPORTED_APIS,
    cmpId: 1,
    ...copy(signal),
  });
  const event = (eventName: string, listenerId: unknown, data: unknown) => ({
    eventName,
    listenerId,
    data,
    pingData: ping(),
  });
  /** Tells every listener, each with its own id. */
  const fire = (eventName: string, data: unknown): void => {
    for (const [listenerId, callback] of [...listeners]) answer(callback, event(eventName, listenerId, data), true);
  };

  /** A field of a section in the string (`usnat.SaleOptOut`, `usnat.Gpc`), null when absent; throws for a malformed name. */
  const field = (path: string): unknown => {
    const [prefix, name, extra] = path.split('.');
    if (extra !== undefined || !name) throw new Error('expected "<section>.<field>"');
    for (const subsection of signal.parsedSections[prefix!] ?? []) if (name in subsection) return subsection[name];
    return null;
  };

  const handle = ({ command, callback, parameter }: Call): void => {
    if (typeof command != 'string') return answer(callback, null, false);
    if (command == 'ping') return answer(callback, ping(), true);
    if (cmpStatus == 'error') return answer(callback, null, false);
    if (command == 'addEventListener') {
      // Without a function there is no one to tell: nothing is registered.
      if (typeof callback != 'function') return;
      listeners.set(++lastId, callback);
      return answer(callback, event('listenerRegistered', lastId, true), true);
    }
    if (command == 'removeEventListener')
      return answer(callback, event('listenerRemoved', parameter, listeners.delete(parameter as number)), true);
    const generic = command == 'hasSection' || command == 'getSection' || command == 'getField';
    // The stub answers generic commands at once (with null while loading) and queues the rest.
    if (cmpStatus == 'stub')
      return generic ? answer(callback, null, true) : void queue.push({ command, callback, parameter });
    if (!generic) return answer(callback, null, false);
    if (typeof parameter != 'string' || !parameter) return answer(callback, null, false);
    if (command == 'hasSection') return answer(callback, parameter in signal.parsedSections, true);
    if (command == 'getSection') return answer(callback, copy(signal.parsedSections[parameter] ?? null), true);
    let value: unknown;
    try {
      value = field(parameter);
    } catch {
      return answer(callback, null, false);
    }
    answer(callback, copy(value ?? null), true);
  };

  const gpp: GppFunction = (command, callback, parameter) => handle({ command, callback, parameter });
  const listener = (message: MessageEvent): void => onMessage(win, message);
  win.__gpp = gpp;
  win.addEventListener('message', listener);
  const locator = addLocator(win.document);

  return {
    ping,
    load(loaded) {
      if (cmpStatus != 'stub') return;
      const failed = loaded instanceof Error;
      signal = failed ? { applicableSections: [-1], sectionList: [], gppString: '', parsedSections: {} } : loaded;
      cmpStatus = failed ? 'error' : 'loaded';
      for (const call of queue.splice(0)) handle(call);
      fire('cmpStatus', cmpStatus);
      if (failed) return fire('error', loaded.message);
      // An opt-out framework may be ready at once: the string holds the choices as they are
      // (Global Privacy Platform implementation guidelines, 3.6).
      signalStatus = 'ready';
      fire('signalStatus', signalStatus);
    },
    update(next) {
      if (cmpStatus != 'loaded') return;
      signalStatus = 'not ready';
      fire('signalStatus', signalStatus);
      signal = next;
      for (const prefix of Object.keys(signal.parsedSections)) fire('sectionChange', prefix);
      signalStatus = 'ready';
      fire('signalStatus', signalStatus);
    },
    remove() {
      if (win.__gpp == gpp) delete win.__gpp;
      win.removeEventListener('message', listener);
      locator.remove();
    },
    setDisplayStatus(status) {
      if (cmpStatus == 'error' || status === displayStatus) return;
      displayStatus = status;
      // Set before the load, it is what the first ping says; after it, listeners hear of it.
      if (cmpStatus == 'loaded') fire('cmpDisplayStatus', status);
    },
  };
}
