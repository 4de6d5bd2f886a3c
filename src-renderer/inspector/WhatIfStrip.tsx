import { useMemo } from 'react';
import type { Translator } from '../../src-shared/i18n/catalog';
import type { Language } from '../../src-shared/i18n/language';
import { formatBytesApprox, formatCountApprox } from '../../src-shared/i18n/format';
import { issueText } from '../../src-shared/i18n/issue-text';
import { formatShape } from '../../src-shared/layers/format';
import type { WhatIfTotals } from '../../src-shared/what-if/outcome';
import { whatIfsOf, type WhatIf } from '../../src-shared/what-if/what-if';
import { useFeatureT, useLanguage } from '../i18n/i18n';
import { analysisOf, summaryOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { applyWhatIf } from './apply-what-if';
import './what-if.css';

type Translate = Translator<'whatif'>;

/** A change with its sign ("+160", "−27,000", "±0"). */
function signed(n: number, format: (abs: number) => string): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`;
}

const TOTALS: readonly { readonly key: keyof WhatIfTotals; readonly label: 'params' | 'macs' | 'memory'; readonly bytes: boolean }[] = [
  { key: 'params', label: 'params', bytes: false },
  { key: 'macs', label: 'macs', bytes: false },
  { key: 'memoryBytes', label: 'memory', bytes: true },
];

/** One alternative as a button: what it is, then its costs and changed shapes, or why it breaks the network. */
function WhatIfCard({ whatIf, t, language }: { whatIf: WhatIf; t: Translate; language: Language }) {
  const { alternative, outcome } = whatIf;
  const label = t(`alt.${alternative.code}`, alternative.values);
  const id = `whatif-${alternative.id}`;
  return (
    <button
      type="button"
      className={`what-if__card${outcome.ok ? '' : ' what-if__card--breaks'}`}
      data-testid={id}
      title={t(outcome.ok ? 'apply' : 'explainBreak', { change: label })}
      onClick={() => applyWhatIf(alternative.edit)}
    >
      <span className="what-if__label">{label}</span>
      {outcome.ok ? (
        <>
          {TOTALS.map(({ key, label: name, bytes }) => {
            const format = (n: number) => (bytes ? formatBytesApprox(language, n) : formatCountApprox(language, n));
            const delta = outcome.delta[key];
            return (
              <span key={key} className="what-if__total" data-testid={`${id}-${name}`} data-delta={delta} data-total={outcome.totals[key]}>
                <span className="what-if__name">{t(name)}</span>
                <span className={`what-if__delta${delta > 0 ? ' is-up' : delta < 0 ? ' is-down' : ''}`}>
                  {t('change', { delta: signed(delta, format), total: format(outcome.totals[key]) })}
                </span>
              </span>
            );
          })}
          {outcome.shapes.length === 0 ? (
            <span className="what-if__shapes what-if__shapes--none">{t('noShapes')}</span>
          ) : (
            <span className="what-if__shapes" data-testid={`${id}-shapes`}>
              <span className="what-if__name">{t('shapes')}</span>
              {outcome.shapes.map((s) => (
                <span key={s.node} className="what-if__shape">
                  {t('shape', { name: s.name, before: formatShape(s.before), after: formatShape(s.after) })}
                </span>
              ))}
            </span>
          )}
        </>
      ) : (
        <span className="what-if__why" data-testid={`${id}-breaks`}>
          <span className="what-if__name">{t('breaks')}</span>
          {outcome.issues.map((issue) => {
            const text = issueText(language, issue);
            return (
              <span key={text} className="what-if__issue">
                {text}
              </span>
            );
          })}
        </span>
      )}
    </button>
  );
}

/** "What if…": for the selected layer, each alternative that matters with what it would do to the network; a click makes it. */
export function WhatIfStrip({ nodeId }: { nodeId: string }) {
  const t = useFeatureT('whatif');
  const language = useLanguage();
  const graph = useProjectStore((s) => s.project.graph);
  const list = useMemo(() => {
    const analysis = analysisOf(graph);
    return whatIfsOf(graph, analysis, summaryOf(analysis), nodeId);
  }, [graph, nodeId]);
  if (list.length === 0) return null;
  const titleId = `what-if-title-${nodeId}`;
  return (
    <section className="what-if" aria-labelledby={titleId} data-testid="what-if">
      <div className="inspector__section" id={titleId}>
        {t('title')}
      </div>
      <p className="what-if__help">{t('help')}</p>
      <ul className="what-if__list">
        {list.map((w) => (
          <li key={w.alternative.id}>
            <WhatIfCard whatIf={w} t={t} language={language} />
          </li>
        ))}
      </ul>
    </section>
  );
}
