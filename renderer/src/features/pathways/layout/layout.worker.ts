/**
 * The auto-layout worker: ELK runs here so laying out 2,000 steps never freezes the editor.
 * Messages in: { id, graph } (see elk-graph.ts); out: { id, positions: [id, x, y][], ms } or { id, error }.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { positionsFromElk } from './elk-graph';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}
export type LayoutResponse = { id: number; positions: [string, number, number][]; ms: number } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: unknown;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
  postMessage(message: LayoutResponse): void;
};

const elk = new ELK();
// The bundled ELK, loaded in a worker, installs its own message handler for its worker protocol; this worker speaks its own.
scope.onmessage = null;

scope.addEventListener('message', (event) => {
  const { id, graph } = event.data;
  const started = performance.now();
  elk
    .layout(graph)
    .then((result) => {
      const positions = [...positionsFromElk(result)].map(([nodeId, point]): [string, number, number] => [nodeId, point.x, point.y]);
      scope.postMessage({ id, positions, ms: performance.now() - started });
    })
    .catch((error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }));
});
