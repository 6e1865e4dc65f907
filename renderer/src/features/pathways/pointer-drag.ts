/**
 * Dragging from the palette and the catalog onto the canvas, with pointer events: works with a
 * mouse, a pen and a touch screen alike, shows a label that follows the pointer, highlights
 * where it would land, and is cancelled with Escape. Below a few pixels of movement it is not
 * a drag, so the item's click (add at the centre of the view) still works.
 *
 * The ghost is a plain element moved with a transform, outside React: no re-render per pointer move.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { PathwayNodeKind } from '../../../../shared/domain/schema';

export type DragPayload = { type: 'kind'; kind: PathwayNodeKind } | { type: 'activity'; activityId: string };

export interface DropTarget {
  /** The optional group under the pointer, if any (activities can be dropped into one). */
  groupId: string | null;
  /** Whether the pointer is over the canvas. */
  onCanvas: boolean;
  clientX: number;
  clientY: number;
}

export interface DragOptions {
  payload: DragPayload;
  label: string;
  /** The canvas element (drops elsewhere do nothing). */
  canvas: () => HTMLElement | null;
  onDrop(payload: DragPayload, target: DropTarget): void;
}

const THRESHOLD = 5;
let lastDragEnded = 0;

/** True right after a drag ended: the click that may follow it is not a click. */
export function justDragged(): boolean {
  return performance.now() - lastDragEnded < 300;
}
const GROUP_SELECTOR = '.react-flow__node-optional-group';

function targetAt(canvas: HTMLElement | null, clientX: number, clientY: number, payload: DragPayload): { onCanvas: boolean; group: HTMLElement | null } {
  const element = document.elementFromPoint(clientX, clientY);
  if (!canvas || !element || !canvas.contains(element)) return { onCanvas: false, group: null };
  const group = payload.type === 'activity' ? (element.closest(GROUP_SELECTOR) as HTMLElement | null) : null;
  return { onCanvas: true, group };
}

/** Call from an item's onPointerDown. */
export function startPointerDrag(event: ReactPointerEvent<HTMLElement>, options: DragOptions): void {
  if (event.button !== 0 || !event.isPrimary) return;
  const startX = event.clientX;
  const startY = event.clientY;
  let ghost: HTMLDivElement | null = null;
  let highlightedGroup: HTMLElement | null = null;
  let canvasMarked: HTMLElement | null = null;

  const mark = (clientX: number, clientY: number) => {
    const canvas = options.canvas();
    const { onCanvas, group } = targetAt(canvas, clientX, clientY, options.payload);
    if (group !== highlightedGroup) {
      highlightedGroup?.classList.remove('plp-drop-into');
      group?.classList.add('plp-drop-into');
      highlightedGroup = group;
    }
    const nextCanvas = onCanvas && !group ? canvas : null;
    if (nextCanvas !== canvasMarked) {
      canvasMarked?.classList.remove('plp-drop-over');
      nextCanvas?.classList.add('plp-drop-over');
      canvasMarked = nextCanvas;
    }
    if (ghost) ghost.dataset.target = group ? 'group' : onCanvas ? 'canvas' : 'none';
  };

  const cleanUp = () => {
    window.removeEventListener('pointermove', onMove, true);
    window.removeEventListener('pointerup', onUp, true);
    window.removeEventListener('pointercancel', onCancel, true);
    window.removeEventListener('keydown', onKey, true);
    highlightedGroup?.classList.remove('plp-drop-into');
    canvasMarked?.classList.remove('plp-drop-over');
    ghost?.remove();
    document.body.classList.remove('plp-dragging');
  };

  const onMove = (move: PointerEvent) => {
    if (move.pointerId !== event.pointerId) return;
    if (!ghost) {
      if (Math.hypot(move.clientX - startX, move.clientY - startY) < THRESHOLD) return;
      ghost = document.createElement('div');
      ghost.className = 'plp-drag-ghost';
      ghost.setAttribute('aria-hidden', 'true');
      ghost.textContent = options.label;
      document.body.appendChild(ghost);
      document.body.classList.add('plp-dragging');
    }
    move.preventDefault();
    ghost.style.transform = `translate(${move.clientX + 12}px, ${move.clientY + 10}px)`;
    mark(move.clientX, move.clientY);
  };

  const onUp = (up: PointerEvent) => {
    if (up.pointerId !== event.pointerId) return;
    const dragged = ghost !== null;
    cleanUp();
    if (!dragged) return;
    lastDragEnded = performance.now();
    up.preventDefault();
    const canvas = options.canvas();
    const { onCanvas, group } = targetAt(canvas, up.clientX, up.clientY, options.payload);
    if (!onCanvas) return;
    options.onDrop(options.payload, { onCanvas, groupId: group?.dataset.id ?? null, clientX: up.clientX, clientY: up.clientY });
  };

  const onCancel = () => cleanUp();
  const onKey = (key: KeyboardEvent) => {
    if (key.key !== 'Escape') return;
    key.preventDefault();
    key.stopPropagation();
    cleanUp();
  };

  window.addEventListener('pointermove', onMove, true);
  window.addEventListener('pointerup', onUp, true);
  window.addEventListener('pointercancel', onCancel, true);
  window.addEventListener('keydown', onKey, true);
}
