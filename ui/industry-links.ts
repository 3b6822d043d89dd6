// Default links of a category in the preferences dialog: for `advertising`, the industry
// opt-out pages that privacy policies point visitors to. They live in the UI, the only part
// that shows them, so the script tag's core does not carry them.
import type { CategoryLink, CategoryName } from 'consentry';

/**
 * The Network Advertising Initiative's opt-out (thenai.org/opt-out), the Digital Advertising
 * Alliance's WebChoices (optout.aboutads.info) and, for European visitors, the EDAA's
 * YourOnlineChoices (youronlinechoices.eu).
 */
export const INDUSTRY_OPT_OUTS: readonly CategoryLink[] = [
  { label: 'NAI consumer opt-out', url: 'https://thenai.org/opt-out/' },
  { label: 'DAA WebChoices', url: 'https://optout.aboutads.info/' },
  { label: 'Your Online Choices (EU)', url: 'https://www.youronlinechoices.eu/' },
];

/**
 * A category's links: the configured list when there is one (`[]` shows none), else the
 * industry opt-outs for `advertising` and nothing for the others.
 * ```ts
 * categoryLinks('advertising', config.categories?.advertising?.links)
 * ```
 */
export const categoryLinks = (name: CategoryName, configured?: CategoryLink[]): CategoryLink[] =>
  configured ?? (name == 'advertising' ? [...INDUSTRY_OPT_OUTS] : []);
