/**
 * Bounds on a layer's raw settings, checked before anything recursive (zod, JSON.stringify,
 * String(), structured clone) touches them. A setting read from a file or sent by a page can be
 * nested 10,000 deep, hold a million elements, a bigint or a `__proto__` key; this walk is
 * iterative, visits a bounded number of values, and answers with a code naming the setting.
 */

/** How deep a setting may nest: a shape is 1 level, a serialised initializer 3; 16 leaves room. */
export const MAX_SETTING_DEPTH = 16;
/** Elements of one list inside a setting (a shape has 3). */
export const MAX_SETTING_LIST = 1024;
/** Characters of one text inside a setting, or of a setting's name. */
export const MAX_SETTING_TEXT = 10_000;
/** Keys of one object inside a setting, and settings of one layer. */
export const MAX_SETTING_KEYS = 256;
/** Values in one setting, counted over every level. */
export const MAX_SETTING_VALUES = 10_000;
/** Characters in one setting, texts and keys together, so its JSON stays small. */
export const MAX_SETTING_CHARS = 100_000;

/** Keys that mean something to JavaScript objects; never a Keras or Convas setting. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The values of each way a setting breaks the bounds: the setting's name and the limit it passed. */
export type BoundsProblemValues = {
  readonly 'setting-too-deep': { readonly param: string; readonly max: number };
  readonly 'setting-list-too-long': { readonly param: string; readonly max: number };
  readonly 'setting-text-too-long': { readonly param: string; readonly max: number };
  readonly 'setting-too-many-keys': { readonly param: string; readonly max: number };
  readonly 'setting-too-large': { readonly param: string; readonly max: number };
  readonly 'setting-not-finite': { readonly param: string; readonly max: number };
  readonly 'setting-forbidden-key': { readonly param: string; readonly max: number };
  readonly 'setting-unreadable': { readonly param: string; readonly max: number };
};
export type BoundsCode = keyof BoundsProblemValues & string;

/** Why a layer's settings are refused, naming the setting (`param`); `max` is the limit passed (0 where none applies). */
export interface BoundsProblem {
  readonly code: BoundsCode;
  readonly values: { readonly param: string; readonly max: number };
  readonly param: string;
}

export const BOUNDS_CODES: readonly BoundsCode[] = [
  'setting-too-deep',
  'setting-list-too-long',
  'setting-text-too-long',
  'setting-too-many-keys',
  'setting-too-large',
  'setting-not-finite',
  'setting-forbidden-key',
  'setting-unreadable',
];

export interface BoundsOptions {
  /**
   * Refuse NaN and ±Infinity. Off for the canvas, where the parameter schema already says
   * "units must be a number (got NaN)"; on at process boundaries.
   */
  readonly finiteNumbers?: boolean;
}

function problem(code: BoundsCode, param: string, max = 0): BoundsProblem {
  return { code, values: { param, max }, param };
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Checks one setting's value without recursion; undefined when it is within bounds. */
export function checkSettingValue(param: string, value: unknown, options: BoundsOptions = {}): BoundsProblem | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let visited = 0;
  let chars = 0;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (++visited > MAX_SETTING_VALUES) return problem('setting-too-large', param, MAX_SETTING_VALUES);
    const v = top.value;
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
        continue;
      case 'number':
        if (options.finiteNumbers && !Number.isFinite(v)) return problem('setting-not-finite', param);
        continue;
      case 'string':
        if (v.length > MAX_SETTING_TEXT) return problem('setting-text-too-long', param, MAX_SETTING_TEXT);
        chars += v.length;
        if (chars > MAX_SETTING_CHARS) return problem('setting-text-too-long', param, MAX_SETTING_CHARS);
        continue;
      case 'object':
        break;
      default:
        // bigint (JSON.stringify throws on it), symbol, function: nothing a file or a form holds.
        return problem('setting-unreadable', param);
    }
    if (v === null) continue;
    if (top.depth >= MAX_SETTING_DEPTH) return problem('setting-too-deep', param, MAX_SETTING_DEPTH);
    if (Array.isArray(v)) {
      if (v.length > MAX_SETTING_LIST) return problem('setting-list-too-long', param, MAX_SETTING_LIST);
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], depth: top.depth + 1 });
      continue;
    }
    // Maps, dates, typed arrays and class instances arrive only by structured clone, never from JSON.
    if (!isPlainObject(v)) return problem('setting-unreadable', param);
    const keys = Object.keys(v);
    if (keys.length > MAX_SETTING_KEYS) return problem('setting-too-many-keys', param, MAX_SETTING_KEYS);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return problem('setting-forbidden-key', param);
      if (key.length > MAX_SETTING_TEXT) return problem('setting-text-too-long', param, MAX_SETTING_TEXT);
      chars += key.length;
      if (chars > MAX_SETTING_CHARS) return problem('setting-text-too-long', param, MAX_SETTING_CHARS);
      stack.push({ value: (v as Record<string, unknown>)[key], depth: top.depth + 1 });
    }
  }
  return undefined;
}

/** Checks a layer's raw settings (every key, known or not): one problem per setting out of bounds, in key order. */
export function settingsOutOfBounds(params: unknown, options: BoundsOptions = {}, first = false): BoundsProblem[] {
  if (typeof params !== 'object' || params === null || Array.isArray(params) || !isPlainObject(params)) {
    return [problem('setting-unreadable', '')];
  }
  const keys = Object.keys(params);
  if (keys.length > MAX_SETTING_KEYS) return [problem('setting-too-many-keys', '', MAX_SETTING_KEYS)];
  const found: BoundsProblem[] = [];
  for (const key of keys) {
    const one =
      key.length > MAX_SETTING_TEXT
        ? problem('setting-text-too-long', key, MAX_SETTING_TEXT)
        : FORBIDDEN_KEYS.has(key)
          ? problem('setting-forbidden-key', key)
          : checkSettingValue(key, (params as Record<string, unknown>)[key], options);
    if (one) found.push(one);
    if (first && found.length > 0) break;
  }
  return found;
}

/** The first setting of a layer out of bounds, or undefined. */
export function checkLayerSettings(params: unknown, options: BoundsOptions = {}): BoundsProblem | undefined {
  return settingsOutOfBounds(params, options, true)[0];
}

/** A layer whose settings break the bounds, by name, with the problem. */
export interface LayerBoundsProblem {
  readonly layer: string;
  readonly problem: BoundsProblem;
}

/** The first layer of a list whose settings break the bounds, or undefined. */
export function checkLayersSettings(
  layers: readonly { readonly name?: string; readonly params: unknown }[],
  options: BoundsOptions = {},
): LayerBoundsProblem | undefined {
  for (const [i, layer] of layers.entries()) {
    const found = checkLayerSettings(layer.params, options);
    if (found) return { layer: layer.name ?? `#${i + 1}`, problem: found };
  }
  return undefined;
}
