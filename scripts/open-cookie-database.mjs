// Makes src/node/audit/data/open-cookie-database.json, the audit's cleaned copy of the Open Cookie
// Database (https://github.com/jkwakman/Open-Cookie-Database, Apache-2.0), from its CSV:
//
//   node scripts/open-cookie-database.mjs path/to/open-cookie-database.csv <commit> <commit date>
//
// Kept per row: the cookie or storage key name (exact, or a prefix where "Wildcard match" is 1),
// the platform, the category (mapped to Consentry's: Analytics → analytics, Marketing →
// advertising, Functional and Personalization → functional, Necessary and Security → essential)
// and the domains the Domain column names (lower case, without "(3rd party)" and leading dots;
// free text that names no host is dropped). Left out: ids, descriptions, retention texts, data
// controllers and their links. Rows with the same platform, category and domains are grouped.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [csvPath, commit, date] = process.argv.slice(2);
if (!csvPath || !/^[0-9a-f]{40}$/.test(commit ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
  console.error('usage: node scripts/open-cookie-database.mjs <csv> <40-hex commit> <YYYY-MM-DD>');
  process.exit(2);
}
const OUT = new URL('../src/node/audit/data/open-cookie-database.json', import.meta.url);
const CATEGORIES = {
  Analytics: 'analytics',
  Marketing: 'advertising',
  Functional: 'functional',
  Personalization: 'functional',
  Necessary: 'essential',
  Security: 'essential',
};

/** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char == '"' && text[index + 1] == '"') {
        field += '"';
        index++;
      } else if (char == '"') quoted = false;
      else field += char;
    } else if (char == '"') quoted = true;
    else if (char == ',') {
      record.push(field);
      field = '';
    } else if (char == '\n' || char == '\r') {
      if (char == '\r' && text[index + 1] == '\n') index++;
      record.push(field);
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

const HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/;

/** `.bing.com (3rd party) or .microsoft.com (3rd party)` → ['bing.com', 'microsoft.com']. */
function domainsOf(column) {
  return column
    .toLowerCase()
    .split(/\s+or\s+|,|;|\s+and\s+/)
    .map((part) =>
      part
        .replace(/\(.*?\)/g, '')
        .trim()
        .replace(/^\*?\./, ''),
    )
    .filter((part) => HOST.test(part))
    .sort();
}

const buffer = readFileSync(csvPath);
const [header, ...rows] = parseCsv(buffer.toString('utf8').replace(/^\uFEFF/, ''));
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${csvPath}: no column "${name}"`);
  return index;
};
const at = {
  platform: column('Platform'),
  category: column('Category'),
  name: column('Cookie / Data Key name'),
  domain: column('Domain'),
  wildcard: column('Wildcard match'),
};

const groups = new Map();
let kept = 0;
for (const row of rows) {
  const name = row[at.name]?.trim();
  const category = CATEGORIES[row[at.category]?.trim()];
  const platform = row[at.platform]?.trim();
  if (!name || !category || !platform) continue;
  const domains = domainsOf(row[at.domain] ?? '');
  const key = JSON.stringify([platform, category, domains]);
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { platform, category, domains, names: [], prefixes: [] }));
  const list = row[at.wildcard]?.trim() == '1' ? group.prefixes : group.names;
  if (!list.includes(name)) list.push(name);
  kept++;
}

const entries = [...groups.values()]
  .map((group) => ({ ...group, names: group.names.sort(), prefixes: group.prefixes.sort() }))
  .sort((a, b) => a.platform.localeCompare(b.platform) || a.category.localeCompare(b.category));
const data = {
  source: 'https://github.com/jkwakman/Open-Cookie-Database',
  licence: 'Apache-2.0',
  notice:
    'Open Cookie Database by Jack Kwakman and contributors, licensed under the Apache License 2.0 ' +
    '(open-cookie-database.LICENSE.txt next to this file). Changed: reduced to names, platforms, categories ' +
    '(mapped to Consentry categories) and domains; grouped by platform.',
  commit,
  date,
  sha256: createHash('sha256').update(buffer).digest('hex'),
  rows: kept,
  entries,
};
writeFileSync(OUT, JSON.stringify(data) + '\n');
console.log(`${kept} rows in ${entries.length} groups → ${OUT.pathname}`);
