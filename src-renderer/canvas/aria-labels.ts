import type { AriaLabelConfig, Edge, Node } from '@xyflow/react';
// The app's translator type, named from src-shared so tests can build these labels without the DOM (as i18n.ts needs).
import type { Translator } from '../../src-shared/i18n/catalog';
import type { LayerNodeData, ShapeEdgeData } from './flow-model';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const isDirection = (d: string): d is (typeof DIRECTIONS)[number] => (DIRECTIONS as readonly string[]).includes(d);

/** React Flow's screen-reader texts in the user's language (its defaults are English). */
export function canvasAriaLabels(t: Translator<'app'>): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('canvas.a11y.node'),
    'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeKeyboard'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      t('canvas.a11y.moved', { direction: isDirection(direction) ? t(`canvas.a11y.${direction}`) : direction, x, y }),
    'edge.a11yDescription.default': t('canvas.a11y.edge'),
    'controls.ariaLabel': t('canvas.a11y.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
    'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
    'minimap.ariaLabel': t('canvas.a11y.minimap'),
    'handle.ariaLabel': t('canvas.a11y.handle'),
  };
}

/**
 * Gives each edge its accessible name by layer names (React Flow's default names node ids in
 * English). One labelled object per edge object, so unchanged edges keep their identity.
 */
export function edgeLabeller<E extends Edge<ShapeEdgeData>>(t: Translator<'app'>): (edge: E) => E {
  const labelled = new WeakMap<E, E>();
  return (edge) => {
    let found = labelled.get(edge);
    if (!found) {
      const names = edge.data
        ? { source: edge.data.sourceName, target: edge.data.targetName }
        : { source: edge.source, target: edge.target };
      const port = edge.data?.port;
      const ariaLabel = port != null ? t('canvas.a11y.edgeLabelPort', { ...names, n: port }) : t('canvas.a11y.edgeLabel', names);
      found = { ...edge, ariaLabel };
      labelled.set(edge, found);
    }
    return found;
  };
}

/**
 * Gives each layer its accessible name: its name and kind, and for a merge how many inputs it
 * joins and for a branching layer how many layers it feeds (a chain's layers need no counts).
 * One labelled object per node object, so unchanged nodes keep their identity.
 */
export function nodeLabeller<N extends Node<LayerNodeData>>(t: Translator<'app'>): (node: N) => N {
  const labelled = new WeakMap<N, N>();
  return (node) => {
    let found = labelled.get(node);
    if (!found) {
      const { name, kind, merge, inputs, outputs } = node.data;
      const label = t('canvas.a11y.nodeLabel', { name, kind: kind === 'InputLayer' ? 'Input' : kind });
      const details: string[] = [];
      if (merge) details.push(t('canvas.a11y.nodeInputs', { n: inputs }));
      if (outputs > 1 || (merge && outputs > 0)) details.push(t('canvas.a11y.nodeOutputs', { n: outputs }));
      found = { ...node, ariaLabel: details.length > 0 ? t('canvas.a11y.nodeDetails', { label, details: details.join(', ') }) : label };
      labelled.set(node, found);
    }
    return found;
  };
}
