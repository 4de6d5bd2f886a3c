import { useMemo } from 'react';
import { useT } from '../i18n/i18n';
import { analysisOf, issuesOfNode } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { deleteSelection } from './delete-selection';
import { EdgeInspector } from './EdgeInspector';
import { LayerInspector } from './LayerInspector';

/** The right-hand panel: the selected layer's form, or what to do when nothing is selected. */
export function Inspector() {
  const t = useT();
  const graph = useProjectStore((s) => s.project.graph);
  const selection = useProjectStore((s) => s.selection);
  const analysis = useMemo(() => analysisOf(graph), [graph]);
  const count = selection.nodes.length;
  const node = count === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  let body;
  if (node)
    body = <LayerInspector key={node.id} node={node} report={analysis.nodes.get(node.id)} issues={issuesOfNode(analysis, node.id)} />;
  else if (count > 1)
    body = (
      <div className="inspector__body">
        <p className="inspector__multi">{t('inspector.multi', { n: count })}</p>
        <button type="button" className="btn btn--danger-ghost" data-testid="inspector-delete" onClick={deleteSelection}>
          {t('inspector.deleteMany', { n: count })}
        </button>
      </div>
    );
  else if (selection.edges.length === 1) body = <EdgeInspector key={selection.edges[0]} edgeId={selection.edges[0]!} />;
  else
    body = (
      <div className="inspector__empty">
        <p>{t('inspector.empty')}</p>
        <p className="inspector__empty-hint">{t('inspector.emptyHint')}</p>
      </div>
    );
  return (
    <aside className="inspector" aria-label={t('inspector.title')} data-testid="inspector" data-node={node?.name}>
      <div className="panel-title">{t('inspector.title')}</div>
      <div className="inspector__scroll">{body}</div>
    </aside>
  );
}
