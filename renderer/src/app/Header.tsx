/** The header: the mark, the project (title, client, file, unsaved state) and the document commands. */
import { ActionIcon, Button, Divider, Group, Kbd, Menu, Text, Tooltip, useComputedColorScheme } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconChevronDown,
  IconDeviceFloppy,
  IconFilePlus,
  IconFolderOpen,
  IconMoon,
  IconSparkles,
  IconSun,
  IconX,
  IconHistory,
  IconFileExport,
  IconTableImport,
} from '@tabler/icons-react';
import { renameProject } from '../../../shared/domain/commands/project-commands';
import { selectDocument, selectIsUnsaved, selectRedoLabel, selectTitle, selectUndoLabel } from '../state/project-store';
import { InlineText } from '../components/InlineText';
import { ImportWizardHost } from '../features/import/ImportWizard';
import { openImportWizard } from '../features/import/import-wizard-store';
import { AppMark } from './AppMark';
import { fileNameOf } from './document-actions';
import { useProject, useServices, useUi } from './services';
import { shortcutLabel, type ShortcutId } from './shortcuts';

function ShortcutHint({ label, shortcut }: { label: string; shortcut: ShortcutId }) {
  return (
    <Group gap={8} wrap="nowrap">
      <span>{label}</span>
      <Kbd size="xs">{shortcutLabel(shortcut)}</Kbd>
    </Group>
  );
}

export function DirtyMarker() {
  const unsaved = useProject(selectIsUnsaved);
  if (!unsaved) return null;
  return (
    <span className="plp-dirty" data-testid="dirty-marker" role="status">
      <span className="plp-dirty-dot" aria-hidden>
        ●
      </span>
      Unsaved changes
    </span>
  );
}

function ProjectIdentity() {
  const { store, uiStore } = useServices();
  const title = useProject(selectTitle);
  const document = useProject(selectDocument);
  const client = useProject((state) => state.history?.present.meta.clientOrganisation ?? '');
  const editing = useUi((state) => state.editingTitle);
  if (!document) return null;
  return (
    <div className="plp-identity">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <div style={{ minWidth: 0, maxWidth: 620 }}>
          <InlineText
            value={title}
            label="Project title"
            testId="project-title"
            size="lg"
            fw={650}
            truncate
            maxLength={500}
            editing={editing}
            onEditingChange={(next) => uiStore.getState().setEditingTitle(next)}
            onCommit={(next) => {
              const result = store.getState().run(() => renameProject(next));
              return result.ok ? { ok: true } : { ok: false, message: result.message };
            }}
          />
        </div>
        <DirtyMarker />
      </Group>
      <Text size="sm" c="dimmed" truncate="end" data-testid="project-subtitle" className="plp-subtitle">
        {client || 'No client organisation'} · <span data-testid="file-name">{document.filePath ? fileNameOf(document.filePath) : 'Not saved yet'}</span>
      </Text>
    </div>
  );
}

function ProjectMenu() {
  const { actions, uiStore } = useServices();
  const recent = useUi((state) => state.recentFiles);
  const hasDocument = useProject((state) => state.document !== null);
  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={16} aria-hidden />} data-testid="project-menu" className="plp-header-button">
          Project
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFilePlus size={18} />} rightSection={<Kbd size="xs">{shortcutLabel('new-project')}</Kbd>} onClick={() => void actions.newProject('blank')}>
          New project
        </Menu.Item>
        <Menu.Item leftSection={<IconSparkles size={18} />} onClick={() => void actions.newProject('sample')}>
          Open the sample project
        </Menu.Item>
        <Menu.Item leftSection={<IconFolderOpen size={18} />} rightSection={<Kbd size="xs">{shortcutLabel('open-project')}</Kbd>} onClick={() => void actions.open()}>
          Open…
        </Menu.Item>
        {recent.length > 0 ? (
          <>
            <Menu.Label>Recent</Menu.Label>
            {recent.slice(0, 5).map((path) => (
              <Menu.Item key={path} leftSection={<IconHistory size={18} />} onClick={() => void actions.openPath(path)} title={path}>
                <Text size="sm" truncate="end" maw={220}>
                  {fileNameOf(path)}
                </Text>
              </Menu.Item>
            ))}
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item leftSection={<IconTableImport size={18} />} disabled={!hasDocument} onClick={openImportWizard} data-testid="menu-import-assessments">
          Import assessments…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileExport size={18} />}
          rightSection={<Kbd size="xs">{shortcutLabel('save-as')}</Kbd>}
          disabled={!hasDocument}
          onClick={() => void actions.saveAs()}
        >
          Save as…
        </Menu.Item>
        <Menu.Item leftSection={<IconX size={18} />} disabled={!hasDocument} onClick={() => void actions.close()}>
          Close project
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => uiStore.getState().setEditingTitle(true)} disabled={!hasDocument} rightSection={<Kbd size="xs">F2</Kbd>}>
          Rename project
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ThemeToggle() {
  const { toggleTheme } = useServices();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon variant="default" size={40} onClick={toggleTheme} aria-label={`Switch to ${next} theme`} data-testid="theme-toggle">
        {scheme === 'dark' ? <IconSun size={20} aria-hidden /> : <IconMoon size={20} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

function HistoryButtons() {
  const { actions } = useServices();
  const undoLabel = useProject(selectUndoLabel);
  const redoLabel = useProject(selectRedoLabel);
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={<ShortcutHint label={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'} shortcut="undo" />}>
        <ActionIcon variant="default" size={40} aria-label="Undo" data-testid="undo-button" disabled={!undoLabel} onClick={actions.undo}>
          <IconArrowBackUp size={20} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={<ShortcutHint label={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'} shortcut="redo" />}>
        <ActionIcon variant="default" size={40} aria-label="Redo" data-testid="redo-button" disabled={!redoLabel} onClick={actions.redo}>
          <IconArrowForwardUp size={20} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function Header() {
  const { actions } = useServices();
  const hasDocument = useProject((state) => state.document !== null);
  const unsaved = useProject(selectIsUnsaved);
  return (
    <Group h="100%" wrap="nowrap" gap={0} className="plp-header">
      <Group gap="sm" wrap="nowrap" className="plp-brand">
        <AppMark />
        <Text fw={700} size="lg" className="plp-wordmark">
          PLP Studio
        </Text>
      </Group>
      <Group h="100%" px="lg" gap="md" wrap="nowrap" style={{ flex: 1, minWidth: 0 }} justify="space-between">
        <ProjectIdentity />
        <Group gap="sm" wrap="nowrap">
          <ProjectMenu />
          {hasDocument ? (
            <>
              <Divider orientation="vertical" />
              <HistoryButtons />
              <Tooltip label={<ShortcutHint label={unsaved ? 'Save changes' : 'Everything is saved'} shortcut="save" />}>
                <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={() => void actions.save()} data-testid="save-button" variant={unsaved ? 'filled' : 'default'}>
                  Save
                </Button>
              </Tooltip>
            </>
          ) : null}
          <Divider orientation="vertical" />
          <ThemeToggle />
          <ImportWizardHost />
        </Group>
      </Group>
    </Group>
  );
}
