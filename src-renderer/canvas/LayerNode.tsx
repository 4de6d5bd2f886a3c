import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { issueText } from '../../src-shared/i18n/issue-text';
import { describeText } from '../../src-shared/i18n/layer-text';
import { useLanguage, useT } from '../i18n/i18n';
import { showNodeFormula } from '../summary/show-formula';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { inputAnchor } from '../store/ports';
import type { Translate } from '../i18n/i18n';
import type { LayerFlowNode, LayerNodeData } from './flow-model';

/**
 * Escape on a focused badge closes its formula and stops there: React Flow would otherwise take
 * the key as "toggle this node's selection" and change the selection behind the popover.
 */
function onBadgeKeyDown(e: KeyboardEvent<HTMLButtonElement>): void {
  const ui = useUiStore.getState();
  if (e.key !== 'Escape' || !ui.popover) return;
  e.stopPropagation();
  ui.closeFormula();
}

/**
 * The input points of a layer: one in the middle; on a merge, one numbered point per connection in
 * input order and a free one after them, so another input can always be drawn in (onto a number to
 * take that place).
 */
function InputHandles({ data, t }: { data: LayerNodeData; t: Translate }) {
  if (data.kind === 'InputLayer') return null;
  if (!data.merge) {
    return (
      <Handle
        type="target"
        position={Position.Top}
        id="in"
        className="layer-handle"
        data-testid="handle-in"
        aria-label={t('canvas.a11y.input', { name: data.name })}
      />
    );
  }
  const count = data.inputs;
  return (
    <>
      {Array.from({ length: count + 1 }, (_, i) => {
        const free = i === count;
        return (
          <Handle
            key={i}
            type="target"
            position={Position.Top}
            id={`in-${i}`}
            className={`layer-handle layer-handle--port${free ? ' is-free' : ''}`}
            style={{ left: `${inputAnchor(i, count, true) * 100}%` }}
            data-testid={`handle-in-${i}`}
            aria-label={t(free ? 'canvas.a11y.portFree' : 'canvas.a11y.port', { n: i + 1, name: data.name })}
            title={t('canvas.portTip', { n: i + 1 })}
          >
            <span className="layer-handle__number" aria-hidden="true">
              {i + 1}
            </span>
          </Handle>
        );
      })}
    </>
  );
}

/** One layer on the canvas: kind, name, settings, output shape, parameter count and problems. */
function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const t = useT();
  const language = useLanguage();
  const problems = data.problems.map((issue) => issueText(language, issue));
  const bad = problems.length > 0;
  // A badge explains a number of this layer, so clicking it also selects the layer (as a click
  // on a connection's label selects the connection).
  const formula = (which: 'shape' | 'params') => (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    useProjectStore.getState().select({ nodes: [id], edges: [] });
    showNodeFormula(e.currentTarget, id, which, language);
  };
  const classes = ['layer-node', `group-${data.group.toLowerCase()}`, bad ? 'has-error' : '', selected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid={`node-${data.name}`} title={bad ? problems.join('\n') : undefined}>
      <InputHandles data={data} t={t} />
      <div className="layer-node__name">{data.name}</div>
      <div className="layer-node__line">
        <span className="layer-node__kind" title={t(`kind.${data.kind}`)}>
          {data.kind === 'InputLayer' ? 'Input' : data.kind}
        </span>
        <span className="layer-node__desc">{data.description ? describeText(language, data.description) : '—'}</span>
      </div>
      <div className="layer-node__foot">
        <button
          type="button"
          className={`chip chip--shape nodrag${data.shape ? '' : ' is-unknown'}`}
          data-testid="node-shape"
          title={t('node.shapeTip')}
          onClick={formula('shape')}
          onKeyDown={onBadgeKeyDown}
          disabled={!data.shape}
        >
          {data.shape ?? t('node.noShape')}
        </button>
        {data.params !== null && (
          <button
            type="button"
            className="chip chip--params nodrag"
            data-testid="node-params"
            title={t('node.paramsTip')}
            onClick={formula('params')}
            onKeyDown={onBadgeKeyDown}
          >
            {t('node.params', { n: data.params })}
          </button>
        )}
      </div>
      {bad && (
        <div className="layer-node__error" data-testid="node-error" role="alert">
          <span className="layer-node__error-text">{problems[0]}</span>
          {problems.length > 1 && <span className="layer-node__error-more">+{problems.length - 1}</span>}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        id="out"
        className="layer-handle"
        data-testid="handle-out"
        aria-label={t('canvas.a11y.output', { name: data.name })}
      />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
