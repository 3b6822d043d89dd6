// `from` and `to` of the read API: a date (`2026-01-31`, the whole day: `to` includes it), an
// ISO 8601 time, or epoch milliseconds. `from` is inclusive, `to` exclusive.

export type RangeResult = { from?: number; to?: number } | { error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function instant(value: string, end: boolean): number | undefined {
  if (/^\d{1,16}$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const time = Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return undefined;
  return end && DATE.test(value) ? time + 864e5 : time;
}

export function parseRange(from: string | undefined, to: string | undefined): RangeResult {
  const range: { from?: number; to?: number } = {};
  if (from) {
    const time = instant(from, false);
    if (time === undefined) return { error: 'from: expected a date (2026-01-31), an ISO time or epoch milliseconds' };
    range.from = time;
  }
  if (to) {
    const time = instant(to, true);
    if (time === undefined) return { error: 'to: expected a date (2026-01-31), an ISO time or epoch milliseconds' };
    range.to = time;
  }
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to)
    return { error: 'from must be before to' };
  return range;
}
