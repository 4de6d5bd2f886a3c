import type { Language } from '../i18n/i18n';
import { analysisOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { edgeContent, macsContent, memoryContent, paramsContent, shapeContent, type FormulaContent } from './formulas';

export type FormulaKind = 'shape' | 'params' | 'macs' | 'memory';

function show(anchor: Element, content: FormulaContent | null): void {
  if (content) useUiStore.getState().showFormula(anchor.getBoundingClientRect(), content);
}

/** Opens the popover with a layer's formula, under the element that was clicked. */
export function showNodeFormula(anchor: Element, nodeId: string, which: FormulaKind, language: Language): void {
  const report = analysisOf(useProjectStore.getState().project.graph).nodes.get(nodeId);
  if (!report) return;
  const content =
    which === 'shape'
      ? shapeContent(report, language)
      : which === 'params'
        ? paramsContent(report, language)
        : which === 'macs'
          ? macsContent(report, language)
          : memoryContent(report, language);
  show(anchor, content);
}

/** Opens the popover with the shape a connection carries. */
export function showEdgeFormula(anchor: Element, sourceId: string, targetName: string, language: Language): void {
  const report = analysisOf(useProjectStore.getState().project.graph).nodes.get(sourceId);
  if (report) show(anchor, edgeContent(report, targetName, language));
}
