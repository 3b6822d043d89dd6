import type { StoredRecord, Summary } from '../database/store';

export type { ConfigSnapshot } from '../database/store';
export type StatsSummaryRow = Summary & { key: string };
export type StoredHistory = StoredRecord & { config: unknown | null };
