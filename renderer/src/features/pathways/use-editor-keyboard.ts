/**
 * The canvas keyboard: Ctrl/⌘+C, X, V, D, A; Delete/Backspace; arrows move the selected steps
 * (Shift: further) as ONE undo step per press-and-hold; Alt+arrows go to the nearest step that
 * way; Tab/Shift+Tab go through the steps (React Flow's focusable nodes); Escape clears the
 * selection. A step that receives keyboard focus becomes the selection, so Tab then arrows moves it.
 *
 * Active only while focus is on the canvas (not in a text field, not under a modal), and it runs
 * in the capture phase so React Flow's own arrow-key handling (one history step per key press)
 * never sees the keys this handles.
 */
import { useEffect, type RefObject } from 'react';
import { moveNodes } from '../../../../shared/domain/commands/pathway-commands';
import { isMac, isTextEditingTarget } from '../../app/shortcuts';
import {
  copySelection,
  currentFramework,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  measuredSizes,
  NUDGE,
  NUDGE_LARGE,
  pasteClipboard,
  selectAll,
  type EditorContext,
} from './editor-actions';
import { editorStore } from './editor-store';
import { boxesOf, firstInReadingOrder, nearestInDirection, type Direction } from './geometry';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

function modalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

function nodeElement(container: HTMLElement | null, id: string): HTMLElement | null {
  return container?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null;
}

function focusedNodeId(): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? (active.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null) : null;
}

/** Selects a step and moves keyboard focus to it, bringing it into view first if it is off screen. */
export function focusStep(ctx: EditorContext, container: HTMLElement | null, id: string): void {
  editorStore.getState().select([id]);
  const element = nodeElement(container, id);
  if (element) {
    element.focus({ preventScroll: true });
    return;
  }
  const node = ctx.flow.getNode(id);
  if (!node) return;
  const width = node.measured?.width ?? 248;
  const height = node.measured?.height ?? 100;
  void ctx.flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(ctx.flow.getZoom(), 0.6) });
  // Steps outside the view are not drawn (onlyRenderVisibleElements): wait for it to appear.
  requestAnimationFrame(() => requestAnimationFrame(() => nodeElement(container, id)?.focus({ preventScroll: true })));
}

export function useEditorKeyboard(ctx: EditorContext | null, container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!ctx) return;
    let nudging = false;
    const endNudge = () => {
      if (!nudging) return;
      nudging = false;
      ctx.store.getState().endGesture();
    };

    const nudge = (direction: Direction, large: boolean) => {
      const framework = currentFramework(ctx);
      const { selectedNodes } = editorStore.getState();
      if (!framework || selectedNodes.size === 0) return;
      const step = large ? NUDGE_LARGE : NUDGE;
      const dx = direction === 'left' ? -step : direction === 'right' ? step : 0;
      const dy = direction === 'up' ? -step : direction === 'down' ? step : 0;
      const positions = new Map<string, { x: number; y: number }>();
      for (const node of framework.nodes) if (selectedNodes.has(node.id)) positions.set(node.id, { x: node.position.x + dx, y: node.position.y + dy });
      if (positions.size === 0) return;
      const store = ctx.store.getState();
      if (!nudging || !store.history?.gesture) {
        store.beginGesture(positions.size === 1 ? 'Move step' : `Move ${positions.size} steps`);
        nudging = true;
      }
      ctx.store.getState().updateGesture(moveNodes(ctx.frameworkId, positions));
    };

    const navigate = (direction: Direction) => {
      const framework = currentFramework(ctx);
      if (!framework || framework.nodes.length === 0) return;
      const boxes = boxesOf(framework.nodes, measuredSizes(ctx));
      const { selectedNodes } = editorStore.getState();
      const from = focusedNodeId() ?? (selectedNodes.size === 1 ? [...selectedNodes][0]! : null);
      const target = from ? nearestInDirection(boxes, from, direction) : firstInReadingOrder(boxes);
      if (target) focusStep(ctx, container.current, target);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || modalOpen() || isTextEditingTarget(event.target)) return;
      if (!(event.target instanceof Node) || !container.current?.contains(event.target)) return;
      const consume = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      const mod = isMac ? event.metaKey : event.ctrlKey;
      if (mod && !event.altKey && !event.shiftKey) {
        switch (event.key.toLowerCase()) {
          case 'c':
            if (copySelection(ctx) > 0) consume();
            return;
          case 'x':
            if (cutSelection(ctx)) consume();
            return;
          case 'v':
            consume();
            pasteClipboard(ctx);
            return;
          case 'd':
            consume();
            duplicateSelection(ctx);
            return;
          case 'a':
            consume();
            selectAll(ctx);
            return;
        }
        return;
      }
      if (mod) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        consume();
        deleteSelection(ctx);
        return;
      }
      if (event.key === 'Escape') {
        editorStore.getState().clearSelection();
        return;
      }
      const direction = ARROWS[event.key];
      if (!direction) return;
      consume();
      if (event.altKey) navigate(direction);
      else nudge(direction, event.shiftKey);
    };

    const onKeyUp = (event: KeyboardEvent) => {
      if (ARROWS[event.key]) endNudge();
    };

    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !target.classList.contains('react-flow__node') || !target.matches(':focus-visible')) return;
      const id = target.dataset.id;
      if (!id || editorStore.getState().selectedNodes.has(id)) return;
      editorStore.getState().select([id]);
    };

    // Focusing a step at the edge (Tab) makes the browser scroll the canvas's clipped box, which
    // would shift the whole drawing off its coordinates: React Flow pans instead, so undo the scroll.
    const onScroll = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLElement && (target.scrollLeft !== 0 || target.scrollTop !== 0) && target.closest('.react-flow')) {
        target.scrollLeft = 0;
        target.scrollTop = 0;
      }
    };

    const root = container.current;
    root?.addEventListener('scroll', onScroll, true);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', endNudge);
    root?.addEventListener('focusin', onFocusIn);
    return () => {
      endNudge();
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('blur', endNudge);
      root?.removeEventListener('focusin', onFocusIn);
      root?.removeEventListener('scroll', onScroll, true);
    };
  }, [ctx, container]);
}
