/**
 * Import assessments from a spreadsheet, in six steps: file (and sheet) → header row → columns →
 * values → kind and date → review. Nothing touches the project until "Import valid rows"; the
 * import is then ONE command, so one undo step. "Save this mapping for next time…" in the values
 * step only records a name: the mapping is saved by that same command (one Undo removes the
 * import and the saved mapping), or alone when the file brings no changes.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconFileSpreadsheet, IconInfoCircle, IconTableImport } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import {
  checkColumnMapping,
  checkScaleMapping,
  chooseScaleMapping,
  columnLetter,
  completeScaleMapping,
  distinctCapabilityAnswers,
  hasChanges,
  planAssessmentImport,
  proposeAssessmentImport,
  type ColumnMapping,
  type ImportPlan,
  type RawTable,
  type ScaleMapping,
  type ScaleMappingSource,
} from '../../../../shared/domain/import';
import { findScaleMappingByName, type SaveScaleMappingInput } from '../../../../shared/domain/commands/scale-mapping-commands';
import { newId } from '../../../../shared/domain/ids';
import { IsoDate, type AssessmentKind, type Project } from '../../../../shared/domain/schema';
import { showToast } from '../../app/mantine-ui';
import { useProject, useServices } from '../../app/services';
import { selectPresent } from '../../state/project-store';
import { closeImportWizard, useImportWizardOpened } from './import-wizard-store';
import {
  ASSESSMENT_KIND_LABELS,
  WIZARD_KINDS,
  capIssues,
  capabilityColumnValues,
  describeIssueColumn,
  defaultMappingName,
  describeRow,
  importWithMappingCommand,
  mappingForHeaderRow,
  resolveValue,
  sampleValues,
  scaleMappingForValue,
  scaleMappingOptions,
  scaleMappingSourceValue,
  setColumnTarget,
  setValueLevel,
  targetOptions,
  targetToValue,
  todayIso,
  valueToTarget,
} from './wizard-model';
import './import.css';

const STEPS = [
  { label: 'File', description: 'Spreadsheet and sheet' },
  { label: 'Header row', description: 'Where the data starts' },
  { label: 'Columns', description: 'What each column is' },
  { label: 'Values', description: 'Answers → levels' },
  { label: 'Kind & date', description: 'What was assessed' },
  { label: 'Review', description: 'Check, then import' },
] as const;

const PREVIEW_ROWS = 14;
const HEADER_CHOICES = 25;
const ISSUE_LIMIT = 500;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

interface LoadedFile {
  filePath: string;
  fileName: string;
  sheets: string[];
  sheet: string | null;
  table: RawTable;
}

/** Mounted once (in the header); shows the wizard while it is open. */
export function ImportWizardHost() {
  const opened = useImportWizardOpened();
  const project = useProject(selectPresent);
  return (
    <Modal
      opened={opened && project !== null}
      onClose={closeImportWizard}
      title={
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={34} radius="md" aria-hidden>
            <IconTableImport size={20} />
          </ThemeIcon>
          <Text fw={650} fz="lg">
            Import assessments
          </Text>
        </Group>
      }
      size={1180}
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Cancel the import' }}
      data-testid="import-wizard"
      classNames={{ body: 'plp-import-body' }}
    >
      {project ? <WizardBody project={project} /> : null}
    </Modal>
  );
}

function WizardBody({ project }: { project: Project }) {
  const { api, store } = useServices();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>({ columns: [] });
  const [scaleMapping, setScaleMapping] = useState<ScaleMapping>({ name: '', entries: [] });
  const [scaleSource, setScaleSource] = useState<ScaleMappingSource>({ kind: 'automatic' });
  /** The user chose or edited the mapping: a new column mapping no longer re-chooses it. */
  const [scaleTouched, setScaleTouched] = useState(false);
  const [scaleEdited, setScaleEdited] = useState(false);
  /** "Save this mapping for next time": the name, saved with the import (same undo step). */
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const [kind, setKind] = useState<AssessmentKind>('pre');
  const [date, setDate] = useState(todayIso());

  const read = async (input: { filePath?: string; sheet?: string }) => {
    setReading(true);
    setReadError(null);
    try {
      const outcome = await api.readSpreadsheet(input);
      if (outcome.status === 'cancelled') return;
      if (outcome.status === 'failed') {
        setReadError(outcome.error.message);
        return;
      }
      const table = outcome.table;
      const proposal = proposeAssessmentImport(project, table);
      setFile({ filePath: outcome.filePath, fileName: outcome.fileName, sheets: outcome.sheets, sheet: outcome.sheet, table });
      setHeaderRow(proposal.headerRow);
      setMapping(proposal.mapping);
      setScaleMapping(proposal.scaleMapping);
      setScaleSource(proposal.scaleMappingSource);
      setScaleTouched(false);
      setScaleEdited(false);
      setSaveAs(null);
    } catch (error) {
      setReadError(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };

  /** New columns or header row: the same automatic choice as the proposal, unless the user chose. */
  const changeColumns = (table: RawTable, row: number, next: ColumnMapping) => {
    setMapping(next);
    if (scaleTouched) return;
    const choice = chooseScaleMapping(project, distinctCapabilityAnswers(table, row, next));
    setScaleMapping(choice.scaleMapping);
    setScaleSource(choice.source);
  };
  const chooseMapping = (value: string) => {
    const choice = scaleMappingForValue(project, value);
    if (!choice) return;
    setScaleMapping(choice.scaleMapping);
    setScaleSource(choice.source);
    setScaleTouched(true);
    setScaleEdited(false);
  };
  const editMapping = (next: ScaleMapping) => {
    setScaleMapping(next);
    setScaleTouched(true);
    setScaleEdited(true);
  };
  const answers = useMemo(() => (file ? distinctCapabilityAnswers(file.table, headerRow, mapping) : []), [file, headerRow, mapping]);
  const toSave = useMemo<SaveScaleMappingInput | null>(() => {
    if (saveAs === null) return null;
    const complete = completeScaleMapping(project.scale, scaleMapping, answers);
    return { id: newId('scalemap'), name: saveAs, entries: complete.entries, numericRange: complete.numericRange ?? null };
  }, [saveAs, project.scale, scaleMapping, answers]);

  const columnProblems = useMemo(() => (file ? checkColumnMapping(mapping, project) : []), [file, mapping, project]);
  const scaleProblems = useMemo(() => checkScaleMapping(scaleMapping, project.scale), [scaleMapping, project.scale]);
  const dateValid = IsoDate.safeParse(date).success;

  const plan = useMemo<ImportPlan | null>(() => {
    if (!file || step !== 5) return null;
    return planAssessmentImport({ project, table: file.table, headerRow, mapping, scaleMapping, kind, date, newId: (prefix) => newId(prefix) });
  }, [file, step, project, headerRow, mapping, scaleMapping, kind, date]);

  const canLeave = (index: number): boolean => {
    switch (index) {
      case 0:
        return file !== null && !reading;
      case 1:
        return file !== null;
      case 2:
        return columnProblems.length === 0;
      case 3:
        return scaleProblems.length === 0;
      case 4:
        return dateValid;
      default:
        return true;
    }
  };
  const reachable = (index: number): boolean => {
    for (let i = 0; i < index; i++) if (!canLeave(i)) return false;
    return true;
  };

  const importing = plan !== null && hasChanges(plan);
  const confirm = () => {
    if (!plan || (!importing && toSave === null)) return;
    const result = store.getState().run(importWithMappingCommand(plan, toSave));
    if (!result.ok) {
      showToast({ kind: 'error', title: importing ? 'Nothing was imported' : 'The mapping was not saved', message: result.message });
      return;
    }
    const saved = toSave ? ` The scale mapping “${toSave.name}” is saved for next time.` : '';
    if (!importing) {
      showToast({ kind: 'success', title: 'Scale mapping saved', message: `“${toSave?.name ?? ''}” is saved in the project for the next import. Undo removes it.` });
      closeImportWizard();
      return;
    }
    const { counts } = plan;
    showToast({
      kind: 'success',
      title: 'Assessments imported',
      message: `${plural(counts.assessmentsAdded, 'assessment', 'assessments')} added, ${counts.assessmentsUpdated} updated; ${plural(counts.learnersCreated, 'learner', 'learners')} created, ${counts.learnersUpdated} updated.${saved} Undo reverts the whole import${toSave ? ' and the saved mapping' : ''}.`,
    });
    closeImportWizard();
  };

  const body: Record<number, ReactNode> = {
    0: <FileStep file={file} reading={reading} error={readError} onChoose={() => void read({})} onSheet={(sheet) => file && void read({ filePath: file.filePath, sheet })} />,
    1: file ? (
      <HeaderStep
        table={file.table}
        headerRow={headerRow}
        onHeaderRow={(row) => {
          setHeaderRow(row);
          changeColumns(file.table, row, mappingForHeaderRow(project, file.table, row));
        }}
      />
    ) : null,
    2: file ? <ColumnsStep project={project} table={file.table} headerRow={headerRow} mapping={mapping} problems={columnProblems} onMapping={(next) => changeColumns(file.table, headerRow, next)} /> : null,
    3: file ? (
      <ValuesStep
        project={project}
        table={file.table}
        headerRow={headerRow}
        mapping={mapping}
        scaleMapping={scaleMapping}
        source={scaleSource}
        edited={scaleEdited}
        chosenAutomatically={!scaleTouched}
        problems={scaleProblems}
        onScaleMapping={editMapping}
        onChooseMapping={chooseMapping}
        saveAs={saveAs}
        defaultSaveName={scaleSource.kind === 'saved' ? scaleSource.name : defaultMappingName(file.fileName)}
        onSaveAs={setSaveAs}
      />
    ) : null,
    4: <KindStep kind={kind} date={date} dateValid={dateValid} onKind={setKind} onDate={setDate} />,
    5: plan ? <ReviewStep plan={plan} fileName={file?.fileName ?? ''} saveAs={saveAs} /> : null,
  };

  const last = step === STEPS.length - 1;
  return (
    <Stack gap="md" className="plp-import-layout">
      <Stepper active={step} onStepClick={(index) => reachable(index) && setStep(index)} size="sm" iconSize={32} allowNextStepsSelect={false} data-testid="import-stepper">
        {STEPS.map((item) => (
          <Stepper.Step key={item.label} label={item.label} aria-label={`${item.label}: ${item.description}`} />
        ))}
      </Stepper>
      <div key={step} className="plp-import-step" data-testid={`import-step-${step}`}>
        {body[step]}
      </div>
      <Group justify="space-between" className="plp-import-footer">
        <Button variant="default" onClick={closeImportWizard} data-testid="import-cancel">
          Cancel
        </Button>
        <Group gap="sm">
          {step > 0 ? (
            <Button variant="default" onClick={() => setStep(step - 1)} data-testid="import-back">
              Back
            </Button>
          ) : null}
          {last ? (
            <Button onClick={confirm} disabled={!plan || (!importing && toSave === null)} leftSection={<IconCheck size={18} aria-hidden />} data-testid="import-confirm">
              {importing || toSave === null ? 'Import valid rows' : 'Save the mapping'}
            </Button>
          ) : (
            <Button onClick={() => setStep(step + 1)} disabled={!canLeave(step)} data-testid="import-next">
              Next: {STEPS[step + 1]?.label}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 1: file and sheet

function FileStep(props: { file: LoadedFile | null; reading: boolean; error: string | null; onChoose: () => void; onSheet: (sheet: string) => void }) {
  const { file } = props;
  const rows = file?.table.rows.length ?? 0;
  const columns = file?.table.rows[0]?.length ?? 0;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" className="plp-import-file">
        <Group justify="space-between" wrap="nowrap" gap="lg">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
              <IconFileSpreadsheet size={28} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              {file ? (
                <>
                  <Text fw={650} truncate="end" data-testid="import-file-name">
                    {file.fileName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {file.sheet ? `Sheet “${file.sheet}” · ` : ''}
                    {rows.toLocaleString('en')} rows × {columns} columns
                  </Text>
                </>
              ) : (
                <>
                  <Text fw={650}>Choose the spreadsheet with the assessment results</Text>
                  <Text size="sm" c="dimmed">
                    CSV, TSV or Excel (.xlsx): a survey export, self-assessments or manager ratings, one learner per row and one capability per column.
                  </Text>
                </>
              )}
            </Stack>
          </Group>
          <Button onClick={props.onChoose} loading={props.reading} variant={file ? 'default' : 'filled'} data-testid="import-choose-file">
            {file ? 'Choose another file…' : 'Choose a spreadsheet…'}
          </Button>
        </Group>
      </Paper>
      {file && file.sheets.length > 1 ? (
        <Select
          label="Sheet"
          description="This workbook has several sheets: choose the one with the ratings."
          data={file.sheets}
          value={file.sheet}
          onChange={(sheet) => sheet && sheet !== file.sheet && props.onSheet(sheet)}
          allowDeselect={false}
          maw={420}
          data-testid="import-sheet"
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {props.error ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title="The file could not be read" data-testid="import-read-error">
          {props.error}
        </Alert>
      ) : null}
      {file ? <PreviewTable table={file.table} headerRow={-1} rows={6} caption="The first rows of the file" /> : null}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: header row

function PreviewTable(props: { table: RawTable; headerRow: number; rows: number; caption: string; onPick?: (row: number) => void }) {
  const { table, headerRow } = props;
  const end = Math.min(table.rows.length, Math.max(props.rows, headerRow + 8));
  const width = table.rows[0]?.length ?? 0;
  const columns = Array.from({ length: Math.min(width, 40) }, (_, index) => index);
  return (
    <ScrollArea type="auto" className="plp-import-preview" data-testid="import-preview" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': props.caption }}>
      <Table withColumnBorders withTableBorder striped={false} fz="sm" className="plp-import-table" aria-label={props.caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="plp-import-rownum" scope="col">
              Row
            </Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" className="plp-import-letter">
                {columnLetter(column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.slice(0, end).map((row, index) => {
            const isHeader = index === headerRow;
            return (
              <Table.Tr
                key={index}
                data-testid="preview-row"
                data-header={isHeader ? 'true' : undefined}
                className={isHeader ? 'plp-import-header-row' : index < headerRow ? 'plp-import-above' : undefined}
                onClick={props.onPick ? () => props.onPick?.(index) : undefined}
              >
                <Table.Th scope="row" className="plp-import-rownum">
                  {index + 1}
                  {isHeader ? (
                    <Badge size="xs" ml={6} variant="filled" className="plp-import-header-badge">
                      Header
                    </Badge>
                  ) : null}
                </Table.Th>
                {columns.map((column) => (
                  <Table.Td key={column} className="plp-import-cell" title={row[column] ?? ''}>
                    {row[column] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function HeaderStep(props: { table: RawTable; headerRow: number; onHeaderRow: (row: number) => void }) {
  const { table, headerRow } = props;
  const choices = table.rows.slice(0, HEADER_CHOICES).map((row, index) => ({ value: String(index), label: describeRow(row, index) }));
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="lg" wrap="nowrap">
        <Select
          label="Header row"
          description="The row with the column names. Rows above it (titles, export notes) are skipped; every row below it is data."
          data={choices}
          value={String(headerRow)}
          onChange={(value) => value !== null && props.onHeaderRow(Number(value))}
          allowDeselect={false}
          style={{ flex: 1 }}
          maw={640}
          data-testid="import-header-row"
        />
        <Text size="sm" c="dimmed" pb={6}>
          Detected automatically; change it if it is wrong.
        </Text>
      </Group>
      <PreviewTable table={table} headerRow={headerRow} rows={PREVIEW_ROWS} caption="Preview of the file with the header row marked" onPick={props.onHeaderRow} />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 3: columns

function ColumnsStep(props: { project: Project; table: RawTable; headerRow: number; mapping: ColumnMapping; problems: string[]; onMapping: (mapping: ColumnMapping) => void }) {
  const { project, table, headerRow, mapping } = props;
  const options = useMemo(() => targetOptions(project), [project]);
  const ignored = mapping.columns.filter((assignment) => assignment.target.kind === 'ignore' && assignment.header.trim() !== '');
  const capabilities = mapping.columns.filter((assignment) => assignment.target.kind === 'capability').length;
  const fields = mapping.columns.filter((assignment) => assignment.target.kind === 'learner').length;
  return (
    <Stack gap="md">
      <Group gap="lg">
        <Badge variant="dot" size="lg" color="indigo">
          {fields} learner {fields === 1 ? 'field' : 'fields'}
        </Badge>
        <Badge variant="dot" size="lg" color="teal">
          {capabilities} {capabilities === 1 ? 'capability' : 'capabilities'}
        </Badge>
        <Badge variant="dot" size="lg" color="gray" data-testid="import-unmatched-count">
          {ignored.length} not imported
        </Badge>
      </Group>
      {props.problems.length > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Fix the mapping to continue" data-testid="import-column-problems">
          <Stack gap={4}>
            {props.problems.map((problem) => (
              <Text key={problem} size="sm">
                {problem}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Table fz="sm" verticalSpacing={6} className="plp-import-mapping" aria-label="Column mapping" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={70}>
                Column
              </Table.Th>
              <Table.Th scope="col">Header in the file</Table.Th>
              <Table.Th scope="col">Examples</Table.Th>
              <Table.Th scope="col" w={330}>
                Imported as
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mapping.columns.map((assignment) => {
              const unmatched = assignment.target.kind === 'ignore';
              return (
                <Table.Tr key={assignment.column} data-testid="mapping-row" data-unmatched={unmatched ? 'true' : undefined}>
                  <Table.Td fw={650}>{columnLetter(assignment.column)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {assignment.header.trim() || <em>(no header)</em>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {sampleValues(table, headerRow, assignment.column).join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Column ${columnLetter(assignment.column)} (${assignment.header.trim() || 'no header'}) is imported as`}
                      data={options}
                      value={targetToValue(assignment.target)}
                      onChange={(value) => props.onMapping(setColumnTarget(mapping, assignment.column, valueToTarget(value)))}
                      allowDeselect={false}
                      searchable
                      size="sm"
                      leftSection={unmatched ? <IconInfoCircle size={16} aria-hidden /> : null}
                      data-testid={`column-target-${assignment.column}`}
                      className={unmatched ? 'plp-import-unmatched' : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 4: values

function ValuesStep(props: {
  project: Project;
  table: RawTable;
  headerRow: number;
  mapping: ColumnMapping;
  scaleMapping: ScaleMapping;
  source: ScaleMappingSource;
  edited: boolean;
  chosenAutomatically: boolean;
  problems: string[];
  onScaleMapping: (mapping: ScaleMapping) => void;
  onChooseMapping: (value: string) => void;
  saveAs: string | null;
  defaultSaveName: string;
  onSaveAs: (name: string | null) => void;
}) {
  const { project, scaleMapping, source } = props;
  const columns = useMemo(() => capabilityColumnValues(project, props.table, props.headerRow, props.mapping), [project, props.table, props.headerRow, props.mapping]);
  const levelOptions = project.scale.levels.map((level, index) => ({ value: level.id, label: `${index + 1} · ${level.label}` }));
  const range = scaleMapping.numericRange;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>
        Each answer found in a capability column and the level it becomes. The project&apos;s level names are read as they are (any case); change any answer&apos;s level here and it
        applies in every column. Blank cells, “n/a” and “-” mean <strong>not assessed</strong>: nothing is recorded for them.
      </Text>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Mapping"
          description="How the file's answers are read"
          data={scaleMappingOptions(project)}
          value={scaleMappingSourceValue(source)}
          onChange={(value) => value !== null && props.onChooseMapping(value)}
          allowDeselect={false}
          w={320}
          size="sm"
          data-testid="import-scale-mapping"
          comboboxProps={{ withinPortal: true }}
        />
        <SaveMappingControl saveAs={props.saveAs} defaultName={props.defaultSaveName} project={project} onSaveAs={props.onSaveAs} />
      </Group>
      {source.kind === 'saved' ? (
        <Alert variant="light" color="teal" icon={<IconDeviceFloppy size={18} aria-hidden />} py={8} data-testid="import-saved-mapping-note">
          <Text size="sm">
            Using your saved mapping <strong>“{source.name}”</strong>
            {props.edited ? ', with your changes below' : props.chosenAutomatically ? ': it reads the answers in this file better than the level names alone' : ''}.
          </Text>
        </Alert>
      ) : null}
      <Group gap="xs" align="center">
        <Text size="sm" fw={600}>
          Plain numbers from
        </Text>
        <NumberInput
          aria-label="Lowest number of the file's scale"
          value={range?.min ?? 1}
          onChange={(value) => typeof value === 'number' && props.onScaleMapping({ ...scaleMapping, numericRange: { min: value, max: range?.max ?? project.scale.levels.length } })}
          w={80}
          size="sm"
          data-testid="import-range-min"
        />
        <Text size="sm" fw={600}>
          to
        </Text>
        <NumberInput
          aria-label="Highest number of the file's scale"
          value={range?.max ?? project.scale.levels.length}
          onChange={(value) => typeof value === 'number' && props.onScaleMapping({ ...scaleMapping, numericRange: { min: range?.min ?? 1, max: value } })}
          w={80}
          size="sm"
          data-testid="import-range-max"
        />
        <Text size="sm" c="dimmed">
          are spread evenly over the {project.scale.levels.length} levels ({project.scale.levels.map((level) => level.label).join(', ')}).
        </Text>
      </Group>
      {props.problems.length > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Fix the scale mapping to continue">
          {props.problems.join(' ')}
        </Alert>
      ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md" data-testid="import-values">
          {columns.map((column) => (
            <Paper key={column.column} withBorder radius="md" p="sm" data-testid="value-column">
              <Text fw={650} size="sm" lineClamp={1}>
                {column.capabilityName}
              </Text>
              <Text size="xs" c="dimmed" mb={6} lineClamp={1}>
                Column {column.letter} · “{column.header}”{column.blanks > 0 ? ` · ${column.blanks} blank (not assessed)` : ''}
              </Text>
              <Table fz="sm" verticalSpacing={3} aria-label={`Answers in column ${column.letter}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Answer</Table.Th>
                    <Table.Th scope="col" w={50} ta="right">
                      Rows
                    </Table.Th>
                    <Table.Th scope="col" w={230}>
                      Level
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {column.values.map((item) => {
                    const resolution = resolveValue(item.value, project, scaleMapping);
                    return (
                      <Table.Tr key={item.value} data-testid="value-row" data-value={item.value} data-status={resolution.status}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.value}</Table.Td>
                        <Table.Td ta="right">{item.count}</Table.Td>
                        <Table.Td>
                          {resolution.status === 'not-assessed' ? (
                            <Text size="sm" c="dimmed" fs="italic">
                              Not assessed
                            </Text>
                          ) : (
                            <Select
                              aria-label={`Level for the answer “${item.value}” in column ${column.letter}`}
                              data={levelOptions}
                              value={resolution.status === 'level' ? resolution.levelId : null}
                              placeholder="Not recognised: rejected"
                              onChange={(levelId) => props.onScaleMapping(setValueLevel(scaleMapping, item.value, levelId))}
                              clearable={resolution.status === 'level' && resolution.explicit}
                              size="xs"
                              error={resolution.status === 'rejected'}
                              leftSection={resolution.status === 'rejected' ? <IconAlertTriangle size={14} aria-hidden /> : null}
                              data-testid="value-level"
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {column.more > 0 ? (
                <Text size="xs" c="dimmed" mt={4}>
                  and {column.more} more distinct answers
                </Text>
              ) : null}
            </Paper>
          ))}
        </SimpleGrid>
    </Stack>
  );
}

/**
 * "Save this mapping for next time…": asks for a name (the file's name, or the saved mapping's),
 * then the mapping is saved with the import, in the same undo step.
 */
function SaveMappingControl(props: { saveAs: string | null; defaultName: string; project: Project; onSaveAs: (name: string | null) => void }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(props.defaultName);
  const trimmed = name.trim();
  const replaces = trimmed === '' ? undefined : findScaleMappingByName(props.project, trimmed);
  if (props.saveAs !== null) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="import-save-mapping-pending">
        <ThemeIcon variant="light" color="teal" size={26} radius="xl" aria-hidden>
          <IconDeviceFloppy size={16} />
        </ThemeIcon>
        <Text size="sm">
          Saved as <strong>“{props.saveAs}”</strong> with the import
        </Text>
        <Button variant="subtle" size="xs" onClick={() => props.onSaveAs(null)} data-testid="import-save-mapping-undo">
          Don&apos;t save
        </Button>
      </Group>
    );
  }
  if (!naming) {
    return (
      <Button
        variant="default"
        size="sm"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        onClick={() => {
          setName(props.defaultName);
          setNaming(true);
        }}
        data-testid="import-save-mapping"
      >
        Save this mapping for next time…
      </Button>
    );
  }
  const commit = () => {
    if (trimmed === '') return;
    props.onSaveAs(trimmed);
    setNaming(false);
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label="Name of the mapping"
        description={replaces ? `Replaces your saved mapping “${replaces.name}”` : 'Saved in the project with the import; the next import of a similar file uses it.'}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setNaming(false);
          }
        }}
        error={trimmed === '' ? 'Give the mapping a name.' : undefined}
        maxLength={120}
        w={340}
        size="sm"
        data-autofocus
        autoFocus
        data-testid="import-save-mapping-name"
      />
      <Button size="sm" onClick={commit} disabled={trimmed === ''} data-testid="import-save-mapping-confirm">
        Save
      </Button>
      <Button size="sm" variant="subtle" onClick={() => setNaming(false)}>
        Cancel
      </Button>
    </Group>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 5: kind and date

function KindStep(props: { kind: AssessmentKind; date: string; dateValid: boolean; onKind: (kind: AssessmentKind) => void; onDate: (date: string) => void }) {
  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={6}>
        <Text fw={600} size="sm" id="import-kind-label">
          What kind of assessment is this?
        </Text>
        <SegmentedControl
          aria-labelledby="import-kind-label"
          data={WIZARD_KINDS.map((kind) => ({ value: kind, label: ASSESSMENT_KIND_LABELS[kind] }))}
          value={props.kind}
          onChange={(value) => props.onKind(value as AssessmentKind)}
          size="md"
          data-testid="import-kind"
        />
        <Text size="sm" c="dimmed">
          Pre-assessments drive each learner&apos;s plan and the gap heat-map; post-assessments measure gains; self and manager ratings are kept apart.
        </Text>
      </Stack>
      <TextInput
        type="date"
        label="Assessment date"
        description="Every imported assessment carries this date. Importing again with the same kind and date updates them instead of adding duplicates."
        value={props.date}
        onChange={(event) => props.onDate(event.currentTarget.value)}
        error={props.dateValid ? undefined : 'Enter a date.'}
        maw={560}
        styles={{ input: { maxWidth: 220 } }}
        data-testid="import-date"
      />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 6: review

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm" className="plp-import-count">
      <Text fz={28} fw={700} lh={1.1} data-testid={testId}>
        {value.toLocaleString('en')}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

function ReviewStep({ plan, fileName, saveAs }: { plan: ImportPlan; fileName: string; saveAs: string | null }) {
  const { counts } = plan;
  const changes = counts.learnersCreated + counts.learnersUpdated + counts.assessmentsAdded + counts.assessmentsUpdated;
  const rejected = capIssues(plan.rejected, ISSUE_LIMIT);
  const warnings = capIssues(plan.warnings, ISSUE_LIMIT);
  return (
    <Stack gap="md">
      {plan.problems.length > 0 ? (
        <Alert color="red" title="Nothing can be imported">
          {plan.problems.join(' ')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-counts">
        <Count label="learners created" value={counts.learnersCreated} testId="count-learners-created" />
        <Count label="learners updated" value={counts.learnersUpdated} testId="count-learners-updated" />
        <Count label="assessments added" value={counts.assessmentsAdded} testId="count-assessments-added" />
        <Count label="assessments updated" value={counts.assessmentsUpdated} testId="count-assessments-updated" />
      </SimpleGrid>
      {changes === 0 ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} aria-hidden />} title="0 changes" data-testid="import-no-changes">
          Everything valid in {fileName} is already in the project ({counts.assessmentsUnchanged} assessments unchanged). There is nothing to import.
        </Alert>
      ) : (
        <Text size="sm" data-testid="import-summary">
          <strong>{plural(changes, 'change', 'changes')}</strong> from {plural(counts.rows, 'data row', 'data rows')}; {plural(counts.assessmentsUnchanged, 'assessment', 'assessments')} already up to date,{' '}
          {plural(counts.cellsNotAssessed, 'blank or “n/a” cell', 'blank or “n/a” cells')} not assessed. The whole import is one step: Undo reverts it.
        </Text>
      )}
      {saveAs !== null ? (
        <Text size="sm" data-testid="import-review-save-mapping">
          The scale mapping <strong>“{saveAs}”</strong> is saved in the project {changes === 0 ? 'when you click Save the mapping' : 'with this import (the same undo step)'}.
        </Text>
      ) : null}
      <IssueList
        title={`${plan.rejected.length} not imported`}
        empty="Every cell was read: nothing was rejected."
        color="red"
        issues={rejected.shown}
        hidden={rejected.hidden}
        testId="import-rejected"
        rowTestId="rejected-row"
      />
      {plan.warnings.length > 0 ? (
        <IssueList title={`${plan.warnings.length} to check (imported)`} empty="" color="yellow" issues={warnings.shown} hidden={warnings.hidden} testId="import-warnings" rowTestId="warning-row" />
      ) : null}
    </Stack>
  );
}

function IssueList(props: { title: string; empty: string; color: string; issues: ImportPlan['rejected']; hidden: number; testId: string; rowTestId: string }) {
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Group gap="xs">
        <ThemeIcon size={22} radius="xl" variant="light" color={props.color} aria-hidden>
          <IconAlertTriangle size={14} />
        </ThemeIcon>
        <Text fw={650} size="sm">
          {props.title}
        </Text>
      </Group>
      {props.issues.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={220} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': props.title }}>
          <Table fz="sm" verticalSpacing={4} stickyHeader className="plp-import-issues" aria-label={props.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={60}>
                  Row
                </Table.Th>
                <Table.Th scope="col" w="28%">
                  Column
                </Table.Th>
                <Table.Th scope="col" w="16%">
                  Value
                </Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.issues.map((issue, index) => (
                <Table.Tr key={index} data-testid={props.rowTestId} data-row={issue.row} data-column={issue.column?.letter ?? ''}>
                  <Table.Td fw={650}>{issue.row}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{describeIssueColumn(issue)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{issue.value || '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{issue.reason.charAt(0).toUpperCase() + issue.reason.slice(1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {props.hidden > 0 ? (
        <Text size="sm" c="dimmed" data-testid={`${props.testId}-hidden`}>
          and {props.hidden.toLocaleString('en')} more not listed here.
        </Text>
      ) : null}
    </Stack>
  );
}
