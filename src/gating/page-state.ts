// State shared by gating and auto-blocking for the life of the page (module state is per page:
// a reload starts afresh, which is what withdrawal relies on).

/**
 * Categories whose scripts ran on this page, or whose auto-blocked iframes loaded (the page's
 * own, so they cannot be unloaded in place): withdrawing one of them reloads the page.
 */
export const ran: Set<string> = new Set();

/** Elements the visitor chose to "load this once": auto-blocking lets their URL through. */
export const loadOnce: WeakSet<Element> = new WeakSet();
