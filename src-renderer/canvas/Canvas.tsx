import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import { layerKind } from '../../src-shared/layers/registry';
import { useT } from '../i18n/i18n';
import { canvasAriaLabels, edgeLabeller, nodeLabeller } from './aria-labels';
import { analysisOf } from '../store/analysis';
import { addLayer, connect, insertOnEdge, NODE_WIDTH, removeAndJoin, type XY } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { createFlowModel, type LayerFlowNode, type ShapeFlowEdge, type Size } from './flow-model';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';
import { LAYER_MIME } from './layer-drag';
import { openDroppedFile } from '../files/file-actions';
import { measuredHeights, useMeasuredStore } from './measured';
import { useFitView } from './use-fit-view';

// Declared once at module scope, as React Flow asks, so the canvas never remounts its nodes.
const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const MINIMAP_STYLE = { width: 168, height: 112 };

function groupColor(node: LayerFlowNode): string {
  return `var(--group-${node.data.group.toLowerCase()})`;
}

/** The connection a drop landed on: its line (React Flow's edge group) or its shape label. */
function edgeAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const hit = target.closest('[data-edge-id], .react-flow__edge[data-id]');
  return hit?.getAttribute('data-edge-id') ?? hit?.getAttribute('data-id') ?? null;
}

/** Applies React Flow's select changes to a list of selected ids. */
function applySelect(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] {
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

/** The network editor: React Flow, controlled by the project store. */
export function Canvas() {
  const t = useT();
  const graph = useProjectStore((s) => s.project.graph);
  const selection = useProjectStore((s) => s.selection);
  const measured = useMeasuredStore((s) => s.sizes);
  const analysis = useMemo(() => analysisOf(graph), [graph]);
  const build = useMemo(createFlowModel, []);
  const { nodes: modelNodes, edges: modelEdges } = useMemo(
    () => build(graph, analysis, selection, measured),
    [build, graph, analysis, selection, measured],
  );
  const labelEdge = useMemo(() => edgeLabeller<ShapeFlowEdge>(t), [t]);
  const edges = useMemo(() => modelEdges.map(labelEdge), [modelEdges, labelEdge]);
  const labelNode = useMemo(() => nodeLabeller<LayerFlowNode>(t), [t]);
  const nodes = useMemo(() => modelNodes.map(labelNode), [modelNodes, labelNode]);
  const ariaLabelConfig = useMemo(() => canvasAriaLabels(t), [t]);
  const { screenToFlowPosition } = useReactFlow<LayerFlowNode, ShapeFlowEdge>();

  const container = useRef<HTMLDivElement>(null);
  useFitView(container);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const sizes = new Map<string, Size>();
    const positions = new Map<string, XY>();
    const selects: { id: string; selected: boolean }[] = [];
    let dragEvent: boolean | undefined;
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
      else if (c.type === 'position') {
        if (c.position) positions.set(c.id, c.position);
        if (c.dragging !== undefined) dragEvent = (dragEvent ?? false) || c.dragging;
      } else if (c.type === 'select') selects.push(c);
      // 'remove' is handled once, with the edges, in onDelete.
    }
    if (sizes.size > 0) useMeasuredStore.getState().update(sizes);
    const store = useProjectStore.getState();
    if (positions.size > 0 || dragEvent !== undefined) store.move(positions, dragEvent ?? false);
    if (selects.length > 0) {
      const { selection: current } = useProjectStore.getState();
      store.select({ nodes: applySelect(current.nodes, selects), edges: current.edges });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    const store = useProjectStore.getState();
    store.select({ nodes: store.selection.nodes, edges: applySelect(store.selection.edges, selects) });
  }, []);

  const onConnect = useCallback((c: Connection) => {
    // A merge's numbered input points: drawn onto number k, the connection becomes input k.
    const port = /^in-(\d+)$/.exec(c.targetHandle ?? '');
    useProjectStore.getState().edit((g) => connect(g, c.source, c.target, port ? Number(port[1]) : undefined));
  }, []);

  const isValidConnection: IsValidConnection<ShapeFlowEdge> = useCallback((c) => c.source !== c.target, []);

  const onDelete: OnDelete<LayerFlowNode, ShapeFlowEdge> = useCallback(({ nodes: ns, edges: es }) => {
    useProjectStore.getState().edit((g) =>
      removeAndJoin(
        g,
        ns.map((n) => n.id),
        es.map((e) => e.id),
      ),
    );
  }, []);

  const [dropTarget, setDropTarget] = useState(false);
  const onDragOver = useCallback((e: DragEvent) => {
    const types = e.dataTransfer.types;
    if (!types.includes(LAYER_MIME) && !types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropTarget(true);
  }, []);
  const onDragLeave = useCallback((e: DragEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(false);
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      setDropTarget(false);
      const file = e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        void openDroppedFile(file);
        return;
      }
      const kindId = e.dataTransfer.getData(LAYER_MIME);
      const kind = layerKind(kindId);
      if (!kind) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const corner = { x: at.x - NODE_WIDTH / 2, y: at.y - 24 };
      // Dropped onto a connection: the layer goes into it, between its two ends.
      const edge = edgeAt(e.target);
      let added: string | undefined;
      useProjectStore.getState().edit((g) => {
        const r =
          (edge !== null ? insertOnEdge(g, kind.kind, edge, corner, measuredHeights()) : undefined) ?? addLayer(g, kind.kind, corner);
        added = r.id;
        return r.graph;
      });
      if (added) useProjectStore.getState().select({ nodes: [added], edges: [] });
    },
    [screenToFlowPosition],
  );

  const onPaneClick = useCallback(() => useUiStore.getState().closeFormula(), []);

  return (
    <div
      ref={container}
      className={`canvas${dropTarget ? ' is-drop-target' : ''}`}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      aria-label={t('canvas.label')}
    >
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        ariaLabelConfig={ariaLabelConfig}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onPaneClick={onPaneClick}
        onMoveStart={onPaneClick}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        minZoom={0.2}
        maxZoom={2}
        // The wheel scrolls, so the rest of a network taller than a readable fit is a scroll away; Ctrl+wheel or a pinch zooms.
        panOnScroll
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="var(--canvas-dot)" />
        <MiniMap<LayerFlowNode>
          pannable
          zoomable
          nodeColor={groupColor}
          nodeStrokeWidth={2}
          maskColor="rgba(246, 247, 249, 0.7)"
          style={MINIMAP_STYLE}
        />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      {graph.nodes.length === 0 && (
        <div className="canvas__empty" data-testid="canvas-empty">
          <div className="canvas__empty-title">{t('canvas.emptyTitle')}</div>
          <div className="canvas__empty-body">{t('canvas.emptyBody')}</div>
        </div>
      )}
    </div>
  );
}
