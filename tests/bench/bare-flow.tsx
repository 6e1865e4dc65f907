/**
 * A bare React Flow page for scripts/bench/graph-fps.ts: the same graph as the studio's editor,
 * drawn with React Flow's default nodes and edges and its documented controlled-state pattern
 * (useNodesState / useEdgesState). The baseline the studio's editor is compared with.
 *
 * The graph comes from `window.__benchGraph` ({ nodes: [{ id, x, y, label }], edges: [{ id, source, target }] }).
 */
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { createRoot } from 'react-dom/client';

interface BenchGraph {
  nodes: { id: string; x: number; y: number; label: string }[];
  edges: { id: string; source: string; target: string }[];
}

const graph = (window as unknown as { __benchGraph: BenchGraph }).__benchGraph;
const initialNodes: Node[] = graph.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.label } }));
const initialEdges: Edge[] = graph.edges.map((edge) => ({ ...edge }));

function BareFlow() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.02}>
        <Background />
        <MiniMap />
        <Controls />
      </ReactFlow>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<BareFlow />);
