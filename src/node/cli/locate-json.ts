// Where each value of a JSON text starts, by config path (`presets[0].id`), so the checker can
// point at a line and column. A small scanner over text JSON.parse has already accepted.

export interface Position {
  line: number;
  column: number;
}

/** Line and column (1-based) of character `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Offsets of every value in valid JSON `text`, keyed by path. Object members point at their
 * key, so an unknown key is shown where it is written.
 * ```ts
 * locateJson('{"a":[1]}').get('a[0]') // 6
 * ```
 */
export function locateJson(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = (): string => {
    const start = i;
    for (i++; text[i] != '"'; i++) if (text[i] == '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, at: number): void => {
    space();
    if (!found.has(path)) found.set(path, at < 0 ? i : at);
    const c = text[i];
    if (c == '{') {
      i++;
      for (space(); text[i] != '}'; space()) {
        if (text[i] == ',') {
          i++;
          space();
        }
        const keyAt = i;
        const key = string();
        space();
        i++; // ':'
        value(path ? `${path}.${key}` : key, keyAt);
      }
      i++;
    } else if (c == '[') {
      i++;
      for (let n = 0; ; n++) {
        space();
        if (text[i] == ']') break;
        if (text[i] == ',') i++;
        value(`${path}[${n}]`, -1);
      }
      i++;
    } else if (c == '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value('', -1);
  return found;
}
