/** Tag of the reopen button's host element; there is at most one on the page. */
export const REOPEN_TAG = 'consentry-reopen';
