// One stored record as a line of NDJSON or CSV, for the streamed export.
import type { StoredRecord } from './database/store';

export const CSV_COLUMNS = [
  'receivedAt',
  'createdAt',
  'recordId',
  'consentId',
  'action',
  'choices',
  'gpc',
  'dnt',
  'mode',
  'region',
  'country',
  'device',
  'language',
  'revision',
  'configHash',
  'version',
  'schema',
  'url',
  'gpp',
] as const;

/**
 * A CSV field (RFC 4180): quoted when needed, and with a leading `=`, `+`, `-` or `@` defused,
 * so a spreadsheet never runs a value as a formula (OWASP, "CSV Injection").
 */
function csvField(value: unknown): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (time: number): string => new Date(time).toISOString();

export const csvHeader = (): string => CSV_COLUMNS.join(',') + '\r\n';

export function csvLine(record: StoredRecord): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...record,
    receivedAt: iso(record.receivedAt),
    createdAt: iso(record.createdAt),
    choices: Object.entries(record.choices)
      .map(([name, granted]) => `${name}=${granted ? 1 : 0}`)
      .join(' '),
    gpc: +record.signals.gpc,
    dnt: +record.signals.dnt,
    gpp: record.gpp,
  };
  return CSV_COLUMNS.map((column) => csvField(values[column])).join(',') + '\r\n';
}

export const ndjsonLine = (record: StoredRecord): string => JSON.stringify(record) + '\n';
