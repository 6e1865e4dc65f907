/**
 * The cohort pack: every (or the chosen) learner's plan as Word and/or PDF into one folder, with
 * roster.csv. The main process does the work and reports after each learner; the studio stays
 * usable, shows the progress and can cancel between documents.
 */
import { Alert, Badge, Button, Checkbox, Group, List, Modal, Paper, Progress, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFolderOpen, IconPackageExport, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '../../../../shared/domain/schema';
import type { ExportCohortOutcome, ExportFormat, ExportSummary, OnExistingChoice } from '../../../../shared/ipc/contract';
import { showToast } from '../../app/mantine-ui';
import { useServices } from '../../app/services';
import { UnknownPlaceholdersModal, type UnknownPlaceholders } from './UnknownPlaceholdersModal';

interface Progress {
  done: number;
  total: number;
  current: string;
}

type Conflict = { folder: string; files: string[] };
type Retry = UnknownPlaceholders & { folder: string | null; onExisting: OnExistingChoice };

function newJobId(): string {
  return `job-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export function CohortPanel({ project }: { project: Project }) {
  const { api } = useServices();
  const roles = useMemo(() => new Map(project.roles.map((role) => [role.id, role.name])), [project.roles]);
  const planned = useMemo(() => new Set(project.plans.map((plan) => plan.learnerId)), [project.plans]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(project.learners.map((learner) => learner.id)));
  const [query, setQuery] = useState('');
  const [formats, setFormats] = useState<ExportFormat[]>(['docx', 'pdf']);
  const [roster, setRoster] = useState(true);
  const [includeWarnings, setIncludeWarnings] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [unknownPlaceholders, setUnknownPlaceholders] = useState<Retry | null>(null);
  const [result, setResult] = useState<{ status: 'exported' | 'cancelled'; summary: ExportSummary } | null>(null);
  const job = useRef<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      api.events.exportProgress((event) => {
        if (event.jobId === job.current) setProgress({ done: event.done, total: event.total, current: event.current });
      }),
    [api],
  );

  const learners = project.learners.filter((learner) => selected.has(learner.id));
  const needle = query.trim().toLowerCase();
  const shown = needle ? project.learners.filter((learner) => `${learner.name} ${learner.email} ${roles.get(learner.roleId ?? '') ?? ''} ${learner.team}`.toLowerCase().includes(needle)) : project.learners;
  const allShownSelected = shown.length > 0 && shown.every((learner) => selected.has(learner.id));
  /** Progress exists exactly while an export runs. */
  const running = progress !== null;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleShown = () =>
    setSelected((current) => {
      const next = new Set(current);
      for (const learner of shown) {
        if (allShownSelected) next.delete(learner.id);
        else next.add(learner.id);
      }
      return next;
    });
  const toggleFormat = (format: ExportFormat) => setFormats((current) => (current.includes(format) ? current.filter((candidate) => candidate !== format) : [...current, format]));

  const run = async (folder?: string, onExisting: OnExistingChoice = 'ask', allowUnknownPlaceholders = false) => {
    const jobId = newJobId();
    job.current = jobId;
    setResult(null);
    setCancelling(false);
    setProgress({ done: 0, total: learners.length, current: '' });
    let outcome: ExportCohortOutcome;
    try {
      outcome = await api.exportCohort({
        jobId,
        project,
        learnerIds: learners.map((learner) => learner.id),
        formats,
        roster,
        includeWarnings,
        onExisting,
        allowUnknownPlaceholders,
        ...(folder ? { folder } : {}),
      });
    } catch (error) {
      outcome = { status: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      job.current = null;
      setProgress(null);
    }
    if (outcome.status === 'existing') setConflict({ folder: outcome.folder, files: outcome.files });
    else if (outcome.status === 'unknown-placeholders') setUnknownPlaceholders({ fileName: outcome.fileName, unknown: outcome.unknown, folder: outcome.folder, onExisting });
    else if (outcome.status === 'failed') showToast({ kind: 'error', title: 'Export failed', message: outcome.error.message, persistent: true });
    else if (outcome.status === 'exported' || outcome.status === 'cancelled') {
      setResult(outcome);
      const documents = outcome.summary.written.filter((file) => file !== outcome.summary.roster).length;
      showToast({
        kind: outcome.status === 'cancelled' ? 'info' : outcome.summary.failed.length > 0 ? 'error' : 'success',
        title: outcome.status === 'cancelled' ? 'Export cancelled' : 'Cohort exported',
        message: `${plural(documents, 'file')} written to ${outcome.summary.folder}`,
      });
    }
  };

  const cancel = async () => {
    if (!job.current) return;
    setCancelling(true);
    await api.cancelExport({ jobId: job.current });
  };

  const resolveConflict = (choice: OnExistingChoice | null) => {
    const pending = conflict;
    setConflict(null);
    if (choice && pending) void run(pending.folder, choice);
  };

  if (project.learners.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center" data-testid="cohort-empty">
        The project has no learners yet: add them in Learners &amp; plans, then export their plans here.
      </Text>
    );
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Stack gap="md" className="plp-cohort">
      <Paper withBorder radius="lg" p="md">
        <Group align="flex-end" gap="xl" wrap="wrap">
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Formats
            </Text>
            <Group gap="md">
              <Checkbox label="Word (.docx)" checked={formats.includes('docx')} onChange={() => toggleFormat('docx')} disabled={running} data-testid="cohort-format-docx" />
              <Checkbox label="PDF" checked={formats.includes('pdf')} onChange={() => toggleFormat('pdf')} disabled={running} data-testid="cohort-format-pdf" />
            </Group>
          </Stack>
          <Checkbox label="Roster (roster.csv)" checked={roster} onChange={(event) => setRoster(event.currentTarget.checked)} disabled={running} data-testid="cohort-roster" />
          <Checkbox label="Include points to discuss" checked={includeWarnings} onChange={(event) => setIncludeWarnings(event.currentTarget.checked)} disabled={running} />
          <Button
            ml="auto"
            size="md"
            leftSection={<IconFolderOpen size={18} />}
            onClick={() => void run()}
            disabled={running || learners.length === 0 || formats.length === 0}
            data-testid="cohort-export"
          >
            {learners.length === 0 ? 'Choose learners to export' : `Export ${plural(learners.length, 'plan')} to a folder…`}
          </Button>
        </Group>
        {formats.length === 0 ? (
          <Text size="sm" c="red" mt="xs" role="alert">
            Choose Word, PDF or both.
          </Text>
        ) : null}
      </Paper>

      {progress ? (
        <Paper withBorder radius="lg" p="md" data-testid="cohort-progress" aria-live="polite">
          <Group justify="space-between" mb="xs">
            <Text size="sm" fw={600}>
              {cancelling ? 'Cancelling after the current document…' : `Exporting ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
              {progress.current && !cancelling ? <Text span c="dimmed" size="sm">{` — ${progress.current}`}</Text> : null}
            </Text>
            <Button variant="default" size="xs" onClick={() => void cancel()} disabled={cancelling} data-testid="cohort-cancel">
              Cancel
            </Button>
          </Group>
          <Progress value={percent} size="lg" radius="xl" animated={!cancelling} aria-label={`Export progress: ${progress.done} of ${progress.total} learners`} data-testid="cohort-progress-bar" />
        </Paper>
      ) : null}

      {result ? <ExportResult result={result} /> : null}

      <Paper withBorder radius="lg" p={0}>
        <Group p="sm" gap="md">
          <TextInput leftSection={<IconSearch size={16} />} placeholder="Filter by name, e-mail, role or team" aria-label="Filter learners" value={query} onChange={(event) => setQuery(event.currentTarget.value)} w={320} />
          <Text size="sm" c="dimmed" data-testid="cohort-selected-count">
            {`${learners.length} of ${project.learners.length} selected`}
          </Text>
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>
                  <Checkbox aria-label={allShownSelected ? 'Deselect the learners shown' : 'Select the learners shown'} checked={allShownSelected} indeterminate={!allShownSelected && shown.some((learner) => selected.has(learner.id))} onChange={toggleShown} data-testid="cohort-select-all" />
                </Table.Th>
                <Table.Th>Learner</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>Plan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((learner) => (
                <Table.Tr key={learner.id} data-testid="cohort-row">
                  <Table.Td>
                    <Checkbox aria-label={`Export ${learner.name}`} checked={selected.has(learner.id)} onChange={() => toggle(learner.id)} disabled={running} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {learner.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {learner.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{roles.get(learner.roleId ?? '') ?? '—'}</Table.Td>
                  <Table.Td>{learner.manager || '—'}</Table.Td>
                  <Table.Td>
                    {planned.has(learner.id) ? (
                      <Badge variant="light" color="teal">
                        Saved plan
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray" title="The engine drafts a plan for the export; it is not saved to the project.">
                        Draft at export
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>

      <UnknownPlaceholdersModal
        question={unknownPlaceholders}
        onAnswer={(exportAnyway) => {
          const pending = unknownPlaceholders;
          setUnknownPlaceholders(null);
          if (exportAnyway && pending) void run(pending.folder ?? undefined, pending.onExisting, true);
        }}
      />

      <Modal opened={conflict !== null} onClose={() => resolveConflict(null)} title="Some files are already in this folder" data-testid="cohort-conflict" size="lg">
        {conflict ? (
          <Stack>
            <Text size="sm">
              {`${plural(conflict.files.length, 'file')} with the same name ${conflict.files.length === 1 ? 'is' : 'are'} already in ${conflict.folder}:`}
            </Text>
            <ScrollArea.Autosize mah={160}>
              <List size="sm" spacing={2}>
                {conflict.files.slice(0, 50).map((file) => (
                  <List.Item key={file}>{file}</List.Item>
                ))}
              </List>
              {conflict.files.length > 50 ? <Text size="sm" c="dimmed">{`…and ${conflict.files.length - 50} more`}</Text> : null}
            </ScrollArea.Autosize>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => resolveConflict(null)}>
                Cancel
              </Button>
              <Button variant="default" onClick={() => resolveConflict('skip')} data-testid="conflict-skip">
                Skip those
              </Button>
              <Button variant="default" onClick={() => resolveConflict('keep-both')} data-testid="conflict-keep-both">
                Keep both
              </Button>
              <Button color="red" onClick={() => resolveConflict('overwrite')} data-testid="conflict-overwrite">
                Overwrite
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function ExportResult({ result }: { result: { status: 'exported' | 'cancelled'; summary: ExportSummary } }) {
  const { summary } = result;
  const documents = summary.written.filter((file) => file !== summary.roster).length;
  return (
    <Alert
      color={result.status === 'cancelled' ? 'yellow' : summary.failed.length > 0 ? 'red' : 'teal'}
      title={result.status === 'cancelled' ? `Cancelled after ${plural(summary.done, 'learner')} of ${summary.total}` : `Exported ${plural(summary.done, 'learner')}`}
      icon={<IconPackageExport size={20} />}
      data-testid="cohort-result"
      data-status={result.status}
    >
      <Stack gap={4}>
        <Text size="sm">{`${plural(documents, 'document')}${summary.roster ? ' and roster.csv' : ''} in ${summary.folder}.`}</Text>
        {result.status === 'cancelled' ? <Text size="sm">Every file written is complete; nothing was left half-written.</Text> : null}
        {summary.generatedPlans > 0 ? <Text size="sm">{`${plural(summary.generatedPlans, 'plan')} drafted for this export (not saved to the project).`}</Text> : null}
        {summary.skipped.length > 0 ? (
          <>
            <Title order={4} size="sm" mt={4}>
              Skipped
            </Title>
            <List size="sm">
              {summary.skipped.slice(0, 20).map((skip) => (
                <List.Item key={`${skip.name}-${skip.file ?? ''}`}>{skip.reason}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {summary.failed.length > 0 ? (
          <>
            <Title order={4} size="sm" mt={4}>
              Not written
            </Title>
            <List size="sm">
              {summary.failed.map((failure) => (
                <List.Item key={failure.file}>{`${failure.file}: ${failure.message}`}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {summary.notes.map((note) => (
          <Text key={note} size="sm">
            {note}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
