/**
 * One document: choose a learner's plan, their manager summary or a framework guide, see it
 * exactly as it will be exported, and save it as Word or PDF.
 */
import { Alert, Box, Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconRefresh } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Project } from '../../../../shared/domain/schema';
import type { DocumentTarget, ExportFormat, PreviewOutcome } from '../../../../shared/ipc/contract';
import { showToast } from '../../app/mantine-ui';
import { useServices } from '../../app/services';
import { PdfPreview } from './PdfPreview';
import { UnknownPlaceholdersModal, type UnknownPlaceholders } from './UnknownPlaceholdersModal';

type Kind = DocumentTarget['kind'];

const KIND_OPTIONS: { value: Kind; label: string }[] = [
  { value: 'plan', label: 'Learner plan' },
  { value: 'manager-summary', label: 'Manager summary' },
  { value: 'framework-guide', label: 'Framework guide' },
];

/** Edits arrive a keystroke at a time: wait for a pause before rendering again. */
const PREVIEW_DELAY_MS = 450;

function targetFor(kind: Kind, learnerId: string | null, frameworkId: string | null): DocumentTarget | null {
  if (kind === 'framework-guide') return frameworkId ? { kind, frameworkId } : null;
  return learnerId ? { kind, learnerId } : null;
}

export function DocumentPanel({ project }: { project: Project }) {
  const { api } = useServices();
  const [kind, setKind] = useState<Kind>('plan');
  const [learnerId, setLearnerId] = useState<string | null>(project.learners[0]?.id ?? null);
  const [frameworkId, setFrameworkId] = useState<string | null>(project.frameworks[0]?.id ?? null);
  const [includeWarnings, setIncludeWarnings] = useState(false);
  /** The last preview that came back, and the request it answers. */
  const [shown, setShown] = useState<{ request: object; outcome: PreviewOutcome } | null>(null);
  const [saving, setSaving] = useState<ExportFormat | null>(null);
  const [unknownPlaceholders, setUnknownPlaceholders] = useState<UnknownPlaceholders | null>(null);
  const [refresh, setRefresh] = useState(0);

  // A learner or framework deleted meanwhile: fall back to the first one.
  const learner = project.learners.find((candidate) => candidate.id === learnerId) ?? project.learners[0] ?? null;
  const framework = project.frameworks.find((candidate) => candidate.id === frameworkId) ?? project.frameworks[0] ?? null;
  const target = useMemo(() => targetFor(kind, learner?.id ?? null, framework?.id ?? null), [kind, learner?.id, framework?.id]);

  const request = useMemo(() => (target ? { project, target, includeWarnings, refresh } : null), [project, target, includeWarnings, refresh]);
  useEffect(() => {
    if (!request) return;
    let current = true;
    const timer = window.setTimeout(() => {
      api
        .previewDocument({ project: request.project, target: request.target, includeWarnings: request.includeWarnings })
        .catch((error: unknown): PreviewOutcome => ({ status: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }))
        .then((outcome) => {
          if (current) setShown({ request, outcome });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, request]);
  // The previous pages stay while the next render is on its way.
  const preview = request ? (shown?.outcome ?? null) : null;
  const rendering = request !== null && shown?.request !== request;

  const save = async (format: ExportFormat, allowUnknownPlaceholders = false) => {
    if (!target) return;
    setSaving(format);
    try {
      const outcome = await api.exportDocument({ project, target, includeWarnings, format, allowUnknownPlaceholders });
      if (outcome.status === 'exported') showToast({ kind: 'success', title: format === 'docx' ? 'Word document exported' : 'PDF exported', message: outcome.filePath, ...(outcome.notes.length > 0 ? { details: outcome.notes } : {}) });
      else if (outcome.status === 'unknown-placeholders') setUnknownPlaceholders({ fileName: outcome.fileName, unknown: outcome.unknown });
      else if (outcome.status === 'failed') showToast({ kind: 'error', title: 'Export failed', message: outcome.error.message, persistent: true });
    } finally {
      setSaving(null);
    }
  };

  const subjectPicker =
    kind === 'framework-guide' ? (
      <Select
        label="Framework"
        data={project.frameworks.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        value={framework?.id ?? null}
        onChange={setFrameworkId}
        allowDeselect={false}
        searchable
        w={320}
        data-testid="export-framework"
      />
    ) : (
      <Select
        label="Learner"
        data={project.learners.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        value={learner?.id ?? null}
        onChange={setLearnerId}
        allowDeselect={false}
        searchable
        nothingFoundMessage="No learner matches"
        w={320}
        data-testid="export-learner"
      />
    );

  return (
    <Box className="plp-export-document">
      <Paper withBorder radius="lg" p="md" className="plp-export-toolbar">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="export-kind-label">
              Document
            </Text>
            <SegmentedControl aria-labelledby="export-kind-label" data={KIND_OPTIONS} value={kind} onChange={(value) => setKind(value as Kind)} data-testid="export-kind" />
          </Stack>
          {subjectPicker}
          {kind !== 'framework-guide' ? (
            <Switch
              label="Include points to discuss"
              description="The engine's warnings, e.g. over the time budget"
              checked={includeWarnings}
              onChange={(event) => setIncludeWarnings(event.currentTarget.checked)}
              data-testid="export-include-warnings"
            />
          ) : null}
          <Group gap="xs" ml="auto">
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setRefresh((count) => count + 1)} disabled={!target || rendering} aria-label="Refresh the preview">
              Refresh
            </Button>
            <Button leftSection={<IconFileTypeDocx size={18} />} onClick={() => void save('docx')} loading={saving === 'docx'} disabled={!target || saving !== null} data-testid="export-docx">
              Export Word…
            </Button>
            <Button leftSection={<IconFileTypePdf size={18} />} onClick={() => void save('pdf')} loading={saving === 'pdf'} disabled={!target || saving !== null} data-testid="export-pdf">
              Export PDF…
            </Button>
          </Group>
        </Group>
      </Paper>

      <UnknownPlaceholdersModal
        question={unknownPlaceholders}
        onAnswer={(exportAnyway) => {
          setUnknownPlaceholders(null);
          if (exportAnyway) void save('docx', true);
        }}
      />

      <Box className="plp-preview" mt="md" aria-busy={rendering} aria-live="polite" data-testid="export-preview">
        {rendering ? (
          <Group gap="xs" className="plp-preview-status" data-testid="preview-updating">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Updating the preview…
            </Text>
          </Group>
        ) : null}
        {!target ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="preview-nothing">
            {kind === 'framework-guide' ? 'The project has no framework yet: build one in Pathways.' : 'The project has no learners yet: add them in Learners & plans.'}
          </Text>
        ) : preview?.status === 'failed' ? (
          <Alert color="orange" title="Nothing to preview" styles={{ label: { color: 'var(--plp-warning-text)' } }} data-testid="preview-failed">
            {preview.error.message}
          </Alert>
        ) : preview?.status === 'ready' ? (
          <Stack gap="sm">
            {preview.notes.map((note) => (
              <Alert key={note} color="blue" variant="light" data-testid="preview-note">
                {note}
              </Alert>
            ))}
            <Text size="xs" c="dimmed" ta="center">
              This is the PDF exactly as it will be exported. The Word document is made from the same content with Word's own heading and table styles
              {project.branding.clientTemplate ? `, filled into your template ${project.branding.clientTemplate.fileName}` : ''}.
            </Text>
            <PdfPreview pdfBase64={preview.pdfBase64} title={preview.title} />
          </Stack>
        ) : null}
      </Box>
    </Box>
  );
}
