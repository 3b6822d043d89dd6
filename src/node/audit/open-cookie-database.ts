// The Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database, Apache-2.0): the
// audit's third source of classifications, after the site's config and the presets. A cleaned
// copy ships in data/ with its licence; scripts/open-cookie-database.mjs makes it from the CSV.
// Bundled into the audit's own chunk of the CLI, so only `consentry audit` loads it.
import data from './data/open-cookie-database.json';

export interface CookieDatabaseEntry {
  platform: string;
  /** Already mapped to a Consentry category (`analytics`, `advertising`, `functional`, `essential`). */
  category: string;
  /** Hosts the names belong to; empty: set on the site's own domain. */
  domains: string[];
  names: string[];
  prefixes: string[];
}

export interface CookieDatabase {
  source: string;
  licence: string;
  notice: string;
  commit: string;
  date: string;
  sha256: string;
  rows: number;
  entries: CookieDatabaseEntry[];
}

export const openCookieDatabase = data as CookieDatabase;

/** `Open Cookie Database 0ee5a17 (2026-01-21)`: the version a classification names. */
export const databaseVersion = (db: CookieDatabase): string => `${db.commit.slice(0, 7)} (${db.date})`;
