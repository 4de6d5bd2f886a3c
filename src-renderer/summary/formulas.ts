// The contents of formula popovers, from the analysis's own formulas (filled in with the real numbers).
import type { NodeReport } from '../../src-shared/graph/analyze';
import { formatShape } from '../../src-shared/layers/format';
import { formatBytes } from '../../src-shared/summary/text';
import { formulaText } from '../../src-shared/i18n/layer-text';
import { formatNumber } from '../../src-shared/i18n/format';
import { translator } from '../../src-shared/i18n/catalog';
import type { Language, Translate } from '../i18n/i18n';
import type { FormulaPopover } from '../store/ui-store';

export type FormulaContent = Omit<FormulaPopover, 'x' | 'y'>;

function dimLabel(rank: number, i: number, t: Translate): string {
  if (rank === 3) return [t('formula.height'), t('formula.width'), t('formula.channels')][i]!;
  if (rank === 1) return t('formula.length');
  return t('formula.dim', { i: i + 1 });
}

/** The output shape of a layer, one formula per dimension. */
export function shapeContent(report: NodeReport, language: Language, title?: string): FormulaContent | null {
  const t = translator(language, 'app');
  const out = report.output;
  if (!out) return null;
  return {
    title: title ?? t('formula.shape', { name: report.name }),
    value: formatShape(out.shape),
    lines: out.dims.map((d, i) => ({ label: dimLabel(out.dims.length, i, t), formula: formulaText(language, d) })),
    note: t('formula.batch'),
  };
}

/** The parameter count of a layer, trainable and not. */
export function paramsContent(report: NodeReport, language: Language): FormulaContent | null {
  const t = translator(language, 'app');
  const pc = report.paramCount;
  if (!pc) return null;
  return {
    title: t('formula.params', { name: report.name }),
    value: formatNumber(language, pc.trainable.value + pc.nonTrainable.value),
    lines: [
      { label: t('formula.trainable'), formula: formulaText(language, pc.trainable) },
      { label: t('formula.nonTrainable'), formula: formulaText(language, pc.nonTrainable) },
    ],
  };
}

/** The multiply-accumulates of a layer for one sample. */
export function macsContent(report: NodeReport, language: Language): FormulaContent | null {
  const t = translator(language, 'app');
  if (!report.macs) return null;
  return {
    title: t('formula.macs', { name: report.name }),
    value: formatNumber(language, report.macs.value),
    lines: [{ formula: formulaText(language, report.macs) }],
  };
}

/** The activation memory of a layer for one sample. */
export function memoryContent(report: NodeReport, language: Language): FormulaContent | null {
  const t = translator(language, 'app');
  if (!report.memory) return null;
  return {
    title: t('formula.memory', { name: report.name }),
    value: formatBytes(report.memory.value),
    lines: [{ formula: formulaText(language, report.memory) }],
  };
}

/** A connection carries its source's output. */
export function edgeContent(source: NodeReport, targetName: string, language: Language): FormulaContent | null {
  const t = translator(language, 'app');
  return shapeContent(source, language, t('formula.edge', { source: source.name, target: targetName }));
}
