import { useMemo } from 'react';
import { planText } from '../../src-shared/i18n/issue-text';
import { useFeatureT, useLanguageStore, useT } from '../i18n/i18n';
import { analysisOf, summaryOf } from '../store/analysis';
import { isDirty, useProjectStore } from '../store/project-store';
import { trainabilityOf } from '../training/trainability';

/** One line at the bottom: validity (and whether it can train on the chosen dataset), size of the network, save state. */
export function StatusBar() {
  const t = useT();
  const tt = useFeatureT('training');
  const language = useLanguageStore((s) => s.language);
  const graph = useProjectStore((s) => s.project.graph);
  const dataset = useProjectStore((s) => s.project.training.dataset);
  const dirty = useProjectStore(isDirty);
  const fileName = useProjectStore((s) => s.fileName);
  const analysis = useMemo(() => analysisOf(graph), [graph]);
  const summary = summaryOf(analysis);
  const trainability = summary ? trainabilityOf(graph, undefined, dataset) : null;
  const blocked = trainability && !trainability.ok && trainability.kind === 'incompatible' ? trainability.problem : null;
  const n = analysis.issues.length;
  return (
    <footer className="statusbar" data-testid="statusbar">
      {blocked ? (
        <span
          className="statusbar__state is-error"
          data-testid="status-validity"
          data-trainable="false"
          title={planText(language, blocked)}
        >
          <span className="dot" aria-hidden="true" />
          {t('status.cannotTrain', {
            dataset: tt(`settings.dataset.${dataset}`),
            reason: t(`status.trainable.${blocked.code}`, blocked.values),
          })}
        </span>
      ) : (
        <span className={`statusbar__state ${summary ? 'is-ok' : 'is-error'}`} data-testid="status-validity">
          <span className="dot" aria-hidden="true" />
          {summary ? t('status.valid') : t('status.problems', { n })}
        </span>
      )}
      <span>{t('status.layers', { n: graph.nodes.length })}</span>
      {summary && <span>{t('status.params', { n: summary.totalParams })}</span>}
      <span className="spacer" />
      {fileName && <span className="statusbar__file">{fileName}</span>}
      <span className={dirty ? 'statusbar__dirty' : undefined}>{dirty ? t('status.unsaved') : t('status.saved')}</span>
    </footer>
  );
}
