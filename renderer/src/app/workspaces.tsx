/** The five workspaces, in the order of the method. */
import { IconClipboardSearch, IconFileExport, IconHierarchy3, IconRoute, IconUsersGroup, type Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Project } from '../../../shared/domain/schema';
import { CapabilityModelWorkspace } from '../features/capability-model/CapabilityModelWorkspace';
import { ExportWorkspace } from '../features/export/ExportWorkspace';
import { LearnersWorkspace } from '../features/learners-plans/LearnersWorkspace';
import { NeedsAnalysisWorkspace } from '../features/needs-analysis/NeedsAnalysisWorkspace';
import { PathwaysWorkspace } from '../features/pathways/PathwaysWorkspace';
import type { ShortcutId } from './shortcuts';
import type { WorkspaceId } from './ui-store';

export interface WorkspaceDefinition {
  id: WorkspaceId;
  label: string;
  icon: Icon;
  shortcut: ShortcutId;
  /** The count shown in the navigation, with what it counts (for screen readers). */
  count: ((project: Project) => { value: number; noun: string }) | null;
  component: ComponentType;
}

export const WORKSPACES: readonly WorkspaceDefinition[] = [
  {
    id: 'needs-analysis',
    label: 'Needs analysis',
    icon: IconClipboardSearch,
    shortcut: 'workspace-1',
    count: (project) => ({ value: project.findings.length, noun: 'findings' }),
    component: NeedsAnalysisWorkspace,
  },
  {
    id: 'capability-model',
    label: 'Capability model',
    icon: IconHierarchy3,
    shortcut: 'workspace-2',
    count: (project) => ({ value: project.capabilities.length, noun: 'capabilities' }),
    component: CapabilityModelWorkspace,
  },
  {
    id: 'pathways',
    label: 'Pathways',
    icon: IconRoute,
    shortcut: 'workspace-3',
    count: (project) => ({ value: project.frameworks.length, noun: 'frameworks' }),
    component: PathwaysWorkspace,
  },
  {
    id: 'learners-plans',
    label: 'Learners & plans',
    icon: IconUsersGroup,
    shortcut: 'workspace-4',
    count: (project) => ({ value: project.learners.length, noun: 'learners' }),
    component: LearnersWorkspace,
  },
  { id: 'export', label: 'Export', icon: IconFileExport, shortcut: 'workspace-5', count: null, component: ExportWorkspace },
];
