import { requireLayerKind } from '../../src-shared/layers/registry';
import type { LayerKindId } from '../../src-shared/layers/types';
import { newLayerParams } from '../store/new-layer';
import type { Translator } from '../../src-shared/i18n/catalog';

/** One setting a dropped layer starts with that is not Keras's default: Keras has none (`required`) or another one. */
export interface StartValue {
  readonly param: string;
  readonly value: unknown;
  readonly keras: { readonly required: true } | { readonly required: false; readonly value: unknown };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings a layer from the palette starts with where they are not Keras's defaults, found by
 * asking the kind's schema (which holds Keras's defaults) what each setting would be without it.
 */
export function startValues(kind: LayerKindId): readonly StartValue[] {
  const chosen = newLayerParams(kind);
  const { schema } = requireLayerKind(kind);
  const out: StartValue[] = [];
  for (const [param, value] of Object.entries(chosen)) {
    const without: Record<string, unknown> = { ...chosen };
    delete without[param];
    const parsed = schema.safeParse(without);
    if (!parsed.success) out.push({ param, value, keras: { required: true } });
    else {
      const kerasValue = (parsed.data as Record<string, unknown>)[param];
      if (!same(kerasValue, value)) out.push({ param, value, keras: { required: false, value: kerasValue } });
    }
  }
  return out;
}

/** A setting's value as Keras code reads it, compactly: 3×3 for a pair, None for null. */
export function formatStartValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatStartValue).join('×');
  if (value === null || value === undefined) return 'None';
  return String(value);
}

/** The palette's words on what a dropped layer starts with and how that differs from Keras. */
export function startValuesText(t: Translator<'app'>, kind: LayerKindId): string {
  const values = startValues(kind);
  if (values.length === 0) return t('palette.startsKeras');
  const listed = (list: readonly StartValue[], pick: (v: StartValue) => unknown) =>
    list.map((v) => `${v.param} ${formatStartValue(pick(v))}`).join(', ');
  const required = values.filter((v) => v.keras.required);
  const differing = values.filter((v) => !v.keras.required);
  const sentences = [t('palette.starts', { values: listed(values, (v) => v.value) })];
  if (required.length > 0) sentences.push(t('palette.noKerasDefault', { params: required.map((v) => v.param).join(', ') }));
  if (differing.length > 0)
    sentences.push(t('palette.kerasDefaults', { values: listed(differing, (v) => (v.keras.required ? undefined : v.keras.value)) }));
  return sentences.join(' ');
}
