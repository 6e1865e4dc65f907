/**
 * Step 3: PLP frameworks, each a pathway built in a graph editor.
 *
 *   header     the framework picker, "New framework", counts and the validation summary
 *   left       palette (step kinds) and the activity catalog, to drag from
 *   centre     toolbar, the canvas (React Flow), the live Problems list
 *   right      the 70-20-10 meter, and the Step / Framework panels
 *
 * A segmented control in the header switches to the activity catalog view (features/catalog).
 *
 * Validation and the mix are computed here once per edit (not per drag frame: they read the
 * project as it was before a gesture, and positions do not change either) and handed down.
 */
import { ActionIcon, Button, Group, Loader, Menu, Modal, Popover, Select, Stack, Tabs, Text, TextInput, Tooltip, Title } from '@mantine/core';
import {
  IconClipboard,
  IconCopy,
  IconCopyPlus,
  IconKeyboard,
  IconLayoutAlignLeft,
  IconPlus,
  IconRoute,
  IconSitemap,
  IconTrash,
  IconZoomScan,
} from '@tabler/icons-react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addFramework, applyLayout } from '../../../../shared/domain/commands/pathway-commands';
import { newId } from '../../../../shared/domain/ids';
import { pathwayMix, type FrameworkMix } from '../../../../shared/domain/pathways/mix';
import type { Framework } from '../../../../shared/domain/schema';
import { validatePathway, type PathwayProblem } from '../../../../shared/domain/pathways/validation';
import { showToast } from '../../app/mantine-ui';
import { useProject, useServices } from '../../app/services';
import { isMac } from '../../app/shortcuts';
import { TeachingEmptyState } from '../../components/WorkspaceFrame';
import { CatalogWorkspace } from '../catalog/CatalogWorkspace';
import { usePathwaysView } from '../catalog/view-store';
import { PathwaysViewSwitch } from '../catalog/ViewSwitch';
import { useStartWithSample } from '../useStartWithSample';
import {
  addStep,
  addToGroup,
  alignSelection,
  copySelection,
  currentFramework,
  deleteSelection,
  duplicateSelection,
  fitAll,
  frameNodes,
  measuredSizes,
  pasteClipboard,
  stableProject,
  type EditorContext,
} from './editor-actions';
import { editorStore, useEditor } from './editor-store';
import { FrameworkCanvas } from './FrameworkCanvas';
import { FrameworkPanel } from './FrameworkPanel';
import { problemMarks, type Catalog, type StepFlowNode } from './flow-model';
import { ALIGNMENTS, ALIGNMENT_LABEL, type Point } from './geometry';
import { LayoutCancelled, layoutPathway } from './layout/layout-client';
import { MixMeter } from './MixMeter';
import { Palette } from './Palette';
import type { DragPayload, DropTarget } from './pointer-drag';
import { ProblemsPanel } from './ProblemsPanel';
import { ShortcutList, StepInspector } from './StepInspector';
import { useEditorKeyboard } from './use-editor-keyboard';
import './pathways.css';

function NewFrameworkModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { store } = useServices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = newId('framework');
    const result = store.getState().run(() => addFramework({ id, name }));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    editorStore.getState().openFramework(id);
    setName('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New framework" data-testid="new-framework-modal">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            A framework is the pathway for one role or capability. It starts empty: build it from the palette.
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Negotiation PLP — Key account managers"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            maxLength={500}
            data-testid="new-framework-name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={name.trim() === ''} data-testid="new-framework-create">
              Create framework
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CoreActivityModal({ request, onClose, onChoose }: { request: { at: Point | undefined } | null; onClose: () => void; onChoose: (activityId: string, at: Point | undefined) => void }) {
  const activities = useProject((state) => state.history?.present.activities ?? []);
  const [choice, setChoice] = useState<string | null>(null);
  return (
    <Modal opened={request !== null} onClose={onClose} title="Which activity does everyone take?" data-testid="core-activity-modal">
      <Stack>
        <Select
          label="Core activity"
          placeholder="Search the catalog"
          data={activities.map((activity) => ({ value: activity.id, label: activity.title }))}
          value={choice}
          onChange={setChoice}
          searchable
          nothingFoundMessage="No activity matches"
          data-autofocus
          data-testid="core-activity-select"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!choice}
            onClick={() => {
              if (choice && request) onChoose(choice, request.at);
              setChoice(null);
            }}
            data-testid="core-activity-add"
          >
            Add core step
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Toolbar({ ctx, onLayout, layingOut }: { ctx: EditorContext; onLayout: () => void; layingOut: boolean }) {
  const selectedCount = useEditor((state) => state.selectedNodes.size);
  const selectedAny = useEditor((state) => state.selectedNodes.size + state.selectedEdges.size > 0);
  const clipboard = useEditor((state) => state.clipboard);
  const hasNodes = useProject((state) => (currentFrameworkNodes(state, ctx.frameworkId) ?? 0) > 0);
  const MOD = isMac ? '⌘' : 'Ctrl+';
  /** After a click (not a key press) on a tool, the canvas has the keyboard again, so Delete or Ctrl+V work next. */
  const act = (event: MouseEvent<HTMLElement>, action: () => void) => {
    action();
    if (event.detail > 0) ctx.canvas()?.focus({ preventScroll: true });
  };
  const tool = (label: string, shortcut: string | null, icon: ReactNode, onClick: () => void, disabled: boolean, testId: string) => (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label}>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={(event) => act(event, onClick)} disabled={disabled} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={4} className="plp-toolbar" role="toolbar" aria-label="Pathway tools" wrap="nowrap">
      <Button variant="light" size="xs" leftSection={layingOut ? <Loader size={14} /> : <IconSitemap size={16} />} onClick={onLayout} disabled={!hasNodes || layingOut} data-testid="auto-layout">
        Auto-layout
      </Button>
      {tool('Zoom to fit', null, <IconZoomScan size={18} />, () => fitAll(ctx), !hasNodes, 'fit-view')}
      <span className="plp-toolbar-divider" aria-hidden />
      {tool('Copy', `${MOD}C`, <IconCopy size={18} />, () => copySelection(ctx), selectedCount === 0, 'copy')}
      {tool(
        clipboard ? `Paste ${clipboard.fragment.nodes.length === 1 ? '1 step' : `${clipboard.fragment.nodes.length} steps`}` : 'Paste',
        `${MOD}V`,
        <IconClipboard size={18} />,
        () => pasteClipboard(ctx),
        !clipboard,
        'paste',
      )}
      {tool('Duplicate', `${MOD}D`, <IconCopyPlus size={18} />, () => duplicateSelection(ctx), selectedCount === 0, 'duplicate')}
      {tool('Delete', 'Delete', <IconTrash size={18} />, () => deleteSelection(ctx), !selectedAny, 'delete')}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Tooltip label="Align and distribute the selected steps">
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Align" disabled={selectedCount < 2} data-testid="align-menu">
              <IconLayoutAlignLeft size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {ALIGNMENTS.map((alignment) => (
            <Menu.Item
              key={alignment}
              disabled={alignment.startsWith('distribute') ? selectedCount < 3 : selectedCount < 2}
              onClick={(event) => act(event, () => alignSelection(ctx, alignment, ALIGNMENT_LABEL[alignment]))}
            >
              {ALIGNMENT_LABEL[alignment]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <span className="plp-grow" />
      <Text size="xs" c="dimmed" className="plp-toolbar-hint" aria-live="polite">
        {selectedCount > 0 ? `${selectedCount} selected` : 'Shift+drag to select several'}
      </Text>
      <Popover position="bottom-end" withArrow shadow="md" width={380}>
        <Popover.Target>
          <Tooltip label="Keyboard shortcuts">
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Keyboard shortcuts">
              <IconKeyboard size={18} />
            </ActionIcon>
          </Tooltip>
        </Popover.Target>
        <Popover.Dropdown>
          <ShortcutList />
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

function currentFrameworkNodes(state: Parameters<typeof stableProject>[0], frameworkId: string): number | null {
  return state.history?.present.frameworks.find((framework) => framework.id === frameworkId)?.nodes.length ?? null;
}

function SidePanels({ ctx, frameworkId }: { ctx: EditorContext | null; frameworkId: string }) {
  const panel = useEditor((state) => state.panel);
  return (
    <Tabs value={panel} onChange={(value) => editorStore.getState().showPanel(value === 'step' ? 'step' : 'framework')} className="plp-side-tabs" keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="step" data-testid="tab-step">
          Step
        </Tabs.Tab>
        <Tabs.Tab value="framework" data-testid="tab-framework">
          Framework
        </Tabs.Tab>
      </Tabs.List>
      <div className="plp-side-scroll">
        <Tabs.Panel value="step" p="md">
          <StepInspector ctx={ctx} />
        </Tabs.Panel>
        <Tabs.Panel value="framework" p="md">
          <FrameworkPanel key={frameworkId} frameworkId={frameworkId} />
        </Tabs.Panel>
      </div>
    </Tabs>
  );
}

interface Checked {
  framework: Framework | null;
  problems: readonly PathwayProblem[];
  mix: FrameworkMix | null;
}

function EditorBody({ frameworkId, checked }: { frameworkId: string; checked: Checked }) {
  const { store } = useServices();
  const flow = useReactFlow<StepFlowNode>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const ctx = useMemo<EditorContext>(() => ({ store, frameworkId, flow, canvas: () => canvasRef.current }), [store, frameworkId, flow]);
  useEditorKeyboard(ctx, canvasRef);

  const { framework, problems, mix } = checked;
  const activities = useProject((state) => state.history?.present.activities ?? []);
  const capabilities = useProject((state) => state.history?.present.capabilities ?? []);
  const catalog = useMemo<Catalog>(
    () => ({ activities: new Map(activities.map((activity) => [activity.id, activity])), capabilities: new Map(capabilities.map((capability) => [capability.id, capability])) }),
    [activities, capabilities],
  );
  const marks = useMemo(() => problemMarks(problems), [problems]);
  const empty = (framework?.nodes.length ?? 0) === 0;

  const [coreRequest, setCoreRequest] = useState<{ at: Point | undefined } | null>(null);
  const [layout, setLayout] = useState<{ controller: AbortController; count: number } | null>(null);

  const onDrop = useCallback(
    (payload: DragPayload, target: DropTarget) => {
      const at = flow.screenToFlowPosition({ x: target.clientX, y: target.clientY });
      if (payload.type === 'activity') {
        if (target.groupId) addToGroup(ctx, target.groupId, payload.activityId);
        else addStep(ctx, 'core', { at, activityId: payload.activityId });
      } else if (payload.kind === 'core') {
        setCoreRequest({ at });
      } else {
        addStep(ctx, payload.kind, { at });
      }
    },
    [ctx, flow],
  );
  const onAddKind = useCallback(
    (kind: Parameters<typeof addStep>[1]) => {
      if (kind === 'core') setCoreRequest({ at: undefined });
      else addStep(ctx, kind);
    },
    [ctx],
  );
  const onAddActivity = useCallback((activityId: string) => addStep(ctx, 'core', { activityId }), [ctx]);
  const canvasElement = useCallback(() => canvasRef.current, []);

  const onShowProblem = useCallback(
    (problem: PathwayProblem) => {
      if (problem.nodeIds.length > 0) frameNodes(ctx, problem.nodeIds, problem.edgeIds);
      else if (problem.edgeIds.length > 0) editorStore.getState().select([], problem.edgeIds);
      else editorStore.getState().showPanel('framework');
    },
    [ctx],
  );

  const runLayout = useCallback(async () => {
    const current = currentFramework(ctx);
    if (!current || current.nodes.length === 0) return;
    const controller = new AbortController();
    setLayout({ controller, count: current.nodes.length });
    const started = performance.now();
    try {
      const result = await layoutPathway(current.nodes, current.edges, measuredSizes(ctx), controller.signal);
      const still = new Set(currentFramework(ctx)?.nodes.map((node) => node.id) ?? []);
      const positions = new Map([...result.positions].filter(([id]) => still.has(id)));
      store.getState().run(() => applyLayout(frameworkId, positions));
      const canvas = canvasRef.current;
      if (canvas) {
        canvas.dataset.layoutMs = String(Math.round(result.ms));
        canvas.dataset.layoutTotalMs = String(Math.round(performance.now() - started));
      }
      requestAnimationFrame(() => fitAll(ctx));
    } catch (error) {
      if (!(error instanceof LayoutCancelled)) {
        showToast({ kind: 'error', title: "Couldn't arrange the pathway", message: `${error instanceof Error ? error.message : String(error)} Nothing was moved.` });
      }
    } finally {
      setLayout(null);
    }
  }, [ctx, store, frameworkId]);

  return (
    <div className="plp-editor">
      <Palette activities={activities} canvas={canvasElement} onDrop={onDrop} onAddKind={onAddKind} onAddActivity={onAddActivity} />
      <div className="plp-editor-centre">
        <Toolbar ctx={ctx} onLayout={() => void runLayout()} layingOut={layout !== null} />
        <div className="plp-canvas" ref={canvasRef} role="region" aria-label="Pathway canvas" tabIndex={-1} data-testid="pathway-canvas">
          <FrameworkCanvas frameworkId={frameworkId} catalog={catalog} nodeMarks={marks.nodes} edgeMarks={marks.edges} />
          {empty ? (
            <div className="plp-canvas-empty" data-testid="canvas-empty">
              <IconRoute size={30} stroke={1.5} aria-hidden />
              <Text fw={650}>Start the pathway</Text>
              <Text size="sm" c="dimmed" maw={380} ta="center">
                Drag a pre-assessment from the left onto the canvas, then core activities, an optional group, a post-assessment and a capstone. Connect them from each step&apos;s right-hand dot.
              </Text>
            </div>
          ) : null}
          {layout ? (
            <div className="plp-canvas-busy" role="status" data-testid="layout-busy">
              <Loader size="sm" />
              <Text size="sm">Arranging {layout.count.toLocaleString('en-US')} steps…</Text>
              <Button size="xs" variant="default" onClick={() => layout.controller.abort()}>
                Cancel
              </Button>
            </div>
          ) : null}
        </div>
        <ProblemsPanel problems={problems} onShow={onShowProblem} />
      </div>
      <div className="plp-side">
        {mix && framework ? <MixMeter mix={mix} weeks={framework.durationWeeks} /> : null}
        <SidePanels ctx={ctx} frameworkId={frameworkId} />
      </div>
      <CoreActivityModal
        request={coreRequest}
        onClose={() => setCoreRequest(null)}
        onChoose={(activityId, at) => {
          setCoreRequest(null);
          addStep(ctx, 'core', { at, activityId });
        }}
      />
      <span hidden data-testid="problem-count" data-errors={problems.filter((problem) => problem.severity === 'error').length} data-total={problems.length} />
    </div>
  );
}

function HeaderStats({ framework }: { framework: Framework | null }) {
  const steps = framework?.nodes.length ?? 0;
  const connections = framework?.edges.length ?? 0;
  return (
    <span className="plp-head-stats" data-testid="stat-steps" title={`${steps} ${steps === 1 ? 'step' : 'steps'}, ${connections} ${connections === 1 ? 'connection' : 'connections'}, ${framework?.durationWeeks ?? 0} weeks`}>
      <strong>{steps.toLocaleString('en-US')}</strong> {steps === 1 ? 'step' : 'steps'} · <strong>{connections.toLocaleString('en-US')}</strong>{' '}
      {connections === 1 ? 'connection' : 'connections'} · <strong>{framework?.durationWeeks ?? 0}</strong> weeks
    </span>
  );
}

function FrameworkEditor({ frameworkId, frameworks }: { frameworkId: string; frameworks: readonly { value: string; label: string }[] }) {
  const [creating, setCreating] = useState(false);
  const project = useProject(stableProject);
  const framework = project?.frameworks.find((candidate) => candidate.id === frameworkId) ?? null;
  const problems = useMemo(() => (project && framework ? validatePathway(project, framework) : []), [project, framework]);
  const mix = useMemo(() => (project && framework ? pathwayMix(project, framework) : null), [project, framework]);
  const checked = useMemo<Checked>(() => ({ framework, problems, mix }), [framework, problems, mix]);
  return (
    <section className="plp-pathways" data-testid="workspace-pathways" aria-labelledby="pathways-heading">
      <header className="plp-pathways-head">
        <Stack gap={0} className="plp-pathways-title">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
            Step 3 of 5
          </Text>
          <Title order={1} id="pathways-heading" className="plp-pathways-h1">
            Pathways
          </Title>
        </Stack>
        <PathwaysViewSwitch />
        <Select
          aria-label="Framework"
          className="plp-framework-picker"
          data={frameworks as { value: string; label: string }[]}
          value={frameworkId}
          allowDeselect={false}
          onChange={(id) => editorStore.getState().openFramework(id)}
          leftSection={<IconRoute size={16} aria-hidden />}
          comboboxProps={{ width: 'target' }}
          data-testid="framework-picker"
        />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-framework">
          New framework
        </Button>
        <span className="plp-grow" />
        <HeaderStats framework={framework} />
      </header>
      <ReactFlowProvider key={frameworkId}>
        <EditorBody frameworkId={frameworkId} checked={checked} />
      </ReactFlowProvider>
      <NewFrameworkModal opened={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

export function PathwaysWorkspace() {
  const hasProject = useProject((state) => state.history !== null);
  const options = useProject(useShallow((state) => (state.history?.present.frameworks ?? []).map((framework) => `${framework.id}\u0000${framework.name}`)));
  const openId = useEditor((state) => state.frameworkId);
  const startWithSample = useStartWithSample();
  const view = usePathwaysView();
  const [creating, setCreating] = useState(false);
  const frameworks = useMemo(
    () =>
      options.map((option) => {
        const [value, label] = option.split('\u0000') as [string, string];
        return { value, label };
      }),
    [options],
  );
  if (!hasProject) return null;
  if (view === 'catalog') return <CatalogWorkspace />;
  const frameworkId = frameworks.some((framework) => framework.value === openId) ? openId : (frameworks[0]?.value ?? null);

  if (!frameworkId) {
    return (
      <section className="plp-workspace" data-testid="workspace-pathways" aria-labelledby="pathways-heading">
        <Stack gap={4} mb="xl">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
            Step 3 of 5
          </Text>
          <Title order={1} id="pathways-heading">
            Pathways
          </Title>
          <Group mt="xs">
            <PathwaysViewSwitch />
          </Group>
        </Stack>
        <TeachingEmptyState
          testId="empty-pathways"
          icon={<IconRoute size={34} stroke={1.5} />}
          title="Design a learning pathway"
          description="A framework sets the route for a role or capability: start with a pre-assessment, add core courses everyone takes, offer optional workshops, podcasts, mentoring and on-the-job assignments chosen by each learner's gaps, then a post-assessment and a capstone."
          actionLabel="New framework"
          onAction={() => setCreating(true)}
          footnote={
            <>
              Or{' '}
              <Button variant="subtle" size="compact-sm" onClick={startWithSample}>
                explore the sample project
              </Button>
            </>
          }
        />
        <NewFrameworkModal opened={creating} onClose={() => setCreating(false)} />
      </section>
    );
  }
  return <FrameworkEditor frameworkId={frameworkId} frameworks={frameworks} />;
}
