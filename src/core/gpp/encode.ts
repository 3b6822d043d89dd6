// A GPP string from section field values (IAB Tech Lab, Global Privacy Platform, "Consent
// String Specification": the header, then each section, joined by "~"; a section's core
// sub-section and its GPC sub-section joined by ".").
import { fibonacciRange, fixedInt, toText } from './bits';
import type { SectionDefinition } from './sections';

/** One section's values: each core field (a number, or a list for an N-Bitfield). */
export interface SectionValues {
  section: SectionDefinition;
  fields: Readonly<Record<string, number | readonly number[]>>;
  /** The GPC sub-section's value; without it (or in a section that has none) no sub-section is written. */
  gpc?: boolean;
}

/** The header: Type 3 ("GPP Header"), Version 1, the section ids in string order. */
const header = (ids: readonly number[]): string => toText(fixedInt(3, 6) + fixedInt(1, 6) + fibonacciRange(ids));

/** A field's values in its encoding order: a list always has its specified length (missing entries 0). */
export function fieldEntries(section: SectionDefinition, name: string, value: unknown): number[] {
  const length = section.lists[name];
  if (length === undefined) return [typeof value == 'number' ? value : 0];
  const list = Array.isArray(value) ? value : [];
  return Array.from({ length }, (_, index) => (typeof list[index] == 'number' ? list[index] : 0));
}

/** One section as text: the core sub-section, then `.` and the GPC sub-section when given. */
export function encodeSection({ section, fields, gpc }: SectionValues): string {
  let bits = fixedInt(section.version, 6);
  for (const name of section.fields)
    for (const entry of fieldEntries(section, name, fields[name])) bits += fixedInt(entry, 2);
  const core = toText(bits);
  // SubsectionType 1 (GPC), then the Gpc bit.
  return section.gpc && gpc !== undefined ? `${core}.${toText(fixedInt(1, 2) + (gpc ? '1' : '0'))}` : core;
}

/**
 * The GPP string of `sections`, written in id order (so the header's range lists them in the order
 * they appear). No section gives the header alone, `DBAA`.
 * ```ts
 * encodeGpp([{ section: sectionNamed('usnat')!, fields: { SaleOptOut: 1, MspaCoveredTransaction: 2 }, gpc: true }])
 * ```
 */
export function encodeGpp(sections: readonly SectionValues[]): string {
  const ordered = [...sections].sort((a, b) => a.section.id - b.section.id);
  return [header(ordered.map((values) => values.section.id)), ...ordered.map(encodeSection)].join('~');
}
