// `consentry check consent.json`: every problem with its path, position and a suggestion.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validateConfig } from '../../core/config/validate';
import { checkGpp } from '../../core/gpp/check';
import type { PresetRegistry } from '../../core/types';
import { adviceFor } from './advice';
import { jsonProblem } from './json-error';
import { locateJson, positionAt } from './locate-json';
import { schemaHint } from './schema-hint';

export interface CheckDeps {
  registry: PresetRegistry;
  schema?: Record<string, unknown>;
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** Exit code 0 when `file` is a valid config, 1 when it is unreadable, not JSON or invalid. */
export async function checkFile(file: string, deps: CheckDeps): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(deps.cwd, file), 'utf8');
  } catch (error) {
    deps.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 1;
  }
  text = text.replace(/^\uFEFF/, '');
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    const problem = jsonProblem(text, error as Error);
    const { line, column } = positionAt(text, problem.offset);
    deps.err(`${file}:${line}:${column}: not valid JSON on line ${line}: ${problem.message}`);
    return 1;
  }
  const issues = validateConfig(config, deps.registry, checkGpp);
  if (!issues.length) {
    deps.out(`${file}: valid`);
    return 0;
  }
  const offsets = locateJson(text);
  const offsetOf = (path: string): number => {
    // A missing key has no position of its own: point at the object that should hold it.
    for (let p = path; ; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
      const found = offsets.get(p);
      if (found !== undefined || !p) return found ?? 0;
    }
  };
  deps.err(`${file}: ${issues.length} problem${issues.length == 1 ? '' : 's'}`);
  // In file order, as a person reads and fixes them (the validator goes key by key of its own).
  const located = issues
    .map((issue) => ({ ...issue, offset: offsetOf(issue.path) }))
    .sort((a, b) => a.offset - b.offset);
  for (const issue of located) {
    const { line, column } = positionAt(text, issue.offset);
    deps.err(`${file}:${line}:${column}  ${issue.path || '(root)'}: ${issue.message}`);
    const hint = adviceFor(issue, config, deps.registry) ?? schemaHint(deps.schema, issue.path, config, issue.message);
    if (hint) deps.err(`    hint: ${hint}`);
  }
  return 1;
}
