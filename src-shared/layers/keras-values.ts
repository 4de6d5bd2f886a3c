import type { InitializerName } from './params';

const INITIALIZER_CLASSES: Record<InitializerName, string> = {
  glorot_uniform: 'GlorotUniform',
  glorot_normal: 'GlorotNormal',
  he_uniform: 'HeUniform',
  he_normal: 'HeNormal',
  lecun_uniform: 'LecunUniform',
  lecun_normal: 'LecunNormal',
  zeros: 'Zeros',
  ones: 'Ones',
  random_normal: 'RandomNormal',
  random_uniform: 'RandomUniform',
  truncated_normal: 'TruncatedNormal',
  orthogonal: 'Orthogonal',
};

const SEEDED = new Set<InitializerName>(['zeros', 'ones']);

/** Keras 3's serialized form of an initializer. */
export function kerasInitializer(name: InitializerName): Record<string, unknown> {
  return {
    module: 'keras.initializers',
    class_name: INITIALIZER_CLASSES[name],
    config: SEEDED.has(name) ? {} : { seed: null },
    registered_name: null,
  };
}

/** The class name of an initializer as TensorFlow.js spells it (LeCunNormal where Keras says LecunNormal). */
export function tfjsInitializerClass(name: InitializerName): string {
  return INITIALIZER_CLASSES[name].replace(/^Lecun/, 'LeCun');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads an initializer written as a string or a serialized object (Keras 3, tf.keras 2 or tfjs). */
export function readInitializer(value: unknown): unknown {
  if (typeof value === 'string') {
    const snake = value.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    return snake;
  }
  if (!isRecord(value) || typeof value['class_name'] !== 'string') return value;
  const cls =
    value['class_name'] === 'LeCunNormal' ? 'LecunNormal' : value['class_name'] === 'LeCunUniform' ? 'LecunUniform' : value['class_name'];
  const byClass = Object.entries(INITIALIZER_CLASSES).find(([, c]) => c === cls);
  if (byClass) return byClass[0];
  if (cls === 'VarianceScaling' && isRecord(value['config'])) {
    const { scale, mode, distribution } = value['config'];
    const dist = distribution === 'uniform' ? 'uniform' : 'normal';
    if (scale === 1 && mode === 'fan_avg') return `glorot_${dist}`;
    if (scale === 2 && mode === 'fan_in') return `he_${dist}`;
    if (scale === 1 && mode === 'fan_in') return `lecun_${dist}`;
  }
  return cls;
}

/** Reads an activation written as a string or (Keras 3 serialization) an object. */
export function readActivation(value: unknown): unknown {
  if (isRecord(value) && typeof value['class_name'] === 'string') {
    const cfg = value['config'];
    return isRecord(cfg) && typeof cfg['name'] === 'string' ? cfg['name'] : value['class_name'];
  }
  return value;
}

/** Copies a Keras config entry under our parameter name when it is present. */
export function pick(config: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in config && config[key] !== undefined) out[key] = config[key];
  return out;
}

/**
 * Escapes text for a Python string literal: a layer or project name from a file may hold quotes,
 * backslashes, newlines or a NUL byte (which Python refuses even inside a docstring).
 */
export function pythonEscape(text: string, quote: "'" | '"', keepNewlines = false): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += keepNewlines ? ch : '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** Python literal of a JS value used in generated code. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${pythonEscape(value, "'")}'`;
  if (Array.isArray(value)) return value.length === 1 ? `(${py(value[0])},)` : `(${value.map(py).join(', ')})`;
  return String(value);
}
