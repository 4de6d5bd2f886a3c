import type { Message, Vars } from './dictionary';
import { LOCALES, type Language } from './language';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The language's number format with between `minDigits` and `maxDigits` decimals; made once and
 * kept, since a confusion matrix or a chart axis formats many numbers per render.
 */
function numberFormat(language: Language, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${language}:${minDigits}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** Thousands separators in every language ("196,100"); at most `maxDigits` decimals (3 by default). */
export function formatNumber(language: Language, value: number, maxDigits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat(language, 0, maxDigits).format(value);
}

/** A percentage with a fixed number of decimals in every place it is shown ("8.0%", "36.3%"). */
export function formatPercent(language: Language, fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${numberFormat(language, digits, digits).format(fraction * 100)}%`;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralForm(language: Language, count: number): 'one' | 'other' {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** Picks the template of a message for these values: plural messages choose by their count. */
function template(language: Language, message: Message, vars: Vars | undefined): string {
  if (typeof message === 'string') return message;
  const count = vars?.[message.count];
  const form = typeof count === 'number' ? pluralForm(language, count) : 'other';
  return (form === 'one' ? message.one : undefined) ?? message.other;
}

/** How many characters of a user's text a message quotes before it cuts the rest with an ellipsis. */
export const QUOTE_MAX = 80;

/** At most `max` characters of a text, the rest replaced by "…" (never splitting a surrogate pair). */
export function shorten(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The placeholders that carry text from a file, a form or the system (a layer's name, a Keras class,
 * a file name, a value as typed, a parser's message): a 1 MB class_name must not make a 1 MB message.
 * Each is quoted shortened; placeholders holding our own sentences ({problem}, {text}) are not.
 */
const QUOTED: Readonly<Record<string, number>> = {
  node: QUOTE_MAX,
  source: QUOTE_MAX,
  target: QUOTE_MAX,
  input: QUOTE_MAX,
  id: QUOTE_MAX,
  edge: QUOTE_MAX,
  cls: QUOTE_MAX,
  layer: QUOTE_MAX,
  file: QUOTE_MAX,
  got: QUOTE_MAX,
  param: QUOTE_MAX,
  setting: QUOTE_MAX,
  name: QUOTE_MAX,
  // Technical text a person looks up (three zod issues with their paths, a parser's message): longer, still bounded.
  detail: 2000,
};

/** Fills "{name}" placeholders: numbers with the language's thousands separators, user texts shortened (QUOTE_MAX). */
export function formatMessage(language: Language, message: Message, vars?: Vars): string {
  const text = template(language, message, vars);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = vars[key];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(language, value);
    const max = quoteLimit(key);
    return max === undefined ? value : shorten(value, max);
  });
}

/** How many characters of a placeholder's value a message quotes; undefined for our own texts, quoted whole. */
export function quoteLimit(placeholder: string): number | undefined {
  return Object.hasOwn(QUOTED, placeholder) ? QUOTED[placeholder] : undefined;
}

/** The placeholder names a message uses, in all its forms (for the dictionary test). */
export function placeholders(message: Message): ReadonlySet<string> {
  const texts = typeof message === 'string' ? [message] : [message.one ?? '', message.other];
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  return names;
}

/**
 * A count that may be past 2^53: digit by digit while it is exact ("1,960,000,100"), and
 * "≈ 1.2 × 10^16" beyond Number.MAX_SAFE_INTEGER, where float64 no longer holds every integer
 * and printing all digits would claim a precision the number does not have.
 */
export function formatCountApprox(language: Language, n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return formatNumber(language, Math.round(n), 0);
  return `≈ ${scientific(language, n)}`;
}

/** "1.2 × 10^16": two significant figures and a power of ten. */
function scientific(language: Language, n: number): string {
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  let mantissa = Math.round((n / 10 ** exponent) * 10) / 10;
  let e = exponent;
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    e += 1;
  }
  return `${numberFormat(language, 1, 1).format(mantissa)} × 10^${e}`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/**
 * An estimated byte size with two significant figures and binary units, as the summary's
 * formatBytes counts them ("31 GB", "2.3 MB"); past exabytes in powers of ten ("1.2 × 10^30 B").
 */
export function formatBytesApprox(language: Language, bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value >= 1024) return `${scientific(language, bytes)} B`;
  const digits = value >= 10 ? 0 : 1;
  return `${formatNumber(language, Number(value.toFixed(digits)), digits)} ${BYTE_UNITS[unit]}`;
}
