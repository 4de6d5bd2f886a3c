import { useMemo } from 'react';
import { useT } from '../i18n/i18n';
import { analysisOf, summaryOf } from '../store/analysis';
import { isDirty, useProjectStore } from '../store/project-store';

/** One line at the bottom: validity, size of the network, save state. */
export function StatusBar() {
  const t = useT();
  const graph = useProjectStore((s) => s.project.graph);
  const dirty = useProjectStore(isDirty);
  const fileName = useProjectStore((s) => s.fileName);
  const analysis = useMemo(() => analysisOf(graph), [graph]);
  const summary = summaryOf(analysis);
  const n = analysis.issues.length;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`statusbar__state ${summary ? 'is-ok' : 'is-error'}`}>
        <span className="dot" aria-hidden="true" />
        {summary ? t('status.valid') : n === 1 ? t('status.problem') : t('status.problems', { n })}
      </span>
      <span>{t('status.layers', { n: graph.nodes.length })}</span>
      {summary && <span>{t('status.params', { n: summary.totalParams })}</span>}
      <span className="spacer" />
      {fileName && <span className="statusbar__file">{fileName}</span>}
      <span className={dirty ? 'statusbar__dirty' : undefined}>{dirty ? t('status.unsaved') : t('status.saved')}</span>
    </footer>
  );
}
