import type { GraphIssue } from '../../src-shared/graph/issues';
import type { GraphNode } from '../../src-shared/graph/schema';
import type { NodeReport } from '../../src-shared/graph/analyze';
import { layerKind } from '../../src-shared/layers/registry';
import { issueText } from '../../src-shared/i18n/issue-text';
import { useLanguage, useT } from '../i18n/i18n';
import { deleteSelection } from './delete-selection';
import { effectiveParam } from './effective-param';
import { Metrics } from './Metrics';
import { NameField } from './NameField';
import { ParamField } from './ParamField';
import { explainLayer } from '../learn/learn-store';
import { isMergeNode } from '../store/ports';
import { MergeInputs } from './MergeInputs';
import { WhatIfStrip } from './WhatIfStrip';

/** Layers whose arithmetic the Learn lab can step through on their real input. */
const EXPLAINABLE = new Set(['Conv2D', 'MaxPooling2D', 'AveragePooling2D']);

/** The form of one layer: its problems, metrics, name and every parameter of its kind. */
export function LayerInspector({
  node,
  report,
  issues,
}: {
  node: GraphNode;
  report: NodeReport | undefined;
  issues: readonly GraphIssue[];
}) {
  const t = useT();
  const language = useLanguage();
  const kind = layerKind(node.kind);
  const fieldNames = new Set(kind?.fields.map((f) => f.name) ?? []);
  const errorsFor = (param: string) => issues.filter((i) => i.param === param).map((i) => issueText(language, i));
  const general = issues.filter((i) => i.param === undefined || (!fieldNames.has(i.param) && i.param !== 'name'));
  return (
    <div className={`inspector__body group-${(kind?.group ?? 'Core').toLowerCase()}`} data-testid="inspector-layer">
      <div className="inspector__kind">
        <span className="inspector__kind-name">{node.kind === 'InputLayer' ? 'Input' : node.kind}</span>
        <span className="inspector__kind-sub">{t(`kind.${node.kind}`)}</span>
      </div>
      {general.length > 0 && (
        <div className="callout callout--error" role="alert" data-testid="inspector-problems">
          {general
            .map((i) => issueText(language, i))
            .map((text) => (
              <p key={text}>{text}</p>
            ))}
        </div>
      )}
      {report && <Metrics report={report} />}
      {EXPLAINABLE.has(node.kind) && (
        <button type="button" className="btn btn--small" data-testid="btn-explain-layer" onClick={() => explainLayer(node.id)}>
          {t('inspector.explain')}
        </button>
      )}
      <NameField node={node} errors={errorsFor('name')} />
      {isMergeNode(node) && <MergeInputs node={node} />}
      {kind && kind.fields.length > 0 && <div className="inspector__section">{t('inspector.settings')}</div>}
      {kind?.fields.map((f) => (
        <ParamField
          key={f.name}
          nodeId={node.id}
          field={f}
          raw={node.params[f.name]}
          effective={effectiveParam(node, report, f.name)}
          errors={errorsFor(f.name)}
        />
      ))}
      <WhatIfStrip nodeId={node.id} />
      <button type="button" className="btn btn--danger-ghost inspector__delete" data-testid="inspector-delete" onClick={deleteSelection}>
        {t('inspector.delete')}
      </button>
    </div>
  );
}
