import { useMemo } from 'react';
import { diffGraphs, isEmptyDiff } from '../../src-shared/runs/graph-diff';
import type { Graph } from '../../src-shared/graph/schema';
import { useLanguage } from '../i18n/i18n';
import { diffLines, diffTotals } from '../../src-shared/i18n/run-diff-text';
import { useExperimentsT } from './i18n';

interface Props {
  readonly before: { readonly name: string; readonly graph: Graph };
  readonly after: { readonly name: string; readonly graph: Graph };
  /** Which compared run `after` is (1 for the second ticked), for the test id. */
  readonly index: number;
}

/** What the second design changed of the first: layers removed, changed (with the settings that changed) and added, Δparams and ΔMACs. */
export function GraphDiffView({ before, after, index }: Props) {
  const t = useExperimentsT();
  const language = useLanguage();
  const diff = useMemo(() => diffGraphs(before.graph, after.graph), [before.graph, after.graph]);
  const lines = diffLines(language, t, diff);
  const totals = diffTotals(language, t, diff);
  return (
    <section className="rv-diff" data-testid={`compare-diff-${index}`} data-params-delta={diff.params.delta ?? ''}>
      <div className="rv-diff__pair">{t('diff.pair', { before: before.name, after: after.name })}</div>
      {isEmptyDiff(diff) ? (
        <p className="tp-muted">{t('diff.same')}</p>
      ) : (
        <>
          <div className="rv-diff__totals">
            <strong data-testid="diff-params">{totals.params}</strong>
            <strong data-testid="diff-macs">{totals.macs}</strong>
          </div>
          <ul className="rv-diff__list">
            {lines.map((line, i) => (
              <li key={i} className={`rv-diff__item rv-diff__item--${line.kind}`} data-testid={`diff-${line.kind}`} data-layer={line.name}>
                <span className={`rv-status rv-status--diff-${line.kind}`}>{t(`diff.${line.kind}`)}</span>
                <span className="rv-diff__kind">{line.layerKind}</span>
                <code>{line.name}</code>
                {line.details.map((d) => (
                  <span key={d} className="rv-diff__params">
                    {d}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
