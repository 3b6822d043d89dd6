// Shared by the presets whose vendor's snippet defines a queueing global (`fbq`, `ttq`, `twq`, …).
// The preset defines that stub at start, the way the vendor's snippet does, minus the script tag:
// site code may call it at any time and never throws, its calls wait in the page, and only once
// the category is granted does the vendor's script load and replay them. After a refusal they
// stay where they are: nothing reads them.

/** Marks a stub a preset defined at start whose vendor script has not been requested yet. */
const WAITING = 'consentryWaits';

type Page = Record<string, any>;

/**
 * Defines `page[name]` as `stub` unless the page has it already (the vendor's own snippet, or
 * another entry of the same preset): site code then finds the vendor's API from the start.
 */
export function defineQueue(page: Page, name: string, stub: object): void {
  if (!page[name]) page[name] = Object.assign(stub, { [WAITING]: true });
}

/**
 * True once per page: when `page[name]` is still the stub a preset defined at start, whose
 * vendor script the caller now loads. False when the page brought its own snippet (which loads
 * the script itself) or an earlier entry has loaded it.
 */
export function firstLoad(page: Page, name: string): boolean {
  const queue = page[name];
  if (!queue?.[WAITING]) return false;
  delete queue[WAITING];
  return true;
}

/**
 * Whether the vendor's script has been asked for: only then is there a vendor to tell about a
 * change of consent (before that, the stub would hold the call for a script that may never come).
 */
export const requested = (page: Page, name: string): boolean => !!page[name] && !page[name][WAITING];

/**
 * Runs `own` (the preset's own first calls: `init`, the page view) ahead of the calls site code
 * queued in `queue` before consent, which keep their order, as on a page where the vendor's
 * snippet ran first. Without a queue (another entry started the vendor already), runs `own` alone.
 */
export function ahead(queue: unknown[] | undefined | false, own: () => void): void {
  const queued = queue ? queue.splice(0) : [];
  own();
  if (queue) queue.push(...queued);
}
