/**
 * Edits to PLP frameworks and their pathway graphs. Each is one undoable command.
 *
 * Checks happen in two places:
 * - when the command is built: everything that does not depend on the project (shapes, text
 *   lengths, finite positions, min ≤ max) — a refused edit never reaches the history;
 * - when it is applied: everything that does (the framework, steps and connections exist, ids
 *   are new, the catalog activities, capabilities and roles it refers to exist).
 * Both throw `CommandError` with a sentence the studio shows as it is.
 *
 * Pathway *design* problems (two starts, a loop, a group asking for more picks than it offers)
 * are not refused: the designer is mid-way through building, and live validation
 * (shared/domain/pathways/validation.ts) says what is wrong and where. What is refused is what
 * would make the file itself inconsistent (an edge to a missing step, a repeated id) or is
 * certainly a slip (a step connected to itself, the same connection twice).
 *
 * Large frameworks: commands look things up in the plain project and touch only the drafts they
 * change, so a drag in a 1,000-step framework stays cheap (no proxy per untouched node).
 */
import { produce, type Draft } from 'immer';
import { z } from 'zod';
import {
  FrameworkSchema,
  IdSchema,
  LongText,
  MixTargetSchema,
  PathwayEdgeSchema,
  PathwayNodeSchema,
  PositionSchema,
  RequiredShortText,
  SELECTION_RULES,
  type Framework,
  type PathwayEdge,
  type PathwayNode,
  type Project,
} from '../schema';
import { CommandError, type ProjectCommand } from './command';

export type Position = PathwayNode['position'];
export type OptionalGroupNode = Extract<PathwayNode, { kind: 'optional-group' }>;

const KIND_LABEL: Record<PathwayNode['kind'], string> = {
  'pre-assessment': 'pre-assessment',
  core: 'core activity',
  'optional-group': 'optional group',
  'post-assessment': 'post-assessment',
  capstone: 'capstone',
  milestone: 'milestone',
};

const steps = (count: number): string => (count === 1 ? 'step' : `${count} steps`);
const connections = (count: number): string => (count === 1 ? 'connection' : `${count} connections`);

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')} ` : '';
  return `${where}${issue.message}`;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CommandError(`${what}: ${firstIssue(result.error)}.`);
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Lookups on the plain project

function frameworkIndex(project: Project, frameworkId: string): number {
  const index = project.frameworks.findIndex((framework) => framework.id === frameworkId);
  if (index < 0) throw new CommandError(`There is no framework "${frameworkId}".`);
  return index;
}

function nodeIndexMap(framework: Framework): Map<string, number> {
  const map = new Map<string, number>();
  framework.nodes.forEach((node, index) => {
    if (!map.has(node.id)) map.set(node.id, index);
  });
  return map;
}

function requireNode(indices: ReadonlyMap<string, number>, nodeId: string): number {
  const index = indices.get(nodeId);
  if (index === undefined) throw new CommandError(`There is no step "${nodeId}" in this framework.`);
  return index;
}

function requireActivities(project: Project, activityIds: Iterable<string>): void {
  const known = new Set(project.activities.map((activity) => activity.id));
  for (const id of activityIds) if (!known.has(id)) throw new CommandError(`There is no activity "${id}" in the catalog.`);
}

function requireCapabilities(project: Project, capabilityIds: Iterable<string>): void {
  const known = new Set(project.capabilities.map((capability) => capability.id));
  for (const id of capabilityIds) if (!known.has(id)) throw new CommandError(`There is no capability "${id}" in the capability model.`);
}

function requireRoles(project: Project, roleIds: Iterable<string>): void {
  const known = new Set(project.roles.map((role) => role.id));
  for (const id of roleIds) if (!known.has(id)) throw new CommandError(`There is no role "${id}" in the capability model.`);
}

/** The catalog activities and capabilities a step refers to must exist. */
function requireNodeReferences(project: Project, node: PathwayNode): void {
  const activityIds: string[] = [];
  if (node.kind === 'optional-group') activityIds.push(...node.activityIds);
  else if ('activityId' in node && node.activityId) activityIds.push(node.activityId);
  requireActivities(project, activityIds);
  if ('capabilityIds' in node) requireCapabilities(project, node.capabilityIds);
}

/**
 * A command on one framework: `recipe` gets the framework's draft to write to and the plain
 * framework to read from (reading the draft would create a proxy per visited node).
 */
function frameworkCommand(label: string, frameworkId: string, recipe: (draft: Draft<Framework>, base: Framework, project: Project) => void): ProjectCommand {
  return {
    label,
    apply(project) {
      const index = frameworkIndex(project, frameworkId);
      const base = project.frameworks[index]!;
      return produce(project, (draft) => {
        recipe(draft.frameworks[index]!, base, project);
      });
    },
  };
}

function sameEdgeExists(framework: Framework, source: string, target: string, except?: string): boolean {
  return framework.edges.some((edge) => edge.source === source && edge.target === target && edge.id !== except);
}

function checkConnection(framework: Framework, indices: ReadonlyMap<string, number>, source: string, target: string, except?: string): void {
  requireNode(indices, source);
  requireNode(indices, target);
  if (source === target) throw new CommandError('A step cannot come before itself: connect it to a different step.');
  if (sameEdgeExists(framework, source, target, except)) throw new CommandError('These two steps are already connected in this direction.');
}

// ---------------------------------------------------------------------------------------------
// Frameworks

export const FRAMEWORK_NAME_MAX = 500;

export interface NewFrameworkInput {
  id: string;
  name: string;
  description?: string;
  audienceRoleIds?: string[];
  focusCapabilityIds?: string[];
  durationWeeks?: number;
}

/** Adds an empty framework (no steps yet) with the schema's defaults for everything not given. */
export function addFramework(input: NewFrameworkInput): ProjectCommand {
  const framework = parsed(FrameworkSchema, { ...input, nodes: [], edges: [] }, 'The new framework');
  return {
    label: 'New framework',
    apply(project) {
      if (project.frameworks.some((existing) => existing.id === framework.id)) throw new CommandError(`A framework with the id "${framework.id}" already exists.`);
      requireRoles(project, framework.audienceRoleIds);
      requireCapabilities(project, framework.focusCapabilityIds);
      return produce(project, (draft) => {
        draft.frameworks.push(framework);
      });
    },
  };
}

/** Removes a framework. Refused while a learner's plan is built on it (the plan would lose its basis). */
export function deleteFramework(frameworkId: string): ProjectCommand {
  return {
    label: 'Delete framework',
    apply(project) {
      const index = frameworkIndex(project, frameworkId);
      const plans = project.plans.filter((plan) => plan.frameworkId === frameworkId).length;
      if (plans > 0) throw new CommandError(`${plans === 1 ? 'A learner plan is' : `${plans} learner plans are`} built on this framework: delete or move ${plans === 1 ? 'it' : 'them'} first.`);
      return produce(project, (draft) => {
        draft.frameworks.splice(index, 1);
      });
    },
  };
}

const FrameworkPropertiesSchema = z.strictObject({
  name: RequiredShortText.optional(),
  description: LongText.optional(),
  audienceRoleIds: z.array(IdSchema).optional(),
  focusCapabilityIds: z.array(IdSchema).optional(),
  durationWeeks: z.number().int('must be a whole number of weeks').min(1, 'must be at least 1 week').max(260, 'must be at most 260 weeks').optional(),
  participationExpectations: z.array(LongText).max(100).optional(),
  assessmentAndFeedback: z.array(LongText).max(100).optional(),
  mixTarget: MixTargetSchema.optional(),
});
export type FrameworkPropertiesPatch = z.input<typeof FrameworkPropertiesSchema>;

const PROPERTY_LABEL: Record<keyof FrameworkPropertiesPatch, string> = {
  name: 'Rename framework',
  description: 'Edit framework description',
  audienceRoleIds: 'Change audience roles',
  focusCapabilityIds: 'Change focus capabilities',
  durationWeeks: 'Change planned duration',
  participationExpectations: 'Edit participation expectations',
  assessmentAndFeedback: 'Edit assessment and feedback',
  mixTarget: 'Change 70-20-10 target',
};

/** Sets framework properties; lists are kept free of blank entries and repeated ids. */
export function updateFrameworkProperties(frameworkId: string, patch: FrameworkPropertiesPatch): ProjectCommand {
  const next = parsed(FrameworkPropertiesSchema, patch, 'The framework');
  const keys = Object.keys(next) as (keyof FrameworkPropertiesPatch)[];
  const label = keys.length === 1 ? PROPERTY_LABEL[keys[0]!] : 'Edit framework properties';
  const unique = (ids: string[]): string[] => [...new Set(ids)];
  const lines = (items: string[]): string[] => items.map((item) => item.trim()).filter((item) => item !== '');
  return frameworkCommand(label, frameworkId, (draft, base, project) => {
    if (next.audienceRoleIds) requireRoles(project, next.audienceRoleIds);
    if (next.focusCapabilityIds) requireCapabilities(project, next.focusCapabilityIds);
    if (next.name !== undefined && next.name !== base.name) draft.name = next.name;
    if (next.description !== undefined && next.description !== base.description) draft.description = next.description;
    if (next.audienceRoleIds && !sameList(next.audienceRoleIds, base.audienceRoleIds)) draft.audienceRoleIds = unique(next.audienceRoleIds);
    if (next.focusCapabilityIds && !sameList(next.focusCapabilityIds, base.focusCapabilityIds)) draft.focusCapabilityIds = unique(next.focusCapabilityIds);
    if (next.durationWeeks !== undefined && next.durationWeeks !== base.durationWeeks) draft.durationWeeks = next.durationWeeks;
    if (next.participationExpectations) {
      const items = lines(next.participationExpectations);
      if (!sameList(items, base.participationExpectations)) draft.participationExpectations = items;
    }
    if (next.assessmentAndFeedback) {
      const items = lines(next.assessmentAndFeedback);
      if (!sameList(items, base.assessmentAndFeedback)) draft.assessmentAndFeedback = items;
    }
    if (next.mixTarget) {
      const target = next.mixTarget;
      const current = base.mixTarget;
      if (target.experiential !== current.experiential || target.social !== current.social || target.formal !== current.formal || target.tolerance !== current.tolerance) {
        draft.mixTarget = target;
      }
    }
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

// ---------------------------------------------------------------------------------------------
// Steps

export type PathwayNodeInput = z.input<typeof PathwayNodeSchema>;

/** Adds one step. Its activities and capabilities must exist; its id must be new in the framework. */
export function addNode(frameworkId: string, input: PathwayNodeInput): ProjectCommand {
  const node = parsed(PathwayNodeSchema, input, `The new ${KIND_LABEL[input.kind] ?? 'step'}`);
  return frameworkCommand(`Add ${KIND_LABEL[node.kind]}`, frameworkId, (draft, base, project) => {
    if (base.nodes.some((existing) => existing.id === node.id)) throw new CommandError(`A step with the id "${node.id}" already exists in this framework.`);
    requireNodeReferences(project, node);
    draft.nodes.push(node);
  });
}

function positionsOf(positions: ReadonlyMap<string, Position> | Readonly<Record<string, Position>>): Map<string, Position> {
  const entries = positions instanceof Map ? [...positions.entries()] : Object.entries(positions);
  const result = new Map<string, Position>();
  for (const [id, position] of entries) {
    const checked = PositionSchema.safeParse(position);
    if (!checked.success) throw new CommandError(`The position of step "${id}" must be two finite numbers.`);
    result.set(id, { x: checked.data.x, y: checked.data.y });
  }
  return result;
}

// The index of the last framework's steps a move looked at: during a drag every frame moves the
// same steps of an array that only changes in positions, so the index stays valid (each use is
// checked) and a frame costs O(moved steps), not O(all steps).
let moveIndex: { nodes: readonly PathwayNode[]; indices: Map<string, number> } | null = null;

function indexFor(nodes: readonly PathwayNode[], id: string): number | undefined {
  if (moveIndex) {
    const index = moveIndex.indices.get(id);
    if (index !== undefined && nodes[index]?.id === id) return index;
    if (moveIndex.nodes === nodes) return undefined;
  }
  const indices = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!indices.has(node.id)) indices.set(node.id, index);
  });
  moveIndex = { nodes, indices };
  return indices.get(id);
}

/**
 * Moves steps to new positions (a drag, an arrow key, an alignment). Unchanged positions are not
 * written. Runs on every frame of a drag, so it copies only the arrays on the path to the moved
 * steps (structural sharing, as immer would, without its per-element bookkeeping).
 */
export function moveNodes(frameworkId: string, positions: ReadonlyMap<string, Position> | Readonly<Record<string, Position>>, label?: string): ProjectCommand {
  const next = positionsOf(positions);
  return {
    label: label ?? `Move ${steps(next.size)}`,
    apply(project) {
      const f = frameworkIndex(project, frameworkId);
      const base = project.frameworks[f]!;
      let nodes: PathwayNode[] | null = null;
      for (const [id, position] of next) {
        const index = indexFor(base.nodes, id);
        if (index === undefined) throw new CommandError(`There is no step "${id}" in this framework.`);
        const current = base.nodes[index]!;
        if (current.position.x === position.x && current.position.y === position.y) continue;
        nodes ??= base.nodes.slice();
        nodes[index] = { ...current, position };
      }
      if (!nodes) return project;
      const frameworks = project.frameworks.slice();
      frameworks[f] = { ...base, nodes };
      return { ...project, frameworks };
    },
  };
}

/** The positions an auto-layout computed, as one step ("Undo Auto-layout" puts every step back). */
export function applyLayout(frameworkId: string, positions: ReadonlyMap<string, Position> | Readonly<Record<string, Position>>): ProjectCommand {
  return moveNodes(frameworkId, positions, 'Auto-layout');
}

/** Every field a step of this kind has, except its id, kind and position (moved with `moveNodes`). */
export type NodeFieldsPatch = Partial<Omit<PathwayNodeInput, 'id' | 'kind' | 'position'>> & Record<string, unknown>;

const NODE_FIELD_LABEL: Record<string, string> = {
  label: 'Rename step',
  notes: 'Edit step notes',
  activityId: 'Change activity',
  capabilityIds: 'Change assessed capabilities',
  checkIn: 'Change manager check-in',
  activityIds: 'Change group activities',
  min: 'Change group picks',
  max: 'Change group picks',
  selectionRule: 'Change selection rule',
};

/** Changes fields of one step; the result is checked against the step's schema and the catalog. */
export function updateNode(frameworkId: string, nodeId: string, patch: NodeFieldsPatch): ProjectCommand {
  if ('id' in patch || 'kind' in patch || 'position' in patch) throw new CommandError("A step's id and kind cannot be changed, and it is moved with a drag.");
  const keys = Object.keys(patch);
  const label = keys.length === 1 ? (NODE_FIELD_LABEL[keys[0]!] ?? 'Edit step') : 'Edit step';
  return frameworkCommand(label, frameworkId, (draft, base, project) => {
    const index = requireNode(nodeIndexMap(base), nodeId);
    const current = base.nodes[index]!;
    const node = parsed(PathwayNodeSchema, { ...current, ...patch }, `The ${KIND_LABEL[current.kind]}`);
    if (node.kind === 'optional-group' && node.min > node.max) throw new CommandError(`Learners cannot pick at least ${node.min} but at most ${node.max} activities: make the minimum no larger than the maximum.`);
    requireNodeReferences(project, node);
    if (JSON.stringify(node) === JSON.stringify(current)) return;
    draft.nodes[index] = node;
  });
}

function requireGroup(base: Framework, nodeId: string): { index: number; group: OptionalGroupNode } {
  const index = requireNode(nodeIndexMap(base), nodeId);
  const group = base.nodes[index]!;
  if (group.kind !== 'optional-group') throw new CommandError('Only an optional group has member activities.');
  return { index, group };
}

/** Adds catalog activities to an optional group (ones already in it are skipped). */
export function addGroupActivities(frameworkId: string, nodeId: string, activityIds: readonly string[]): ProjectCommand {
  const ids = parsed(z.array(IdSchema).min(1, 'choose at least one activity'), activityIds, 'The activities to add');
  return frameworkCommand(ids.length === 1 ? 'Add activity to group' : `Add ${ids.length} activities to group`, frameworkId, (draft, base, project) => {
    const { index, group } = requireGroup(base, nodeId);
    requireActivities(project, ids);
    const fresh = [...new Set(ids)].filter((id) => !group.activityIds.includes(id));
    if (fresh.length === 0) return;
    (draft.nodes[index] as Draft<OptionalGroupNode>).activityIds.push(...fresh);
  });
}

/** Removes activities from an optional group. */
export function removeGroupActivities(frameworkId: string, nodeId: string, activityIds: readonly string[]): ProjectCommand {
  const ids = new Set(parsed(z.array(IdSchema), activityIds, 'The activities to remove'));
  return frameworkCommand(ids.size === 1 ? 'Remove activity from group' : `Remove ${ids.size} activities from group`, frameworkId, (draft, base) => {
    const { index, group } = requireGroup(base, nodeId);
    const kept = group.activityIds.filter((id) => !ids.has(id));
    if (kept.length === group.activityIds.length) return;
    (draft.nodes[index] as Draft<OptionalGroupNode>).activityIds = kept;
  });
}

const GroupRuleSchema = z.strictObject({
  min: z.number().int('must be a whole number').min(0, 'must not be negative').max(1000).optional(),
  max: z.number().int('must be a whole number').min(0, 'must not be negative').max(1000).optional(),
  selectionRule: z.enum(SELECTION_RULES).optional(),
});
export type GroupRulePatch = z.input<typeof GroupRuleSchema>;

/** How many of its activities a learner takes from a group, and how they are chosen. */
export function setGroupRule(frameworkId: string, nodeId: string, patch: GroupRulePatch): ProjectCommand {
  const next = parsed(GroupRuleSchema, patch, 'The group rule');
  const label = next.selectionRule !== undefined && next.min === undefined && next.max === undefined ? 'Change selection rule' : 'Change group picks';
  return frameworkCommand(label, frameworkId, (draft, base) => {
    const { index, group } = requireGroup(base, nodeId);
    const min = next.min ?? group.min;
    const max = next.max ?? group.max;
    if (min > max) throw new CommandError(`Learners cannot pick at least ${min} but at most ${max} activities: make the minimum no larger than the maximum.`);
    const rule = next.selectionRule ?? group.selectionRule;
    if (min === group.min && max === group.max && rule === group.selectionRule) return;
    const target = draft.nodes[index] as Draft<OptionalGroupNode>;
    target.min = min;
    target.max = max;
    target.selectionRule = rule;
  });
}

/** Deletes steps and connections; the connections of a deleted step go with it. */
export function deleteElements(frameworkId: string, selection: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }): ProjectCommand {
  const nodeIds = new Set(selection.nodeIds ?? []);
  const edgeIds = new Set(selection.edgeIds ?? []);
  const label =
    nodeIds.size > 0 ? (nodeIds.size === 1 ? 'Delete step' : `Delete ${nodeIds.size} steps`) : edgeIds.size === 1 ? 'Delete connection' : `Delete ${edgeIds.size} connections`;
  return frameworkCommand(label, frameworkId, (draft, base) => {
    const indices = nodeIndexMap(base);
    for (const id of nodeIds) requireNode(indices, id);
    const knownEdges = new Set(base.edges.map((edge) => edge.id));
    for (const id of edgeIds) if (!knownEdges.has(id)) throw new CommandError(`There is no connection "${id}" in this framework.`);
    if (nodeIds.size > 0) draft.nodes = base.nodes.filter((node) => !nodeIds.has(node.id));
    const edges = base.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target));
    if (edges.length !== base.edges.length) draft.edges = edges;
  });
}

/** Deletes one step and its connections. */
export function deleteNodes(frameworkId: string, nodeIds: readonly string[]): ProjectCommand {
  return deleteElements(frameworkId, { nodeIds });
}

// ---------------------------------------------------------------------------------------------
// Connections: "source comes before target"

/** Connects two steps: `source` comes before `target`. */
export function connectNodes(frameworkId: string, input: PathwayEdge): ProjectCommand {
  const edge = parsed(PathwayEdgeSchema, input, 'The connection');
  return frameworkCommand('Connect steps', frameworkId, (draft, base) => {
    if (base.edges.some((existing) => existing.id === edge.id)) throw new CommandError(`A connection with the id "${edge.id}" already exists.`);
    checkConnection(base, nodeIndexMap(base), edge.source, edge.target);
    draft.edges.push(edge);
  });
}

/** Removes connections. */
export function disconnectEdges(frameworkId: string, edgeIds: readonly string[]): ProjectCommand {
  const command = deleteElements(frameworkId, { edgeIds });
  return { label: edgeIds.length === 1 ? 'Disconnect steps' : `Remove ${connections(edgeIds.length)}`, apply: command.apply };
}

/** Moves one end (or both) of a connection to other steps. */
export function reconnectEdge(frameworkId: string, edgeId: string, ends: { source: string; target: string }): ProjectCommand {
  const next = parsed(z.strictObject({ source: IdSchema, target: IdSchema }), ends, 'The connection');
  return frameworkCommand('Reconnect steps', frameworkId, (draft, base) => {
    const index = base.edges.findIndex((edge) => edge.id === edgeId);
    if (index < 0) throw new CommandError(`There is no connection "${edgeId}" in this framework.`);
    const current = base.edges[index]!;
    if (current.source === next.source && current.target === next.target) return;
    checkConnection(base, nodeIndexMap(base), next.source, next.target, edgeId);
    draft.edges[index] = { id: edgeId, source: next.source, target: next.target };
  });
}

// ---------------------------------------------------------------------------------------------
// Paste

/**
 * Adds copied steps and their connections (from `pasteFragment`, which gives them fresh ids)
 * as one step. The ids must be new here; connections may only join pasted or existing steps;
 * the activities and capabilities they refer to must be in this project's catalog and model (a
 * fragment copied from another project may not be).
 */
export function pasteNodes(frameworkId: string, fragment: { nodes: readonly PathwayNodeInput[]; edges: readonly PathwayEdge[] }, label?: string): ProjectCommand {
  const nodes = parsed(z.array(PathwayNodeSchema).max(20_000), fragment.nodes, 'The pasted steps');
  const edges = parsed(z.array(PathwayEdgeSchema).max(40_000), fragment.edges, 'The pasted connections');
  return frameworkCommand(label ?? (nodes.length === 1 ? 'Paste step' : `Paste ${nodes.length} steps`), frameworkId, (draft, base, project) => {
    if (nodes.length === 0 && edges.length === 0) return;
    const nodeIds = new Set(base.nodes.map((node) => node.id));
    for (const node of nodes) {
      if (nodeIds.has(node.id)) throw new CommandError(`A step with the id "${node.id}" already exists in this framework.`);
      nodeIds.add(node.id);
      requireNodeReferences(project, node);
    }
    const edgeIds = new Set(base.edges.map((edge) => edge.id));
    for (const edge of edges) {
      if (edgeIds.has(edge.id)) throw new CommandError(`A connection with the id "${edge.id}" already exists in this framework.`);
      edgeIds.add(edge.id);
      if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) throw new CommandError('A pasted connection leads to a step that is not in this framework.');
      if (edge.source === edge.target) throw new CommandError('A pasted connection joins a step to itself.');
    }
    draft.nodes.push(...nodes);
    draft.edges.push(...edges);
  });
}
