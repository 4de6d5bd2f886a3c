import { memo, type MouseEvent } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { issueText } from '../../src-shared/i18n/issue-text';
import { useLanguage } from '../i18n/i18n';
import { showEdgeFormula } from '../summary/show-formula';
import { useProjectStore } from '../store/project-store';
import type { ShapeFlowEdge } from './flow-model';
import { detourPath, mergeInputPath } from './detour';

/**
 * A connection, labelled with the shape of the tensor it carries (and, into a merge, which input it
 * feeds); click the label for the formula. One that would cross other layers goes round them.
 */
const bezier = ([path, labelX, labelY]: [string, number, number, number, number]) => ({ path, labelX, labelY });

function ShapeEdgeView({
  id,
  source,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
  selected,
}: EdgeProps<ShapeFlowEdge>) {
  const language = useLanguage();
  const { path, labelX, labelY } = data?.detour
    ? detourPath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data.detour)
    : data?.port != null
      ? mergeInputPath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY })
      : bezier(getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition }));
  const bad = Boolean(data?.problem);
  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    useProjectStore.getState().select({ nodes: [], edges: [id] });
    if (data) showEdgeFormula(e.currentTarget, source, data.targetName, language);
  };
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd ? { markerEnd } : {})}
        className={`shape-edge${bad ? ' has-error' : ''}${selected ? ' is-selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`edge-label nodrag nopan${bad ? ' has-error' : ''}${selected ? ' is-selected' : ''}${data?.shape ? '' : ' is-unknown'}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-${data?.sourceName ?? ''}-${data?.targetName ?? ''}`}
          data-edge-id={id}
          title={data?.problem ? issueText(language, data.problem) : undefined}
          onClick={onClick}
        >
          {data?.port != null && (
            <span className="edge-label__port" data-testid="edge-port">
              {data.port}
            </span>
          )}
          {data?.shape ?? (bad ? '!' : '?')}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
