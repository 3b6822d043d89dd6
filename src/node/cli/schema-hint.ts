// Suggestions from the JSON Schema: what a path expects, or which keys are allowed there.

type Node = { [key: string]: any };

/** The schema node describing `path` in `config`, following $refs and preset names. */
function nodeAt(schema: Node, path: string, config: unknown): Node | undefined {
  // A $ref's siblings (its own description) win over the referenced definition's.
  const deref = (node: Node | undefined): Node | undefined => {
    if (!node?.$ref) return node;
    const { $ref, ...own } = node;
    const target = deref(schema.$defs?.[String($ref).replace('#/$defs/', '')]);
    return target && { ...target, ...own };
  };
  let node: Node | undefined = schema;
  let value: any = config;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    node = deref(node);
    value = value?.[key ?? Number(index)];
    if (index !== undefined) node = node?.items;
    else
      node =
        node?.properties?.[key!] ??
        (typeof node?.additionalProperties == 'object' ? node.additionalProperties : undefined);
    node = deref(node);
    // A preset entry: its own definition, chosen by its name.
    if (node?.allOf && typeof value?.name == 'string') node = deref(schema.$defs?.['preset-' + value.name]) ?? node;
  }
  return node;
}

/**
 * A one-line suggestion for a problem at `path`: the allowed keys for an unknown key, else
 * the schema's description of the value (with its choices or an example).
 * ```ts
 * schemaHint(schema, 'cookie.dayz', config, 'unknown key') // 'allowed here: name, domain, path, days'
 * ```
 */
export function schemaHint(
  schema: Node | undefined,
  path: string,
  config: unknown,
  message: string,
): string | undefined {
  if (!schema) return undefined;
  if (message.startsWith('unknown key')) {
    // The message names the key to use already.
    if (message.includes('did you mean') || message.includes(': use "')) return undefined;
    const parent = nodeAt(schema, path.replace(/(\.[^.[\]]+|\[\d+\])$/, ''), config);
    const keys = Object.keys(parent?.properties ?? {});
    return keys.length ? `allowed here: ${keys.join(', ')}` : undefined;
  }
  const node = nodeAt(schema, path, config);
  if (!node?.description) return undefined;
  const example = node.examples?.[0];
  // The allowed values, unless the message lists them already; else a simple example.
  if (node.enum)
    return message.includes('one of') ? node.description : `${node.description} One of: ${node.enum.join(', ')}.`;
  if (example !== undefined && typeof example != 'object')
    return `${node.description} Example: ${JSON.stringify(example)}`;
  return node.description;
}
