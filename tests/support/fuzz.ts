/**
 * Requests for the generated-input test: a valid value for each JSON Schema of the OpenAPI document, and the
 * ways an attacker (or a broken client) bends it — NUL and other control characters, huge strings, wrong types,
 * impossible dates, ids that do not exist, missing and unknown fields. Deterministic: the same document gives the
 * same requests, so a failure is reproducible from its description.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  default?: unknown;
  example?: unknown;
  $ref?: string;
};

/** A value the schema accepts (as far as a schema can say: ids and codes still have to exist). */
export function sample(schema: JsonSchema, key = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return sample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], key);
  if (schema.allOf?.length) return sample(schema.allOf[0], key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name] ?? {}, name);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}, key));
    case 'integer':
    case 'number': {
      const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : schema.minimum;
      if (/year/i.test(key)) return 2025;
      return Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(min ?? 1, 1));
    }
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, key);
    default:
      return 'x';
  }
}

function sampleString(schema: JsonSchema, key: string): string {
  if (schema.format === 'date' || /date|On$|asOf|^from$|^to$/.test(key)) return '2025-06-30';
  if (schema.example !== undefined) return String(schema.example);
  const base = schema.pattern ? 'abc123' : 'Thử nghiệm';
  const min = schema.minLength ?? 1;
  return base.length >= min ? base.slice(0, schema.maxLength ?? base.length) : base.padEnd(min, 'x');
}

/** One bent input: a description (for the failure message) and the changed value. */
export interface Mutation<T> {
  what: string;
  value: T;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths to every leaf of a JSON value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), next);
  return copy;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

function removeAt(value: unknown, path: (string | number)[]): unknown {
  const parent = getAt(value, path.slice(0, -1));
  const key = path.at(-1) as string | number;
  const without = Array.isArray(parent)
    ? parent.filter((_, i) => i !== Number(key))
    : Object.fromEntries(Object.entries(parent as object).filter(([k]) => k !== String(key)));
  return setAt(value, path.slice(0, -1), without);
}

const HUGE = 'Ư'.repeat(300_000);

/** The leaf-level ways to bend one value. */
function bendLeaf(leaf: unknown, key: string): Mutation<unknown>[] {
  const out: Mutation<unknown>[] = [
    { what: 'null', value: null },
    { what: 'object instead', value: { a: 1 } },
    { what: 'array instead', value: ['x'] },
  ];
  if (typeof leaf === 'string') {
    out.push(
      { what: 'NUL inside', value: `${leaf}\u0000x` },
      { what: 'control character', value: `${leaf}\u001b[31m` },
      { what: 'line break', value: `${leaf}\nx` },
      { what: 'huge', value: HUGE },
      { what: 'number instead', value: 12 },
      { what: 'empty', value: '' },
      { what: 'lone surrogate', value: '\ud800' },
    );
    if (/^\d{4}-\d{2}-\d{2}$/.test(leaf)) out.push({ what: 'impossible date', value: '2025-02-30' }, { what: 'year 0', value: '0000-01-01' }, { what: 'year 99999', value: '99999-01-01' });
  }
  if (typeof leaf === 'number') {
    out.push(
      { what: 'string instead', value: 'abc' },
      { what: 'unknown id', value: 2_147_483_647 },
      { what: 'bigger than bigint', value: 1e20 },
      { what: 'negative', value: -1 },
      { what: 'fraction', value: 1.5 },
    );
    if (/id$/i.test(key)) out.push({ what: 'unknown id (int4 overflow)', value: 9_007_199_254_740_991 });
  }
  if (typeof leaf === 'boolean') out.push({ what: 'string instead', value: 'true' });
  return out;
}

/** The valid body, then each leaf bent every way, then whole-body shapes; at most `limit` in all. */
export function mutateBody(valid: unknown, limit: number): Mutation<unknown>[] {
  const out: Mutation<unknown>[] = [{ what: 'valid', value: valid }];
  for (const path of leaves(valid)) {
    const key = String(path.at(-1) ?? '');
    for (const m of bendLeaf(getAt(valid, path), key)) out.push({ what: `${path.join('.') || 'body'}: ${m.what}`, value: setAt(valid, path, m.value) });
    if (path.length > 0) out.push({ what: `${path.join('.')}: missing`, value: removeAt(valid, path) });
  }
  out.push(
    { what: 'body: empty object', value: {} },
    { what: 'body: array', value: [valid] },
    { what: 'body: string', value: 'x' },
    { what: 'body: unknown field', value: valid && typeof valid === 'object' && !Array.isArray(valid) ? { ...(valid as object), zzUnknown: 1 } : { zzUnknown: 1 } },
  );
  return spread(out, limit);
}

/** Query strings: the valid one, then each parameter bent (as text, the only thing a URL carries). */
export function mutateQuery(valid: Record<string, string>, names: string[], limit: number): Mutation<Record<string, string>>[] {
  const out: Mutation<Record<string, string>>[] = [{ what: 'valid', value: valid }];
  for (const name of names) {
    const base = valid[name] ?? '1';
    const bent = ['\u0000', `${base}\u0000`, `${base}\n`, 'Ư'.repeat(5000), '-1', '99999999999999999999', '1.5', 'abc', '2025-02-30', '0000-01-01', ''];
    for (const v of bent) out.push({ what: `query ${name}=${JSON.stringify(v.slice(0, 20))}`, value: { ...valid, [name]: v } });
  }
  out.push({ what: 'query: unknown parameter', value: { ...valid, zzUnknown: '1' } });
  return spread(out, limit);
}

/** Path parameters bent. */
export const BENT_IDS = ['999999999', '9223372036854775808', '-1', '0', 'abc', '1.5', '%00', '%E2%80%AE', 'x'.repeat(3000)];

/** Keeps the first and then an even spread of the rest, so every part of the body is bent at least a little. */
function spread<T>(all: Mutation<T>[], limit: number): Mutation<T>[] {
  if (all.length <= limit) return all;
  const step = (all.length - 1) / (limit - 1);
  return Array.from({ length: limit }, (_, i) => all[Math.round(i * step)]);
}

export type { Json };
