import { formatShape } from '../../src-shared/layers/format';
import { issueText } from '../../src-shared/i18n/issue-text';
import { useLanguage, useT } from '../i18n/i18n';
import { analysisOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { showEdgeFormula } from '../summary/show-formula';
import { deleteSelection } from './delete-selection';
import { inboundEdges, isMergeNode } from '../store/ports';

/** A selected connection: what it carries, its problems, and a way to delete it. */
export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const t = useT();
  const language = useLanguage();
  const graph = useProjectStore((s) => s.project.graph);
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (!edge) return null;
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  const analysis = analysisOf(graph);
  const out = analysis.nodes.get(edge.source)?.output;
  const problems = analysis.issues.filter((i) => 'edge' in i.target && i.target.edge === edgeId);
  const inputs = isMergeNode(target) ? inboundEdges(graph, edge.target) : [];
  const port = inputs.findIndex((e) => e.id === edgeId);
  return (
    <div className="inspector__body" data-testid="inspector-edge">
      <div className="inspector__kind">
        <span className="inspector__kind-name">{t('inspector.edge')}</span>
        <span className="inspector__kind-sub">
          {source?.name ?? '?'} → {target?.name ?? '?'}
        </span>
      </div>
      {problems.length > 0 && (
        <div className="callout callout--error" role="alert">
          {problems
            .map((i) => issueText(language, i))
            .map((text) => (
              <p key={text}>{text}</p>
            ))}
        </div>
      )}
      <dl className="metrics">
        <div className="metrics__row">
          <dt>{t('inspector.edgeCarries')}</dt>
          <dd>
            {out ? (
              <button
                type="button"
                className="link-value"
                onClick={(e) => showEdgeFormula(e.currentTarget, edge.source, target?.name ?? '?', language)}
              >
                {formatShape(out.shape)}
              </button>
            ) : (
              <span className="metrics__unknown">—</span>
            )}
          </dd>
        </div>
      </dl>
      {port >= 0 && (
        <p className="inspector__edge-port" data-testid="inspector-edge-port">
          {t('inspector.edgePort', { n: port + 1, count: inputs.length, name: target?.name ?? '?' })}
        </p>
      )}
      <button type="button" className="btn btn--danger-ghost inspector__delete" onClick={deleteSelection}>
        {t('inspector.edgeDelete')}
      </button>
    </div>
  );
}
