import type { Consent } from '../types';
import { clearDeclared, type Declared } from './clear-declared';

const STORES = ['cookie', 'localStorage', 'sessionStorage'] as const;

/**
 * Deletes what a withdrawn category leaves behind: the cookies and storage keys its presets
 * declare, and the names the config lists under the category (`categories.x.cookies`, looked
 * for as cookies and as storage keys). The consent cookie itself is always kept.
 */
export function clearCategory(consent: Consent, category: string, win: Window): void {
  const declared: Declared[] = [];
  for (const preset of consent.presets) if (preset.category == category) declared.push(...preset.definition.cookies);
  for (const info of consent.categories)
    if (info.name == category) for (const name of info.cookies) for (const storage of STORES) declared.push({ name, storage });
  clearDeclared(declared, win, consent.config.cookie?.name || 'consentry');
}
