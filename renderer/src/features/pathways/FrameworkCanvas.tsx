/**
 * The framework's pathway on a React Flow canvas, controlled by the project store.
 *
 * Subscriptions are narrow: this component listens to the open framework's `nodes` and `edges`
 * arrays only (plus the selection), so an edit elsewhere in the project does not re-derive the
 * graph, and `FlowModel` hands back the same node objects for steps that did not change.
 *
 * A drag is one undo step: `beginGesture` when it starts, `updateGesture` with each frame's
 * positions, `endGesture` on drop. Selection lives in the editor store (view state, not history).
 */
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  getNodesBounds,
  useNodesInitialized,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnReconnect,
} from '@xyflow/react';
import { useComputedColorScheme } from '@mantine/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connectNodes, disconnectEdges, moveNodes, reconnectEdge } from '../../../../shared/domain/commands/pathway-commands';
import { newId } from '../../../../shared/domain/ids';
import type { PathwayEdge, PathwayNode } from '../../../../shared/domain/schema';
import { useProject, useServices } from '../../app/services';
import { frameworkIn } from './editor-actions';
import { editorStore, useEditor } from './editor-store';
import { FlowModel, type Catalog, type Dimensions, type ProblemMark, type StepFlowNode } from './flow-model';
import { NODE_TYPES } from './StepNode';

const NO_NODES: readonly PathwayNode[] = [];
const NO_EDGES: readonly PathwayEdge[] = [];

/** From this many steps on, only the steps in view are drawn (measured in scripts/bench/graph-fps.ts). */
export const VISIBLE_ONLY_FROM = 300;

const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1 } as const;
const SNAP_GRID: [number, number] = [8, 8];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 168, height: 112 };
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select this step. Arrow keys move the selected steps; Alt+arrow goes to the next step that way; Delete removes it.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter or Space to select this step.',
  'edge.a11yDescription.default': 'A connection: the first step comes before the second.',
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole pathway in view',
  'minimap.ariaLabel': 'Overview of the whole pathway',
  'handle.ariaLabel': 'Connection point: drag to another step to connect',
};

const miniMapClass = (node: StepFlowNode): string => `plp-minimap-node plp-minimap-${node.type ?? 'core'}${node.selected ? ' plp-minimap-selected' : ''}`;

export type ZoomLevel = 'near' | 'mid' | 'far';

/**
 * Semantic zoom, by how readable a step's text is: near, everything; mid, the title alone, large;
 * far, coloured blocks (text too small to read, and the most expensive thing to paint).
 */
function useZoomLevel(): ZoomLevel {
  return useFlowStore((state) => (state.transform[2] < 0.3 ? 'far' : state.transform[2] < 0.55 ? 'mid' : 'near'));
}

/**
 * The first view of a framework: all of it when it fits at a readable zoom; otherwise, for a
 * pathway of a few dozen steps, its beginning at a readable zoom (the minimap shows the rest and
 * "Zoom to fit" the whole); a very large one is shown whole.
 */
function useInitialView(startedEmpty: boolean): void {
  const flow = useReactFlow<StepFlowNode>();
  const storeApi = useStoreApi<StepFlowNode>();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    // A framework that opened empty keeps the user's view: the first step dropped must not make it jump.
    if (startedEmpty || !initialized || done.current) return;
    done.current = true;
    const nodes = flow.getNodes();
    const { width, height } = storeApi.getState();
    if (nodes.length === 0 || width === 0 || height === 0) return;
    const bounds = getNodesBounds(nodes);
    const fit = Math.min(width / (bounds.width * 1.12), height / (bounds.height * 1.12));
    if (fit >= READABLE_ZOOM || nodes.length > 150) {
      void flow.fitView(FIT_VIEW_OPTIONS);
      return;
    }
    const zoom = Math.min(0.85, height / (bounds.height * 1.1));
    void flow.setViewport({ x: 48 - bounds.x * zoom, y: height / 2 - (bounds.y + bounds.height / 2) * zoom, zoom });
  }, [startedEmpty, initialized, flow, storeApi]);
}

const READABLE_ZOOM = 0.6;

function InitialView({ startedEmpty }: { startedEmpty: boolean }) {
  useInitialView(startedEmpty);
  return null;
}

interface CanvasProps {
  frameworkId: string;
  catalog: Catalog;
  nodeMarks: ReadonlyMap<string, ProblemMark>;
  edgeMarks: ReadonlyMap<string, ProblemMark>;
}

function FrameworkCanvasComponent({ frameworkId, catalog, nodeMarks, edgeMarks }: CanvasProps) {
  const { store } = useServices();
  const scheme = useComputedColorScheme('light');
  const nodes = useProject((state) => frameworkIn(state, frameworkId)?.nodes ?? NO_NODES);
  const edges = useProject((state) => frameworkIn(state, frameworkId)?.edges ?? NO_EDGES);
  const selectedNodes = useEditor((state) => state.selectedNodes);
  const selectedEdges = useEditor((state) => state.selectedEdges);
  const [model] = useState(() => new FlowModel());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(() => new Map());
  const zoomLevel = useZoomLevel();
  const far = zoomLevel === 'far';
  const [startedEmpty] = useState(() => nodes.length === 0);
  const reconnected = useRef(false);

  const flowNodes = useMemo(() => model.nodes(nodes, catalog, selectedNodes, measured, nodeMarks), [model, nodes, catalog, selectedNodes, measured, nodeMarks]);
  // Far out, arrowheads are specks, and 1,000 SVG markers are costly to paint: drop them.
  const flowEdges = useMemo(() => model.edges(edges, flowNodes, selectedEdges, edgeMarks, { arrows: !far }), [model, edges, flowNodes, selectedEdges, edgeMarks, far]);

  // While dragging, positions are written to the project once per animation frame (just before
  // it is drawn), however many pointer events arrive in between.
  const pendingMoves = useRef<Map<string, { x: number; y: number }> | null>(null);
  const moveFrame = useRef(0);
  const flushMoves = useCallback(() => {
    if (moveFrame.current) cancelAnimationFrame(moveFrame.current);
    moveFrame.current = 0;
    const positions = pendingMoves.current;
    pendingMoves.current = null;
    if (!positions) return;
    const state = store.getState();
    const command = moveNodes(frameworkId, positions);
    if (state.history?.gesture) state.updateGesture(command);
    else state.run(command);
  }, [store, frameworkId]);
  useEffect(() => () => cancelAnimationFrame(moveFrame.current), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      let positions: Map<string, { x: number; y: number }> | null = null;
      let dragging = false;
      let sizes: [string, Dimensions][] | null = null;
      let selections: { id: string; selected: boolean }[] | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          (positions ??= new Map()).set(change.id, change.position);
          if (change.dragging) dragging = true;
        }
        else if (change.type === 'dimensions' && change.dimensions) (sizes ??= []).push([change.id, change.dimensions]);
        else if (change.type === 'select') (selections ??= []).push({ id: change.id, selected: change.selected });
      }
      if (sizes) {
        const measuredNow = sizes;
        setMeasured((previous) => {
          let next: Map<string, Dimensions> | null = null;
          for (const [id, size] of measuredNow) {
            const current = previous.get(id);
            if (current && current.width === size.width && current.height === size.height) continue;
            next ??= new Map(previous);
            next.set(id, { width: size.width, height: size.height });
          }
          return next ?? previous;
        });
      }
      if (selections) editorStore.getState().applySelectionChanges(selections, []);
      if (positions) {
        const pending = (pendingMoves.current ??= new Map());
        for (const [id, position] of positions) pending.set(id, position);
        if (dragging && store.getState().history?.gesture) {
          if (!moveFrame.current) moveFrame.current = requestAnimationFrame(flushMoves);
        } else {
          flushMoves();
        }
      }
    },
    [store, flushMoves],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selections: { id: string; selected: boolean }[] = [];
    for (const change of changes) if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
    if (selections.length > 0) editorStore.getState().applySelectionChanges([], selections);
  }, []);

  const onDragStart = useCallback(
    (_event: unknown, _node: unknown, dragged: readonly StepFlowNode[]) => {
      store.getState().beginGesture(dragged.length === 1 ? 'Move step' : `Move ${dragged.length} steps`);
    },
    [store],
  );
  const onSelectionDragStart = useCallback((_event: unknown, dragged: readonly StepFlowNode[]) => onDragStart(null, null, dragged), [onDragStart]);
  const onDragStop = useCallback(() => {
    flushMoves();
    store.getState().endGesture();
  }, [store, flushMoves]);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      if (!connection.source || !connection.target || connection.source === connection.target) return false;
      const current = frameworkIn(store.getState(), frameworkId);
      return !current?.edges.some((edge) => edge.source === connection.source && edge.target === connection.target);
    },
    [store, frameworkId],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = store.getState().run(() => connectNodes(frameworkId, { id: newId('edge'), source: connection.source, target: connection.target }));
      if (result.ok) editorStore.getState().clearSelection();
    },
    [store, frameworkId],
  );

  const onReconnectStart = useCallback(() => {
    reconnected.current = false;
  }, []);
  const onReconnect: OnReconnect = useCallback(
    (edge, connection) => {
      reconnected.current = true;
      store.getState().run(() => reconnectEdge(frameworkId, edge.id, { source: connection.source, target: connection.target }));
    },
    [store, frameworkId],
  );
  /** Dropping a connection's end on empty canvas removes the connection. */
  const onReconnectEnd = useCallback(
    (_event: unknown, edge: Edge) => {
      if (!reconnected.current) store.getState().run(() => disconnectEdges(frameworkId, [edge.id]));
      reconnected.current = false;
    },
    [store, frameworkId],
  );

  return (
    <ReactFlow<StepFlowNode>
      className="plp-flow"
      data-zoom={zoomLevel}
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={NODE_TYPES}
      colorMode={scheme}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={onDragStart}
      onNodeDragStop={onDragStop}
      onSelectionDragStart={onSelectionDragStart}
      onSelectionDragStop={onDragStop}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onReconnectStart={onReconnectStart}
      onReconnect={onReconnect}
      onReconnectEnd={onReconnectEnd}
      connectionLineType={ConnectionLineType.Bezier}
      connectionRadius={28}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      edgesFocusable={false}
      snapToGrid
      snapGrid={SNAP_GRID}
      minZoom={0.02}
      maxZoom={2}
      onlyRenderVisibleElements={nodes.length >= VISIBLE_ONLY_FROM && !far}
      proOptions={PRO_OPTIONS}
      ariaLabelConfig={ARIA_LABELS}
    >
      <InitialView startedEmpty={startedEmpty} />
      <Background variant={BackgroundVariant.Dots} gap={24} size={1.4} />
      <MiniMap<StepFlowNode> pannable zoomable nodeClassName={miniMapClass} nodeBorderRadius={6} className="plp-minimap" style={MINIMAP_STYLE} />
      <Controls showInteractive={false} className="plp-controls" />
    </ReactFlow>
  );
}

export const FrameworkCanvas = memo(FrameworkCanvasComponent);
