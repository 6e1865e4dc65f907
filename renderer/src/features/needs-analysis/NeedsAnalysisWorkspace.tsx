/**
 * Step 1: what the needs analysis found, where it came from, how much it matters, what it
 * concerns. Quick capture for workshops at the top; the findings below, edited in place or in
 * full in a side panel.
 */
import '../capability-model/model-editor.css';
import { Group, SegmentedControl } from '@mantine/core';
import { IconClipboardSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useProject } from '../../app/services';
import { isTextEditingTarget } from '../../app/shortcuts';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { Announcer, focusSoon } from '../capability-model/editing';
import { useStartWithSample } from '../useStartWithSample';
import { FindingDrawer } from './FindingDrawer';
import { FindingsTable } from './FindingsTable';
import { GapHeatmap } from '../heatmap/GapHeatmap';
import { MappingGraph } from './mapping/MappingGraph';
import { QUICK_CAPTURE_SELECTOR, QuickCapture } from './QuickCapture';

type FindingsView = 'table' | 'mapping';
const VIEW_OPTIONS = [
  { value: 'table', label: 'Findings table' },
  { value: 'mapping', label: 'Mapping graph' },
];

/** "/" anywhere in the workspace (outside a text field or dialog) jumps to quick capture. */
function useSlashToCapture(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTextEditingTarget(event.target) || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      focusSoon(QUICK_CAPTURE_SELECTOR);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function NeedsAnalysisWorkspace() {
  const project = useProject(selectPresent);
  const startWithSample = useStartWithSample();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [recentId, setRecentId] = useState<string | null>(null);
  const [view, setView] = useState<FindingsView>('table');
  useSlashToCapture();
  if (!project) return null;
  const findings = project.findings;
  const high = findings.filter((finding) => finding.priority === 'high').length;
  const sources = new Set(findings.map((finding) => finding.source)).size;

  return (
    <WorkspaceFrame
      id="needs-analysis"
      step={1}
      title="Needs analysis"
      purpose="What employees can do today against what their role needs, from surveys, interviews, manager ratings and performance data. Each finding is evidence for a gap."
      aside={
        findings.length > 0 ? (
          <Group gap="xl">
            <Stat label={findings.length === 1 ? 'finding' : 'findings'} value={findings.length} />
            <Stat label="high priority" value={high} />
            <Stat label={sources === 1 ? 'source' : 'sources'} value={sources} />
          </Group>
        ) : undefined
      }
    >
      <QuickCapture project={project} onAdded={setRecentId} />
      <SegmentedControl
        className="plp-findings-view"
        data={VIEW_OPTIONS}
        value={view}
        onChange={(value) => {
          setView(value as FindingsView);
          // The graph wants the whole screen: bring its toolbar to the top (quick capture stays a "/" away).
          if (value === 'mapping') requestAnimationFrame(() => document.querySelector('[data-testid="findings-view"]')?.scrollIntoView({ block: 'start' }));
        }}
        aria-label="Show the findings as"
        data-testid="findings-view"
      />
      {view === 'mapping' ? (
        <MappingGraph />
      ) : findings.length === 0 ? (
        <TeachingEmptyState
          testId="empty-needs-analysis"
          icon={<IconClipboardSearch size={34} stroke={1.5} />}
          title="Capture what the needs analysis found"
          description="Type each finding in the box above as you hear it: Enter adds it, # links a capability, @ a role. Findings come from surveys, interviews, focus groups, self-assessments, manager ratings and performance data; linking them to capabilities and roles is what later justifies every activity in a learner's plan."
          actionLabel="Explore the sample project"
          onAction={startWithSample}
        />
      ) : (
        <FindingsTable project={project} recentId={recentId} onEdit={setEditingId} />
      )}
      <GapHeatmap />
      <FindingDrawer project={project} findingId={editingId} onClose={() => setEditingId(null)} />
      <Announcer />
    </WorkspaceFrame>
  );
}
