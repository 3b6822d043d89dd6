// What is wrong with a config file that is not JSON, said on one line with the place to fix.
// JSON.parse's own message is written for programmers: V8 quotes a stretch of the file across
// several lines and, for an unexpected token, gives no position. The mistakes people make when
// they edit JSON by hand (a comma after the last item, comments, single quotes) are found here
// by a scan that skips strings; anything else keeps the parser's words, without the quote.

export interface JsonProblem {
  /** Offset of the character to fix. */
  offset: number;
  message: string;
}

/** The first hand-editing mistake in `text` outside strings, if any. */
function commonMistake(text: string): JsonProblem | undefined {
  const beforeClose = /\s*[\]}]/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c == '"') {
      // Skip the string, escapes included.
      for (i++; i < text.length && text[i] != '"'; i++) if (text[i] == '\\') i++;
      continue;
    }
    beforeClose.lastIndex = i + 1;
    if (c == ',' && beforeClose.test(text))
      return { offset: i, message: 'a comma after the last item (JSON allows none there): remove it' };
    if (c == '/' && (text[i + 1] == '/' || text[i + 1] == '*'))
      return { offset: i, message: 'a comment (JSON has none): remove it' };
    if (c == "'") return { offset: i, message: 'single quotes: JSON strings and keys take double quotes (")' };
  }
  return undefined;
}

/**
 * Where `text` stops being JSON and why, from the error JSON.parse threw for it.
 * ```ts
 * jsonProblem('{\n  "a": 1,\n}', error) // { offset: 10, message: 'a comma after the last item …' }
 * ```
 */
export function jsonProblem(text: string, error: Error): JsonProblem {
  const mistake = commonMistake(text);
  if (mistake) return mistake;
  const at = /position (\d+)/.exec(error.message);
  // V8: `Unexpected token 'x', ..."quoted text"... is not valid JSON`, or `… in JSON at position 12 (line 2 column 3)`.
  const message = error.message
    .replace(/, \.\.\.[^]*$|, "[^]*" is not valid JSON$/, '')
    .replace(/ in JSON at position.*$/s, '');
  return { offset: at ? Number(at[1]) : text.length, message };
}
