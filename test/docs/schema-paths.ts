// Shared by the schema tests: the shipped schema compiled with Ajv, and both validators'
// verdicts written as config paths (`presets[0].id`) so they can be compared.
import Ajv2020 from 'ajv/dist/2020';
import { presetRegistry } from '../../presets/registry';
import schema from '../../src/core/config/schema.json';
import { ConsentConfigError, createConsent, type ConsentConfig } from '../../src/index';

export { schema };
export const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

const join = (path: string, key: string): string =>
  /^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Paths the schema rejects (empty when valid), in the core's notation. */
export function schemaPaths(config: unknown): string[] {
  if (validate(config)) return [];
  const paths = new Set<string>();
  for (const error of validate.errors ?? []) {
    // `if` only says "must match then"; the `then` errors name the real paths.
    if (error.keyword == 'if') continue;
    let path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce(join, '');
    const params = error.params as Record<string, string>;
    if (error.keyword == 'required') path = join(path, params.missingProperty!);
    if (error.keyword == 'additionalProperties') path = join(path, params.additionalProperty!);
    if (error.propertyName !== undefined) path = join(path, error.propertyName);
    else if (error.keyword == 'propertyNames') path = join(path, params.propertyName!);
    paths.add(path);
  }
  return [...paths];
}

/** Paths `createConsent` rejects (empty when it accepts the config). */
export function corePaths(config: unknown): string[] {
  try {
    createConsent(config as ConsentConfig, { registry: presetRegistry });
    return [];
  } catch (error) {
    if (!(error instanceof ConsentConfigError)) throw error;
    return [...new Set(error.errors.map((issue) => issue.path))];
  }
}
