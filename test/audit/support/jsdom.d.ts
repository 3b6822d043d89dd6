// jsdom ships no types and @types/jsdom is not a dependency: the one constructor the audit
// tests use to parse XML, typed with the DOM lib.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
