import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from zod 4 schemas: values that a schema accepts (mostly: refinements
 * are not solved, so some generated values are rejected, which is fine for fuzzing), and near
 * misses — an accepted value with one part deleted, retyped, pushed over a bound or extended.
 */

/** The parts of zod 4's internal definition the walker reads. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  left?: z.ZodType;
  getter?: () => z.ZodType;
  format?: string;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

export interface WalkHooks {
  /** An arbitrary for a schema or an object key the caller knows better (ids, paths), or undefined. */
  special?(schema: z.ZodType, key: string | undefined): fc.Arbitrary<unknown> | undefined;
}

/** Characters that break naive code: controls, quotes, markup, bidi overrides, astral and lone surrogates. */
const nastyChars = ['\u0000', '\n', '\r', '\t', '"', "'", '`', '<', '>', '&', '\\', '/', '%', '\u202e', '\ufeff', '\u00a0', '😀', '\ud800', 'é', '眼', '٣'];
const nastyStrings = [
  '', ' ', '  x  ', 'null', 'undefined', '__proto__', 'constructor', 'toString', '0', '-1', '1e309', 'NaN',
  '<img src=x onerror=alert(1)>', "'; DROP TABLE projects; --", '../mer-fuzz-escape', '%s%n%x', '${7*7}', 'a\u0000b',
];

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  let min = 0;
  let max = 60;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    if (c.check === 'length_equals' && c.length !== undefined) min = max = c.length;
  }
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  if (pattern) return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(pattern) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const declaredMax = checks.find((c) => c.check === 'max_length')?.maximum;
  const unit = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 _-.'.split('')) }, { weight: 2, arbitrary: fc.constantFrom(...nastyChars) });
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit, minLength: min, maxLength: Math.max(min, max) }) },
    { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
    // Exactly at the declared maximum (or a long one where there is none).
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(declaredMax ?? 5000), 'é'.repeat(declaredMax ?? 5000)) },
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = [def.format, ...checks.map((c) => c.format)].some((f) => f === 'safeint' || f === 'int32' || f === 'uint32');
  let min = integer ? Number.MIN_SAFE_INTEGER : -1e12;
  let max = integer ? Number.MAX_SAFE_INTEGER : 1e12;
  for (const c of checks) {
    const v = Number(c.value);
    if (c.check === 'greater_than') min = Math.max(min, c.inclusive ? v : integer ? Math.floor(v) + 1 : v + 1e-9);
    if (c.check === 'less_than') max = Math.min(max, c.inclusive ? v : integer ? Math.ceil(v) - 1 : v - 1e-9);
  }
  if (min > max) return fc.constant(min);
  const edges = [min, max, Math.min(max, Math.max(min, 0)), Math.min(max, Math.max(min, 1))];
  if (integer) {
    const small = fc.integer({ min: Math.max(min, -10), max: Math.max(Math.max(min, -10), Math.min(max, 10)) });
    return fc.oneof({ weight: 4, arbitrary: small }, { weight: 2, arbitrary: fc.constantFrom(...edges) }, { weight: 1, arbitrary: fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) });
  }
  return fc.oneof({ weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) }, { weight: 2, arbitrary: fc.constantFrom(...edges) });
}

function objectArbitrary(def: Def, hooks: WalkHooks, depth: number): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, child] of Object.entries(shape)) {
    model[key] = walk(child, hooks, depth + 1, key);
    if (!['optional', 'default', 'prefault'].includes(defOf(child).type)) required.push(key);
  }
  return fc.record(model, { requiredKeys: required });
}

function walk(schema: z.ZodType, hooks: WalkHooks, depth: number, key?: string): fc.Arbitrary<unknown> {
  const special = hooks.special?.(schema, key);
  if (special) return special;
  const def = defOf(schema);
  const inner = (s: z.ZodType | undefined) => (s ? walk(s, hooks, depth + 1, key) : fc.constant(undefined));
  if (depth > 12) return fc.constant(null);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
    case 'never':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }));
    case 'object':
      return objectArbitrary(def, hooks, depth);
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 4, Math.max(min, 4));
      return fc.array(inner(def.element), { minLength: min, maxLength: max });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => walk(item, hooks, depth + 1, key)));
    case 'record':
      return fc.dictionary(inner(def.keyType).map(String), inner(def.valueType), { maxKeys: 4 });
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => walk(o, hooks, depth + 1, key)));
    case 'intersection':
      return inner(def.left);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return def.getter ? walk(def.getter(), hooks, depth + 1, key) : fc.constant(null);
    default:
      // unknown, any and whatever zod adds later: any JSON value.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values the schema (mostly) accepts. */
export function validArbitrary(schema: z.ZodType, hooks: WalkHooks = {}): fc.Arbitrary<unknown> {
  return walk(schema, hooks, 0);
}

/** What a careless or hostile caller puts where something else belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, -1, 0, 0.5, -0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 31), 1e308, '', ' ', '\u0000', '1', [], {}, [null], 'x'.repeat(100_000)),
  fc.constantFrom(...nastyStrings),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

type Mutation = 'replace' | 'delete' | 'extra-key' | 'nudge';

/** Every place in a value: [] is the value itself. */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function nudged(value: unknown, hostile: unknown): unknown {
  if (typeof value === 'number') return [value + 1, value - 1, -value, value + 0.5, value * 1e6][Math.abs(Math.trunc(value)) % 5];
  if (typeof value === 'string') return value.length % 2 === 0 ? `${value}\u0000` : `  ${value.repeat(200)}  `;
  if (typeof value === 'boolean') return value ? 1 : 'false';
  return hostile;
}

/** `value` with one change at a place picked by `pick`. */
export function mutate(value: unknown, pick: number, mutation: Mutation, hostile: unknown): unknown {
  const root = { value: structuredClone(value) as unknown };
  const paths = pathsOf(root.value).map((p) => ['value', ...p]);
  const target = paths[pick % paths.length]!;
  const parent = target.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
  const last = target.at(-1)!;
  const current = parent[last];
  switch (mutation) {
    case 'replace':
      parent[last] = hostile;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'extra-key':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) (current as Record<string, unknown>)['unexpected'] = hostile;
      else parent[last] = { value: current, unexpected: hostile };
      break;
    case 'nudge':
      parent[last] = nudged(current, hostile);
  }
  return root.value;
}

/** Accepted values with one thing wrong. */
export function nearMissArbitrary(schema: z.ZodType, hooks: WalkHooks = {}): fc.Arbitrary<unknown> {
  return fc
    .tuple(validArbitrary(schema, hooks), fc.nat(), fc.constantFrom<Mutation>('replace', 'delete', 'extra-key', 'nudge'), hostileValue)
    .map(([value, pick, mutation, hostile]) => mutate(value, pick, mutation, hostile));
}
