import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  ViewportPortal,
  type Connection as FlowConnection,
  type FinalConnectionState,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { createFlowBuilder, elementIdOf, LANE_NODE_PREFIX, STAGE_NODE_PREFIX, type JourneyNode } from './flowModel';
import { nodeTypes } from './nodes/nodeTypes';
import { edgeTypes } from './edges/JourneyEdge';
import { DraggedConnections } from './edges/DraggedConnections';
import { useDraggedConnections } from './edges/useDraggedConnections';
import { createIssueSummarizer } from './issues';
import { findingsOf, layoutOf, mapOf } from '../editor/derived';
import { toMapDoc } from '../../shared/document/mapDoc';
import { toggleLayout, useLayoutPrefs } from './layoutPrefs';
import { StickyGridLabels } from './StickyGridLabels';
import './canvasZoom.css';
import './pointer.css';

const NO_SELECTION: ReadonlySet<string> = new Set();
const NO_DRAG: ReadonlyMap<string, { x: number; y: number }> = new Map();
import { cardTargetCell, dropInvocations } from './dropTargets';
import { DropTargetOverlay, type DropTarget } from './DropTargetOverlay';
import { describeCardMove } from '../editor/describeChange';
import type { GridLayout } from '../../shared/layout/grid';
import type { MapDoc } from '../../shared/document/mapDoc';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { connect } from '../../shared/document/commands';
import { newId } from '../../shared/ids';
import { PALETTE_MIME, useAddFromPalette } from './usePaletteActions';
import type { PaletteKind } from '../editor/placement';

const FIT_VIEW_OPTIONS = { padding: 0.04 };
const MINIMAP_STYLE = { width: 160, height: 100 };
const LARGE_MAP_NODES = 300;
/**
 * A large map opens on its beginning at a zoom where cards read, not fitted: fitted, hundreds of cards are
 * specks, and drawing them all made the map take seconds to appear. "Fit map" still shows the whole of it.
 */
const LARGE_MAP_START = { x: 24, y: 24, zoom: 0.6 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

function miniMapColor(node: Node): string {
  if (node.type === 'laneBand') return 'rgba(148, 163, 184, 0.25)';
  if (node.type === 'note') return '#fde68a';
  if (node.type === 'touchpoint' || node.type === 'handoff') return '#475569';
  return 'transparent';
}

/** Stage headers slide only sideways and lane labels only up and down, so a reorder never looks like a move. */
function constrain(change: NodeChange<JourneyNode>): NodeChange<JourneyNode> {
  if (change.type !== 'position' || !change.position) return change;
  if (change.id.startsWith(STAGE_NODE_PREFIX)) return { ...change, position: { ...change.position, y: 0 } };
  if (change.id.startsWith(LANE_NODE_PREFIX)) return { ...change, position: { ...change.position, x: 0 } };
  return change;
}

/** The highlighted cell under a dragged card, named "Intent · Sales"; marked when the drop changes the card's lead. */
function dropTargetOf(doc: MapDoc, layout: GridLayout, node: Node): DropTarget | undefined {
  const cell = cardTargetCell(layout, node);
  const card = doc.touchpoints.get(node.id);
  if (!cell || !card) return undefined;
  const lane = layout.lanes.find((l) => l.key === cell.laneKey);
  return {
    box: cell.box,
    label: `${doc.stages.get(cell.stageId)?.name ?? ''} · ${lane?.name ?? ''}`,
    changesHands: (card.ownerTeamIds[0] ?? null) !== (cell.teamId ?? null),
  };
}

/** Below this zoom a card shows only its title (and warnings): more would be unreadable from the room. */
const FAR_ZOOM = 0.7;

/**
 * Keeps the canvas's --zoom variable and its level of detail in step with the zoom, writing them on
 * the canvas element directly: the cards' CSS reads them, and no card re-renders while zooming.
 */
function CanvasZoomStyle() {
  const zoom = useStore((s) => s.transform[2]);
  const domNode = useStore((s) => s.domNode);
  useEffect(() => {
    const canvas = domNode?.closest<HTMLElement>('.canvas');
    if (!canvas) return;
    canvas.style.setProperty('--zoom', String(zoom));
    canvas.dataset.detail = zoom < FAR_ZOOM ? 'far' : 'near';
  }, [zoom, domNode]);
  return null;
}

/** How long a map may stay hidden while it is fitted, should the fit never come. */
const FIT_WAIT_MS = 500;

/**
 * Reports once React Flow has fitted the map to the view (the view has left its starting 100 %), or at
 * once when there is nothing to fit. Until then the map is hidden: its first frames would show it at
 * 100 % and then jump.
 */
function RevealWhenFitted({ empty, onFitted }: { empty: boolean; onFitted: () => void }) {
  const fitted = useStore((s) => empty || s.transform[0] !== 0 || s.transform[1] !== 0 || s.transform[2] !== 1);
  useLayoutEffect(() => {
    if (fitted) onFitted();
  }, [fitted, onFitted]);
  useEffect(() => {
    const timer = setTimeout(onFitted, FIT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [onFitted]);
  return null;
}

/** The journey grid, editable: drag cards between cells, reorder stages and lanes, connect, select. */
export function JourneyCanvas() {
  const editor = useEditor();
  const liveDoc = useEditorState((s) => s.doc);
  const viewing = useEditorState((s) => s.viewing);
  const focusTeamId = useEditorState((s) => s.focusTeamId);
  const liveSelection = useEditorState((s) => s.selection);
  // A saved version is shown on the same canvas, read-only.
  const viewedDoc = useMemo(() => (viewing ? toMapDoc(viewing.map) : undefined), [viewing]);
  const doc = viewedDoc ?? liveDoc;
  const readOnly = viewedDoc !== undefined;
  // A view-only room participant selects (the others see it) but changes nothing.
  const locked = useEditorState((s) => s.readOnly !== undefined) || readOnly;
  const selection = readOnly ? NO_SELECTION : liveSelection;
  const build = useMemo(createFlowBuilder, [viewedDoc]);
  const summarize = useMemo(createIssueSummarizer, [viewedDoc]);
  const issues = useMemo(() => summarize(findingsOf(doc)), [summarize, doc]);
  const flow = useMemo(
    () => build(doc, selection, issues, mapOf(doc), { teamId: focusTeamId }, layoutOf(doc)),
    [build, doc, selection, issues, focusTeamId],
  );
  // Where dragged nodes are while a drag is on; everything else is exactly what the map says. Derived,
  // not copied into state, so an edit re-renders the canvas once and a drop never shows a stale frame.
  const [dragged, setDragged] = useState<ReadonlyMap<string, { x: number; y: number }>>(NO_DRAG);
  const nodes = useMemo(
    () => (dragged.size === 0 ? flow.nodes : flow.nodes.map((n) => (dragged.has(n.id) ? { ...n, position: dragged.get(n.id)! } : n))),
    [flow, dragged],
  );
  // The dragged cards' connections follow them in an overlay of their own (DraggedConnections).
  const { edges, draggedConnections } = useDraggedConnections(flow.nodes, flow.edges, dragged);
  // The cell a dragged card will land in: drawn over the flow, not as a node, so a drag adds no node to React Flow.
  const dropTarget = useMemo(() => {
    if (dragged.size === 0) return undefined;
    const card = nodes.find((n) => n.type === 'touchpoint' && dragged.has(n.id));
    return card ? dropTargetOf(doc, flow.layout, card) : undefined;
  }, [nodes, dragged, doc, flow.layout]);
  const { screenToFlowPosition } = useReactFlow();
  const showMinimap = useLayoutPrefs((p) => p.minimap);
  // The view cannot be pushed far off the map (a stray press on the minimap used to throw it away).
  const translateExtent = useMemo<[[number, number], [number, number]]>(() => {
    const margin = 600;
    let [minX, minY, maxX, maxY] = [0, 0, flow.layout.width, flow.layout.height];
    for (const node of flow.nodes) {
      if (node.type !== 'note') continue;
      minX = Math.min(minX, node.position.x);
      minY = Math.min(minY, node.position.y);
      maxX = Math.max(maxX, node.position.x + (node.width ?? 0));
      maxY = Math.max(maxY, node.position.y + (node.height ?? 0));
    }
    return [[minX - margin, minY - margin], [maxX + margin, maxY + margin]];
  }, [flow]);

  // The dotted ground is drawn in the map's own layer, over the area the view may show, so it moves with the
  // map instead of being drawn again for every frame of a pan (as React Flow's Background is).
  const dotsArea = useMemo(() => {
    const [[left, top], [right, bottom]] = translateExtent;
    return { '--map-left': `${left}px`, '--map-top': `${top}px`, '--map-width': `${right - left}px`, '--map-height': `${bottom - top}px` } as React.CSSProperties;
  }, [translateExtent]);

  const addFromPalette = useAddFromPalette();
  // Decided once, when the canvas first shows the map: React Flow reads its starting view on mount only.
  const [opensLarge] = useState(() => flow.nodes.length > LARGE_MAP_NODES);
  const [fitting, setFitting] = useState(!opensLarge);
  const onFitted = useCallback(() => setFitting(false), []);

  // While the view moves, the map is its own compositing layer: a pan moves pixels already drawn instead of
  // painting the cards and connections again every frame; when it stops, it is drawn crisp at the new zoom.
  const canvasRef = useRef<HTMLElement>(null);
  const onMoveStart = useCallback(() => canvasRef.current?.classList.add('moving'), []);
  const onMoveEnd = useCallback(() => canvasRef.current?.classList.remove('moving'), []);

  const updateSelection = useCallback(
    (changes: { id: string; selected: boolean }[]) => {
      const next = new Set(editor.store.getState().selection);
      for (const change of changes) {
        const id = elementIdOf(change.id);
        if (change.selected) next.add(id);
        else next.delete(id);
      }
      editor.select(next);
    },
    [editor],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      const selects = changes.filter((c): c is Extract<NodeChange, { type: 'select' }> => c.type === 'select');
      if (selects.length) updateSelection(selects);
      const moves = changes.map(constrain).filter((c) => c.type === 'position' && c.position !== undefined);
      if (moves.length) {
        // Drawn in the frame of the pointer move that caused it: left to React's scheduler, the canvas and
        // then React Flow's store were updated in later tasks, and on a large map the card trailed the
        // pointer by a frame on most moves.
        flushSync(() =>
          setDragged((current) => {
            const next = new Map(current);
            for (const move of moves) if (move.type === 'position') next.set(move.id, move.position!);
            return next;
          }),
        );
      }
    },
    [updateSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((c): c is Extract<EdgeChange, { type: 'select' }> => c.type === 'select');
      if (selects.length) updateSelection(selects);
    },
    [updateSelection],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, droppedNodes: Node[]) => {
      const before = editor.store.getState().doc;
      const invocations = dropInvocations(before, flow.layout, droppedNodes);
      if (invocations.length > 0 && editor.run(undefined, ...invocations)) {
        const after = editor.store.getState().doc;
        const moves = droppedNodes.map((n) => describeCardMove(before, after, n.id)).filter((m): m is string => m !== undefined);
        if (moves.length > 0) editor.announce(moves.length === 1 ? moves[0]! : `Moved ${moves.length} cards. ${moves[0]}`, { label: 'Undo', run: () => editor.undo() });
      }
      // The grid places the nodes again: in their new cells, or back where they were if nothing changed.
      setDragged(NO_DRAG);
    },
    [editor, flow],
  );

  const onConnect = useCallback(
    ({ source, target }: FlowConnection) => {
      if (source && target) editor.run(undefined, invoke(connect, { id: newId('c-'), source, target }));
    },
    [editor],
  );

  // Dropping a connection anywhere on a card connects to it, not only on its small handle.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const element = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
      const targetId = element?.getAttribute('data-id');
      const { doc } = editor.store.getState();
      if (!targetId || targetId === state.fromNode.id || !(doc.touchpoints.has(targetId) || doc.handoffs.has(targetId))) return;
      const fromSource = state.fromHandle?.type !== 'target';
      const [source, target] = fromSource ? [state.fromNode.id, targetId] : [targetId, state.fromNode.id];
      editor.run(undefined, invoke(connect, { id: newId('c-'), source, target }));
    },
    [editor],
  );

  // Stable handlers: React Flow copies each changed prop into its store, and every store change re-runs the
  // selectors of every node and connection on screen — for each pointer move of a drag, were they new.
  const onPaneClick = useCallback(() => readOnly || editor.select([]), [readOnly, editor]);
  const onNodeDoubleClick = useCallback(
    (_event: unknown, node: Node) => {
      if (!locked && node.type === 'touchpoint') editor.store.setState({ editingId: node.id });
    },
    [locked, editor],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (locked || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, [locked]);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      event.preventDefault();
      addFromPalette(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addFromPalette, screenToFlowPosition],
  );

  return (
    <section ref={canvasRef} className={`canvas${showMinimap ? ' with-minimap' : ''}${fitting ? ' fitting' : ''}`} style={dotsArea} aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={locked ? undefined : onConnect}
        onConnectEnd={locked ? undefined : onConnectEnd}
        onPaneClick={onPaneClick}
        onNodeDoubleClick={onNodeDoubleClick}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        elementsSelectable={!readOnly}
        zoomOnDoubleClick={false}
        // Large maps: only what is in view is in the DOM, so a drop or a pan restyles tens of cards, not thousands.
        onlyRenderVisibleElements={flow.nodes.length > LARGE_MAP_NODES}
        fitView={!opensLarge}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={opensLarge ? LARGE_MAP_START : undefined}
        translateExtent={translateExtent}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={null}
        // The arrow keys move the selection and Alt+Arrow the cards, through the map (useEditorShortcuts);
        // React Flow's own arrow-key nudge would only slide a card on screen. Cards stay focusable.
        disableKeyboardA11y
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        nodeDragThreshold={4}
        elevateNodesOnSelect={false}
        connectionRadius={40}
      >
        <CanvasZoomStyle />
        {fitting && <RevealWhenFitted empty={flow.nodes.length === 0} onFitted={onFitted} />}
        {draggedConnections.length > 0 && (
          <ViewportPortal>
            <DraggedConnections connections={draggedConnections} />
          </ViewportPortal>
        )}
        {dropTarget && (
          <ViewportPortal>
            <DropTargetOverlay target={dropTarget} />
          </ViewportPortal>
        )}
        <StickyGridLabels layout={flow.layout} doc={doc} />
        <Controls showInteractive={false} orientation="horizontal">
          <ControlButton onClick={() => toggleLayout('minimap')} aria-label={showMinimap ? 'Hide the minimap' : 'Show the minimap'} title={showMinimap ? 'Hide the minimap' : 'Show the minimap'}>
            <span aria-hidden="true">▦</span>
          </ControlButton>
        </Controls>
        {showMinimap && <MiniMap nodeColor={miniMapColor} pannable zoomable ariaLabel="Minimap" style={MINIMAP_STYLE} />}
      </ReactFlow>
    </section>
  );
}
