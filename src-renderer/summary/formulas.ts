// The contents of formula popovers, from the analysis's own formulas (filled in with the real numbers).
import type { NodeReport } from '../../src-shared/graph/analyze';
import { formatCount, formatShape } from '../../src-shared/layers/format';
import { formatBytes } from '../../src-shared/summary/text';
import type { Translate } from '../i18n/i18n';
import type { FormulaPopover } from '../store/ui-store';

export type FormulaContent = Omit<FormulaPopover, 'x' | 'y'>;

function dimLabel(rank: number, i: number, t: Translate): string {
  if (rank === 3) return [t('formula.height'), t('formula.width'), t('formula.channels')][i]!;
  if (rank === 1) return t('formula.length');
  return t('formula.dim', { i: i + 1 });
}

export function shapeContent(report: NodeReport, t: Translate, title = t('formula.shape', { name: report.name })): FormulaContent | null {
  const out = report.output;
  if (!out) return null;
  return {
    title,
    value: formatShape(out.shape),
    lines: out.dims.map((d, i) => ({ label: dimLabel(out.dims.length, i, t), formula: d.formula })),
    note: t('formula.batch'),
  };
}

export function paramsContent(report: NodeReport, t: Translate): FormulaContent | null {
  const pc = report.paramCount;
  if (!pc) return null;
  return {
    title: t('formula.params', { name: report.name }),
    value: formatCount(pc.trainable.value + pc.nonTrainable.value),
    lines: [
      { label: t('formula.trainable'), formula: pc.trainable.formula },
      { label: t('formula.nonTrainable'), formula: pc.nonTrainable.formula },
    ],
  };
}

export function macsContent(report: NodeReport, t: Translate): FormulaContent | null {
  if (!report.macs) return null;
  return {
    title: t('formula.macs', { name: report.name }),
    value: formatCount(report.macs.value),
    lines: [{ formula: report.macs.formula }],
  };
}

export function memoryContent(report: NodeReport, t: Translate): FormulaContent | null {
  if (!report.memory) return null;
  return {
    title: t('formula.memory', { name: report.name }),
    value: formatBytes(report.memory.value),
    lines: [{ formula: report.memory.formula }],
  };
}

/** A connection carries its source's output. */
export function edgeContent(source: NodeReport, targetName: string, t: Translate): FormulaContent | null {
  return shapeContent(source, t, t('formula.edge', { source: source.name, target: targetName }));
}
