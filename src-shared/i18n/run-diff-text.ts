/**
 * The graph diff (src-shared/runs/graph-diff.ts) as lines of words: each layer added, removed or
 * changed, the settings that changed with their values before and after, and the totals' deltas.
 */
import type { Translator } from './catalog';
import { formatNumber } from './format';
import type { Language } from './language';
import type { GraphDiff, LayerChange } from '../runs/graph-diff';
import { formatSignedCount } from './run-deltas';

type ExperimentsT = Translator<'experiments'>;

/** A setting's value as Keras writes it: numbers with the language's separators, lists as tuples "(3, 3)", text as it is. */
export function formatParamValue(language: Language, value: unknown, absent: string): string {
  if (value === undefined || value === null) return absent;
  if (typeof value === 'number') return formatNumber(language, value, 6);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `(${value.map((v) => formatParamValue(language, v, absent)).join(', ')})`;
  return JSON.stringify(value);
}

export type DiffLineKind = 'added' | 'removed' | 'changed';

/** One layer of the diff, worded. */
export interface DiffLine {
  readonly kind: DiffLineKind;
  /** The layer's name (after the change, for a changed one). */
  readonly name: string;
  /** Its Keras class, e.g. Conv2D. */
  readonly layerKind: string;
  /** What changed of it: its settings, name, kind and inputs (empty for an added or removed layer). */
  readonly details: readonly string[];
}

function changeDetails(language: Language, t: ExperimentsT, c: LayerChange): string[] {
  const absent = t('diff.absent');
  const out: string[] = [];
  if (c.renamed) out.push(t('diff.renamed', { name: c.before.name }));
  if (c.kindChanged) out.push(t('diff.kind', { before: c.before.kind, after: c.after.kind }));
  for (const p of c.params)
    out.push(
      t('diff.param', {
        param: p.param,
        before: formatParamValue(language, p.before, absent),
        after: formatParamValue(language, p.after, absent),
      }),
    );
  if (c.inputs) out.push(t('diff.inputs', { before: c.inputs.before.join(', ') || absent, after: c.inputs.after.join(', ') || absent }));
  return out;
}

/** The diff's layers as lines: removed first, then changed, then added (the order a reader follows a change in). */
export function diffLines(language: Language, t: ExperimentsT, diff: GraphDiff): DiffLine[] {
  return [
    ...diff.removed.map((l) => ({ kind: 'removed' as const, name: l.name, layerKind: l.kind, details: [] })),
    ...diff.changed.map((c) => ({
      kind: 'changed' as const,
      name: c.after.name,
      layerKind: c.after.kind,
      details: changeDetails(language, t, c),
    })),
    ...diff.added.map((l) => ({ kind: 'added' as const, name: l.name, layerKind: l.kind, details: [] })),
  ];
}

/** "Δ parameters: +1,210" and "Δ MACs: −95,000" (or why there is no figure). */
export function diffTotals(language: Language, t: ExperimentsT, diff: GraphDiff): { params: string; macs: string } {
  const text = (d: number | null) => (d === null ? t('diff.invalid') : formatSignedCount(language, d));
  return { params: t('diff.params', { delta: text(diff.params.delta) }), macs: t('diff.macs', { delta: text(diff.macs.delta) }) };
}
