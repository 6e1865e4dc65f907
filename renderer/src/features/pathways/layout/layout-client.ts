/**
 * Runs auto-layout in the worker. One worker, started on first use; cancelling terminates it
 * (ELK cannot be interrupted) and the next layout starts a fresh one.
 */
import type { PathwayEdge, PathwayNode } from '../../../../../shared/domain/schema';
import type { Point, Size } from '../geometry';
import { toElkGraph } from './elk-graph';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

export interface LayoutResult {
  positions: Map<string, Point>;
  /** Time ELK took inside the worker. */
  ms: number;
}

export class LayoutCancelled extends Error {
  override readonly name = 'LayoutCancelled';
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(result: LayoutResult): void; reject(error: Error): void }>();

function startWorker(): Worker {
  const created = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'pathway-layout' });
  created.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
    const response = event.data;
    const request = pending.get(response.id);
    if (!request) return;
    pending.delete(response.id);
    if ('error' in response) request.reject(new Error(response.error));
    else request.resolve({ positions: new Map(response.positions.map(([id, x, y]) => [id, { x, y }])), ms: response.ms });
  });
  created.addEventListener('error', (event) => {
    for (const request of pending.values()) request.reject(new Error(event.message || 'The layout worker failed.'));
    pending.clear();
    created.terminate();
    if (worker === created) worker = null;
  });
  return created;
}

export function layoutPathway(nodes: readonly PathwayNode[], edges: readonly PathwayEdge[], sizes: ReadonlyMap<string, Size>, signal?: AbortSignal): Promise<LayoutResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new LayoutCancelled('Layout cancelled.'));
      return;
    }
    worker ??= startWorker();
    const id = nextId++;
    pending.set(id, { resolve, reject });
    signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      // ELK cannot stop mid-way: drop the worker and everything it was doing.
      for (const request of pending.values()) request.reject(new LayoutCancelled('Layout cancelled.'));
      pending.clear();
      worker?.terminate();
      worker = null;
    });
    const request: LayoutRequest = { id, graph: toElkGraph(nodes, edges, sizes) };
    worker.postMessage(request);
  });
}
