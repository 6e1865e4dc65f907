/**
 * The needs-analysis mapping graph: findings | capabilities by domain | roles, on React Flow.
 *
 * Drawing an edge is an edit of the project (one undo step): finding → capability links the
 * finding as evidence of a gap in the capability; capability → role gives the role a target in
 * the capability (at its usual level, changed on the edge's label). Delete/Backspace removes the
 * selected edges. Positions come from the shared column layout, so nodes are not dragged.
 *
 * Subscriptions are narrow (the five project arrays the graph reads), the flow cache hands back
 * unchanged node and edge objects, and neighbour highlighting is a generated style sheet, so
 * hovering re-renders no node.
 */
import '@xyflow/react/dist/style.css';
import './mapping.css';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  useNodesInitialized,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import { Button, Group, Select, Text, useComputedColorScheme } from '@mantine/core';
import { IconZoomScan } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  MAPPING_LAYOUT,
  NO_DOMAIN_ID,
  NO_DOMAIN_NAME,
  buildMappingGraph,
  canConnect,
  mappingNeighbours,
  parseMappingNodeId,
  type MappingEdge,
  type MappingFilter,
  type MappingGraph as Graph,
  type MappingSource,
} from '../../../../../shared/domain/analysis/mapping';
import { deleteMappingEdges, linkFindingToCapability, targetCapabilityForRole } from '../../../../../shared/domain/commands/mapping-commands';
import type { CapabilityDomain, Capability, Finding, Project, Role } from '../../../../../shared/domain/schema';
import { useProject, useServices } from '../../../app/services';
import type { ProjectStoreState } from '../../../state/project-store';
import { announce } from '../../capability-model/editing';
import { MappingFlowCache, highlightCss, type Dimensions, type MappingFlowNode } from './flow-mapping';
import { MAPPING_NODE_TYPES } from './MappingNodes';
import { MAPPING_EDGE_TYPES } from './TargetEdge';

const NO_FINDINGS: readonly Finding[] = [];
const NO_CAPABILITIES: readonly Capability[] = [];
const NO_DOMAINS: readonly CapabilityDomain[] = [];
const NO_ROLES: readonly Role[] = [];
const selectFindings = (state: ProjectStoreState) => state.history?.present.findings ?? NO_FINDINGS;
const selectCapabilities = (state: ProjectStoreState) => state.history?.present.capabilities ?? NO_CAPABILITIES;
const selectDomains = (state: ProjectStoreState) => state.history?.present.domains ?? NO_DOMAINS;
const selectRoles = (state: ProjectStoreState) => state.history?.present.roles ?? NO_ROLES;
const selectScale = (state: ProjectStoreState) => state.history?.present.scale ?? null;

const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1 } as const;
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 168, height: 112 };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select it and highlight what it is linked to.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter or Space to select it.',
  'edge.a11yDescription.default': 'A link. Press Enter to select it; on a role target, Enter again goes to its level. Delete removes it.',
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole mapping in view',
  'minimap.ariaLabel': 'Overview of the whole mapping',
  'handle.ariaLabel': 'Connection point: drag to a capability or a role to link',
};
const COLUMN_TITLES = { finding: 'Findings', capability: 'Capabilities', role: 'Roles' } as const;

const miniMapClass = (node: MappingFlowNode): string => `plp-map-mini plp-map-mini-${node.type ?? 'finding'}${node.selected ? ' plp-map-mini-selected' : ''}`;

function useMappingSource(): MappingSource | null {
  const findings = useProject(selectFindings);
  const capabilities = useProject(selectCapabilities);
  const domains = useProject(selectDomains);
  const roles = useProject(selectRoles);
  const scale = useProject(selectScale);
  return useMemo(() => (scale ? ({ findings, capabilities, domains, roles, scale } as MappingSource) : null), [findings, capabilities, domains, roles, scale]);
}

/**
 * The first view (and the one after a filter changes): everything when it is readable at that
 * zoom; otherwise the top of the three columns, as wide as the canvas (the minimap and "Zoom to
 * fit" show the rest).
 */
function InitialView({ graph }: { graph: Graph }) {
  const flow = useReactFlow<MappingFlowNode>();
  const storeApi = useStoreApi<MappingFlowNode>();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (!initialized || done.current) return;
    done.current = true;
    const { width, height } = storeApi.getState();
    if (graph.nodes.length === 0 || width === 0 || height === 0) return;
    // The layout's own geometry, not measured sizes (which may not have come back yet).
    let right = 0;
    let bottom = 0;
    for (const node of graph.nodes) {
      right = Math.max(right, node.position.x + MAPPING_LAYOUT.nodeWidth[node.kind]);
      bottom = Math.max(bottom, node.position.y + MAPPING_LAYOUT.rowHeight[node.kind]);
    }
    const fit = Math.min(width / (right * 1.1), (height - 60) / (bottom * 1.1));
    if (fit >= 0.6) {
      void flow.fitView(FIT_VIEW_OPTIONS);
      return;
    }
    const zoom = Math.min(1, (width - 60) / right);
    void flow.setViewport({ x: 30, y: 64, zoom });
  }, [initialized, flow, storeApi, graph]);
  return null;
}

/** Column titles and domain headings, in flow coordinates so they pan and zoom with the graph. */
const Headings = memo(function Headings({ graph }: { graph: Graph }) {
  const counts = { finding: 0, capability: 0, role: 0 };
  for (const node of graph.nodes) counts[node.kind]++;
  return (
    <ViewportPortal>
      {(['finding', 'capability', 'role'] as const).map((kind) => (
        <div
          key={kind}
          className="plp-map-column-head"
          style={{ transform: `translate(${MAPPING_LAYOUT.columnX[kind]}px, -64px)`, width: MAPPING_LAYOUT.nodeWidth[kind] }}
          data-testid={`mapping-column-${kind}`}
        >
          {COLUMN_TITLES[kind]} <span className="plp-map-column-count">{counts[kind]}</span>
        </div>
      ))}
      {counts.finding === 0 ? (
        <div className="plp-map-column-empty" style={{ transform: `translate(${MAPPING_LAYOUT.columnX.finding}px, 0px)`, width: MAPPING_LAYOUT.nodeWidth.finding }} data-testid="mapping-no-findings">
          No findings here yet. Capture them in the box above; then drag from a finding’s handle to the capability it is evidence for.
        </div>
      ) : null}
      {counts.capability === 0 ? (
        <div className="plp-map-column-empty" style={{ transform: `translate(${MAPPING_LAYOUT.columnX.capability}px, 0px)`, width: MAPPING_LAYOUT.nodeWidth.capability }} data-testid="mapping-no-capabilities">
          No capabilities here yet. Add them in the Capability model (step 2).
        </div>
      ) : null}
      {counts.role === 0 ? (
        <div className="plp-map-column-empty" style={{ transform: `translate(${MAPPING_LAYOUT.columnX.role}px, 0px)`, width: MAPPING_LAYOUT.nodeWidth.role }} data-testid="mapping-no-roles">
          No roles here yet. Add them in the Capability model, on the Roles tab.
        </div>
      ) : null}
      {graph.domainHeadings.map((heading) => (
        <div
          key={heading.domainId}
          className="plp-map-domain-head"
          style={{ transform: `translate(${heading.position.x}px, ${heading.position.y}px)`, width: MAPPING_LAYOUT.nodeWidth.capability }}
          data-testid="mapping-domain-heading"
        >
          {heading.name}
        </div>
      ))}
    </ViewportPortal>
  );
});

function refOf(edge: MappingEdge) {
  return edge.kind === 'evidence' ? { kind: 'evidence' as const, findingId: edge.findingId, capabilityId: edge.capabilityId } : { kind: 'target' as const, capabilityId: edge.capabilityId, roleId: edge.roleId };
}

function toggle(previous: ReadonlySet<string>, changes: readonly { id: string; selected: boolean }[]): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const { id, selected } of changes) {
    if (previous.has(id) === selected) continue;
    next ??= new Set(previous);
    if (selected) next.add(id);
    else next.delete(id);
  }
  return next ?? previous;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Target-level labels are shown on every capability → role edge only when they cannot overlap:
 * one role in view (their midpoints are then a capability row apart). Otherwise a label shows
 * for the links of the hovered or selected node, and for a selected or focused link.
 */
function labelsShown(graph: Graph): 'all' | 'focus' {
  let roles = 0;
  for (const node of graph.nodes) if (node.kind === 'role') roles++;
  return roles <= 1 ? 'all' : 'focus';
}

function MappingCanvas({ source, filter, fitRef }: { source: MappingSource; filter: MappingFilter; fitRef: FitHandle }) {
  const { store } = useServices();
  const scheme = useComputedColorScheme('light');
  const graph = useMemo(() => buildMappingGraph(source, filter), [source, filter]);
  const [cache] = useState(() => new MappingFlowCache());
  const [selectedNodes, setSelectedNodes] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(() => new Map());
  const [hovered, setHovered] = useState<string | null>(null);

  const nodes = useMemo(() => cache.nodes(graph, selectedNodes, measured), [cache, graph, selectedNodes, measured]);
  const edges = useMemo(() => cache.edges(graph, selectedEdges), [cache, graph, selectedEdges]);

  const focus = hovered ?? (selectedNodes.size === 1 ? [...selectedNodes][0]! : null);
  const css = useMemo(() => {
    if (!focus || !graph.nodes.some((node) => node.id === focus)) return '';
    const { nodeIds, edgeIds } = mappingNeighbours(graph, focus);
    return highlightCss('.plp-map-flow', nodeIds, edgeIds);
  }, [focus, graph]);

  const onNodesChange = useCallback((changes: NodeChange<MappingFlowNode>[]) => {
    const selections: { id: string; selected: boolean }[] = [];
    const sizes: [string, Dimensions][] = [];
    for (const change of changes) {
      if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
      else if (change.type === 'dimensions' && change.dimensions) sizes.push([change.id, change.dimensions]);
    }
    if (selections.length > 0) setSelectedNodes((previous) => toggle(previous, selections));
    if (sizes.length > 0) {
      setMeasured((previous) => {
        let next: Map<string, Dimensions> | null = null;
        for (const [id, size] of sizes) {
          const current = previous.get(id);
          if (current && current.width === size.width && current.height === size.height) continue;
          next ??= new Map(previous);
          next.set(id, { width: size.width, height: size.height });
        }
        return next ?? previous;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selections: { id: string; selected: boolean }[] = [];
    for (const change of changes) if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
    if (selections.length > 0) setSelectedEdges((previous) => toggle(previous, selections));
  }, []);

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const project = store.getState().history?.present;
      return !!project && !!connection.source && !!connection.target && canConnect(project, connection.source, connection.target);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const from = parseMappingNodeId(connection.source);
      const to = parseMappingNodeId(connection.target);
      if (!from || !to) return;
      const project: Project | undefined = store.getState().history?.present;
      const name = (kind: 'capability' | 'role', id: string) => (kind === 'capability' ? project?.capabilities : project?.roles)?.find((item) => item.id === id)?.name ?? id;
      if (from.kind === 'finding' && to.kind === 'capability') {
        const result = store.getState().run(() => linkFindingToCapability(from.entityId, to.entityId));
        if (result.ok) announce(`Linked the finding to ${name('capability', to.entityId)}.`);
      } else if (from.kind === 'capability' && to.kind === 'role') {
        const result = store.getState().run(() => targetCapabilityForRole(to.entityId, from.entityId));
        if (result.ok) announce(`${name('role', to.entityId)} now has a target in ${name('capability', from.entityId)}.`);
      }
    },
    [store],
  );

  const onDelete: OnDelete = useCallback(
    ({ edges: deleted }) => {
      const byId = new Map(graph.edges.map((edge) => [edge.id, edge]));
      const refs = deleted.flatMap((edge) => {
        const found = byId.get(edge.id);
        return found ? [refOf(found)] : [];
      });
      if (refs.length === 0) return;
      const result = store.getState().run(() => deleteMappingEdges(refs));
      if (result.ok) {
        setSelectedEdges(EMPTY_SET);
        announce(refs.length === 1 ? 'Link removed.' : `${refs.length} links removed.`);
      }
    },
    [store, graph],
  );

  const onNodeMouseEnter = useCallback((_event: unknown, node: MappingFlowNode) => setHovered(node.id), []);
  const onNodeMouseLeave = useCallback(() => setHovered(null), []);

  return (
    <>
      {css ? <style data-testid="mapping-highlight">{css}</style> : null}
      <ReactFlow<MappingFlowNode>
        className="plp-map-flow"
        data-labels={labelsShown(graph)}
        nodes={nodes}
        edges={edges}
        nodeTypes={MAPPING_NODE_TYPES}
        edgeTypes={MAPPING_EDGE_TYPES}
        colorMode={scheme}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        connectionLineType={ConnectionLineType.Bezier}
        connectionRadius={28}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        nodesDraggable={false}
        edgesFocusable
        edgesReconnectable={false}
        minZoom={0.03}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        <InitialView graph={graph} />
        <FitBinder fitRef={fitRef} />
        <Headings graph={graph} />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.4} />
        <MiniMap<MappingFlowNode> pannable zoomable nodeClassName={miniMapClass} nodeBorderRadius={6} className="plp-map-minimap" style={MINIMAP_STYLE} />
        <Controls showInteractive={false} className="plp-map-controls" />
      </ReactFlow>
      {graph.nodes.length === 0 ? (
        <div className="plp-map-empty" data-testid="mapping-filter-empty">
          <Text fw={650}>Nothing matches these filters</Text>
          <Text size="sm" c="dimmed">
            Choose another role or domain, or clear the filters.
          </Text>
        </div>
      ) : null}
    </>
  );
}

type FitHandle = { current: (() => void) | null };

/** Lets the toolbar (outside the keyed React Flow provider) zoom the current canvas to fit. */
function FitBinder({ fitRef }: { fitRef: FitHandle }) {
  const flow = useReactFlow();
  useEffect(() => {
    fitRef.current = () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 });
    return () => {
      fitRef.current = null;
    };
  }, [fitRef, flow]);
  return null;
}

const NO_DOMAIN_VALUE = '__no-domain';

/**
 * Enter on a selected capability → role link moves the keyboard to its level select (React Flow
 * selects a focused link on the first Enter; the label lives in a separate layer, far away in
 * the tab order).
 */
function focusLevelOnEnter(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Enter' || !(event.target instanceof Element)) return;
  const edge = event.target.closest('.react-flow__edge');
  const id = edge?.getAttribute('data-id');
  if (!edge?.classList.contains('selected') || !id?.startsWith('target:')) return;
  const select = event.currentTarget.querySelector<HTMLSelectElement>(`.plp-map-level[data-edge="${id.replace(/["\\]/g, '\\$&')}"] select`);
  if (!select) return;
  event.preventDefault();
  select.focus();
}

function MappingBody() {
  const source = useMappingSource();
  const [roleId, setRoleId] = useState<string | null>(null);
  const [domainValue, setDomainValue] = useState<string | null>(null);
  const fitRef = useRef<(() => void) | null>(null);
  const roles = source?.roles ?? NO_ROLES;
  const domains = source?.domains ?? NO_DOMAINS;
  const capabilities = source?.capabilities ?? NO_CAPABILITIES;
  const domainOptions = useMemo(() => {
    const options = domains.map((domain) => ({ value: domain.id, label: domain.name }));
    const known = new Set(domains.map((domain) => domain.id));
    if (capabilities.some((capability) => !known.has(capability.domainId))) options.push({ value: NO_DOMAIN_VALUE, label: NO_DOMAIN_NAME });
    return options;
  }, [domains, capabilities]);
  // A role or domain deleted (or undone away) while it is the filter: show everything again.
  const activeRole = roleId && roles.some((role) => role.id === roleId) ? roleId : null;
  const activeDomain = domainValue && domainOptions.some((option) => option.value === domainValue) ? domainValue : null;
  const filter = useMemo<MappingFilter>(() => ({ roleId: activeRole, domainId: activeDomain === NO_DOMAIN_VALUE ? NO_DOMAIN_ID : activeDomain }), [activeRole, activeDomain]);
  if (!source) return null;
  const roleOptions = roles.map((role) => ({ value: role.id, label: role.team ? `${role.name} (${role.team})` : role.name }));
  const nothingToMap = source.findings.length === 0 && source.capabilities.length === 0 && source.roles.length === 0;

  return (
    <div className="plp-map" data-testid="mapping-graph">
      <Group className="plp-map-toolbar" gap="sm" wrap="wrap">
        <Select
          size="sm"
          w={260}
          placeholder="All roles"
          aria-label="Show the mapping for one role"
          data={roleOptions}
          value={activeRole}
          onChange={setRoleId}
          clearable
          searchable
          data-testid="mapping-role-filter"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          size="sm"
          w={220}
          placeholder="All domains"
          aria-label="Show the mapping for one capability domain"
          data={domainOptions}
          value={activeDomain}
          onChange={setDomainValue}
          clearable
          data-testid="mapping-domain-filter"
        />
        <Button variant="default" size="sm" leftSection={<IconZoomScan size={16} />} onClick={() => fitRef.current?.()} data-testid="mapping-fit">
          Zoom to fit
        </Button>
        <Text size="sm" c="dimmed" className="plp-map-hint">
          Drag from a finding to a capability: evidence of a gap. From a capability to a role: a target level, set on the link. Delete removes a selected link.
        </Text>
      </Group>
      <div className="plp-map-canvas" role="region" aria-label="Mapping graph: findings, capabilities and roles" data-testid="mapping-canvas" onKeyDown={focusLevelOnEnter}>
        {nothingToMap ? (
          <div className="plp-map-empty" data-testid="mapping-empty">
            <Text fw={650}>Nothing to map yet</Text>
            <Text size="sm" c="dimmed" maw={460} ta="center">
              Capture findings above, and add capabilities and roles in the Capability model. Then drag from a finding to the capability it is evidence for, and from a capability to each role that needs it.
            </Text>
          </div>
        ) : (
          // A fresh React Flow per filter: its first view is computed for what the filter shows.
          <ReactFlowProvider key={`${activeRole ?? ''}|${activeDomain ?? ''}`}>
            <MappingCanvas source={source} filter={filter} fitRef={fitRef} />
          </ReactFlowProvider>
        )}
      </div>
    </div>
  );
}

/** Memoised without props: the workspace re-renders on every edit, the graph only on what it reads. */
export const MappingGraph = memo(MappingBody);
