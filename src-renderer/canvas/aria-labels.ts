import type { AriaLabelConfig, Edge } from '@xyflow/react';
import type { Translate } from '../i18n/i18n';
import type { ShapeEdgeData } from './flow-model';

const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const isDirection = (d: string): d is (typeof DIRECTIONS)[number] => (DIRECTIONS as readonly string[]).includes(d);

/** React Flow's screen-reader texts in the user's language (its defaults are English). */
export function canvasAriaLabels(t: Translate): Partial<AriaLabelConfig> {
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
export function edgeLabeller<E extends Edge<ShapeEdgeData>>(t: Translate): (edge: E) => E {
  const labelled = new WeakMap<E, E>();
  return (edge) => {
    let found = labelled.get(edge);
    if (!found) {
      const names = edge.data
        ? { source: edge.data.sourceName, target: edge.data.targetName }
        : { source: edge.source, target: edge.target };
      found = { ...edge, ariaLabel: t('canvas.a11y.edgeLabel', names) };
      labelled.set(edge, found);
    }
    return found;
  };
}
