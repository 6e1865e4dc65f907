/**
 * Planning an assessment import, then applying it as one undoable command.
 *
 * `planAssessmentImport` is pure and touches nothing: it says, row by row, which learners would be
 * created or updated, which assessments added or changed, and which cells or rows are rejected and
 * why. The wizard shows the plan; `importCommand(plan)` applies it as ONE project command, so the
 * whole import is one undo step.
 *
 * Rules:
 * - A row's learner is matched by e-mail (case-insensitive), else by name (case-, accent- and
 *   punctuation-insensitive) when that name is unique and the e-mails do not contradict each
 *   other; otherwise a new learner is created (a new learner needs a name). Rows without an
 *   e-mail are matched after all rows with one, against the names those rows leave, so a second
 *   import of the same file finds the same learners.
 * - Blank cells never erase anything: only non-empty values that differ are written, and a name
 *   that differs only in case or accents is left as the project has it.
 * - The role column is matched to the project's roles by name or id; unknown text leaves the role
 *   unchanged and is reported as a warning, not a rejection.
 * - An assessment for the same learner + capability + kind + date is updated, never duplicated.
 * - A learner appearing on several rows: later rows win. Only the final differences from the
 *   project are planned, so importing the same file twice changes nothing the second time.
 */
import { CommandError, type ProjectCommand } from '../commands/command';
import { AssessmentKindSchema, Email, IsoDate, SHORT_TEXT_MAX, type Assessment, type AssessmentKind, type Learner, type Project } from '../schema';
import { checkColumnMapping, describeColumn, proposeColumnMapping, type ColumnMapping, type LearnerField } from './column-mapping';
import { cleanCell, matchKey } from './normalize';
import { chooseScaleMapping, distinctCapabilityAnswers, type ScaleMappingSource } from './saved-scale-mappings';
import { checkScaleMapping, createLevelReader, type ScaleMapping } from './scale-mapping';
import { columnLetter, detectHeaderRow, type RawTable } from './table';

export interface PlanAssessmentImportInput {
  project: Project;
  table: RawTable;
  /** 0-based index of the header row in `table.rows` (see `detectHeaderRow`). */
  headerRow: number;
  mapping: ColumnMapping;
  scaleMapping: ScaleMapping;
  kind: AssessmentKind;
  /** YYYY-MM-DD: the date every imported assessment carries. */
  date: string;
  /** Makes ids for new learners and assessments, e.g. `(prefix) => newId(prefix)`. */
  newId: (prefix: string) => string;
}

export interface ColumnRef {
  /** 0-based. */
  index: number;
  /** "A", "B", … "AA". */
  letter: string;
  header: string;
}

export interface CellIssue {
  /** 1-based, as in the spreadsheet. */
  row: number;
  /** null when the issue is about the whole row. */
  column: ColumnRef | null;
  value: string;
  reason: string;
}

export type LearnerChanges = Partial<Pick<Learner, 'name' | 'email' | 'roleId' | 'manager' | 'team'>>;

export interface LearnerUpdate {
  learnerId: string;
  /** The row the learner was (last) read from. */
  row: number;
  /** Only the fields that change. */
  changes: LearnerChanges;
  /** The same fields before the import. */
  previous: LearnerChanges;
}

export interface AssessmentUpdate {
  assessmentId: string;
  learnerId: string;
  capabilityId: string;
  row: number;
  levelId: string;
  previousLevelId: string;
}

export interface ImportCounts {
  /** Data rows with at least one non-blank cell. */
  rows: number;
  rowsRejected: number;
  learnersCreated: number;
  learnersUpdated: number;
  assessmentsAdded: number;
  assessmentsUpdated: number;
  /** Cells whose level the project already records for this learner, capability, kind and date. */
  assessmentsUnchanged: number;
  /** Blank, "n/a", "-". */
  cellsNotAssessed: number;
  /** Rejected cells, rejected rows excluded. */
  cellsRejected: number;
  warnings: number;
}

export interface ImportPlan {
  kind: AssessmentKind;
  date: string;
  learnersToCreate: Learner[];
  learnersToUpdate: LearnerUpdate[];
  assessmentsToAdd: Assessment[];
  assessmentsToUpdate: AssessmentUpdate[];
  /** Rows (column null) and cells that were not imported, with the reason. */
  rejected: CellIssue[];
  /** Imported, but worth a look: an unknown role, a learner on two rows… */
  warnings: CellIssue[];
  /** Why nothing could be planned at all (a mapping without name or capability columns, a bad date). */
  problems: string[];
  counts: ImportCounts;
}

export function hasChanges(plan: ImportPlan): boolean {
  return plan.learnersToCreate.length + plan.learnersToUpdate.length + plan.assessmentsToAdd.length + plan.assessmentsToUpdate.length > 0;
}

function emptyPlan(kind: AssessmentKind, date: string, problems: string[]): ImportPlan {
  return {
    kind,
    date,
    learnersToCreate: [],
    learnersToUpdate: [],
    assessmentsToAdd: [],
    assessmentsToUpdate: [],
    rejected: [],
    warnings: [],
    problems,
    counts: {
      rows: 0,
      rowsRejected: 0,
      learnersCreated: 0,
      learnersUpdated: 0,
      assessmentsAdded: 0,
      assessmentsUpdated: 0,
      assessmentsUnchanged: 0,
      cellsNotAssessed: 0,
      cellsRejected: 0,
      warnings: 0,
    },
  };
}

/** A learner as this import will leave it. */
interface WorkingLearner {
  readonly id: string;
  readonly original: Learner | null;
  name: string;
  email: string;
  roleId: string | null;
  manager: string;
  team: string;
  /** The row that last set something on this learner (for messages). */
  row: number;
  /** The first row of this import that named this learner. */
  firstRow: number | null;
}

interface PlannedAssessment {
  readonly existing: Assessment | null;
  readonly learnerId: string;
  readonly capabilityId: string;
  levelId: string;
  row: number;
}

const assessmentKey = (learnerId: string, capabilityId: string): string => `${learnerId}\u0000${capabilityId}`;

export function planAssessmentImport(input: PlanAssessmentImportInput): ImportPlan {
  const { project, table, headerRow, mapping, scaleMapping, kind, date } = input;
  const problems: string[] = [];
  if (!AssessmentKindSchema.safeParse(kind).success) problems.push(`"${kind}" is not an assessment kind (pre, post, self or manager).`);
  if (!IsoDate.safeParse(date).success) problems.push(`"${date}" is not a date as YYYY-MM-DD.`);
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= table.rows.length) problems.push('The header row is outside the table.');
  problems.push(...checkColumnMapping(mapping, project), ...checkScaleMapping(scaleMapping, project.scale));
  if (problems.length > 0) return emptyPlan(kind, date, problems);

  const plan = emptyPlan(kind, date, []);
  const { counts } = plan;
  const headerCells = table.rows[headerRow]!;
  const ref = (index: number): ColumnRef => ({ index, letter: columnLetter(index), header: cleanCell(headerCells[index] ?? mapping.columns[index]?.header ?? '') });

  // Columns.
  const fieldColumn = new Map<LearnerField, number>();
  const capabilityColumns: { column: number; capabilityId: string }[] = [];
  for (const assignment of mapping.columns) {
    const { target } = assignment;
    if (target.kind === 'learner' && !fieldColumn.has(target.field)) fieldColumn.set(target.field, assignment.column);
    if (target.kind === 'capability') capabilityColumns.push({ column: assignment.column, capabilityId: target.capabilityId });
  }
  const cellOf = (row: readonly string[], field: LearnerField): { text: string; column: number } | null => {
    const column = fieldColumn.get(field);
    return column === undefined ? null : { text: cleanCell(row[column] ?? ''), column };
  };

  // Indexes over the project.
  const learners = new Map<string, WorkingLearner>();
  const byEmail = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const indexName = (learner: WorkingLearner): void => {
    const key = matchKey(learner.name);
    let ids = byName.get(key);
    if (!ids) byName.set(key, (ids = new Set()));
    ids.add(learner.id);
  };
  for (const learner of project.learners) {
    const working: WorkingLearner = { id: learner.id, original: learner, name: learner.name, email: learner.email, roleId: learner.roleId, manager: learner.manager, team: learner.team, row: 0, firstRow: null };
    learners.set(learner.id, working);
    const email = learner.email.trim().toLowerCase();
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, learner.id);
    indexName(working);
  }
  const roleByKey = new Map<string, string>();
  for (const role of project.roles) if (!roleByKey.has(matchKey(role.name))) roleByKey.set(matchKey(role.name), role.id);
  for (const role of project.roles) if (!roleByKey.has(matchKey(role.id))) roleByKey.set(matchKey(role.id), role.id);
  const roleNames = project.roles.map((role) => role.name).join('; ');
  const existingAssessments = new Map<string, Assessment>();
  for (const assessment of project.assessments) {
    if (assessment.kind !== kind || assessment.date !== date) continue;
    const key = assessmentKey(assessment.learnerId, assessment.capabilityId);
    if (!existingAssessments.has(key)) existingAssessments.set(key, assessment);
  }
  const planned = new Map<string, PlannedAssessment>();
  const readLevel = createLevelReader(project.scale, scaleMapping);
  const createdIds: string[] = [];

  const warn = (row: number, column: number | null, value: string, reason: string): void => {
    plan.warnings.push({ row, column: column === null ? null : ref(column), value, reason });
  };
  const rejectRow = (row: number, value: string, reason: string): void => {
    plan.rejected.push({ row, column: null, value, reason });
    counts.rowsRejected++;
  };

  // Who each row is about. Identity is settled before anything else, in two steps, so that
  // importing the same file again finds every row's learner again (idempotence):
  // 1. rows with an e-mail, in row order: by e-mail, else by name among learners without an
  //    e-mail, else a new learner. Their names and e-mails are written here (later rows win).
  // 2. rows without an e-mail, against the state step 1 left: by name (unique), else a new
  //    learner; rows with only an e-mail, by that e-mail.
  const resolved: { rowNumber: number; cells: readonly string[]; learner: WorkingLearner }[] = [];
  const withoutEmail: { rowNumber: number; cells: readonly string[]; name: string; email: string }[] = [];
  const createLearner = (name: string, email: string, rowNumber: number): WorkingLearner => {
    const id = input.newId('learner');
    const learner: WorkingLearner = { id, original: null, name, email, roleId: null, manager: '', team: '', row: rowNumber, firstRow: null };
    learners.set(id, learner);
    createdIds.push(id);
    indexName(learner);
    if (email !== '') byEmail.set(email.toLowerCase(), id);
    return learner;
  };
  const headerKey = headerCells.map(cleanCell).join('\u0000');
  for (let index = headerRow + 1; index < table.rows.length; index++) {
    const cells = table.rows[index]!;
    const rowNumber = index + 1;
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.map(cleanCell).join('\u0000') === headerKey) continue; // a repeated header (concatenated exports)
    counts.rows++;

    let name = cellOf(cells, 'name')?.text ?? '';
    if (name === '') name = [cellOf(cells, 'firstName')?.text ?? '', cellOf(cells, 'lastName')?.text ?? ''].filter((part) => part !== '').join(' ');
    const emailCell = cellOf(cells, 'email');
    let email = emailCell?.text ?? '';
    if (email !== '' && !Email.safeParse(email).success) {
      if (name === '') {
        rejectRow(rowNumber, email, `"${email}" in column ${describeColumn({ column: emailCell!.column, header: ref(emailCell!.column).header })} is not an e-mail address, and the row has no name`);
        continue;
      }
      warn(rowNumber, emailCell!.column, email, `"${email}" is not an e-mail address; it was not imported`);
      email = '';
    }
    if (name === '' && email === '') {
      rejectRow(rowNumber, '', 'the row has no name and no e-mail, so it cannot be matched to a learner');
      continue;
    }
    if (name.length > SHORT_TEXT_MAX) {
      rejectRow(rowNumber, name.slice(0, 80) + '…', `the name is longer than ${SHORT_TEXT_MAX} characters`);
      continue;
    }
    if (email === '' || name === '') {
      withoutEmail.push({ rowNumber, cells, name, email });
      continue;
    }

    const emailKey = email.toLowerCase();
    const byMail = byEmail.get(emailKey);
    let learner = byMail === undefined ? undefined : learners.get(byMail);
    if (!learner) {
      const candidates = [...(byName.get(matchKey(name)) ?? [])].map((id) => learners.get(id)!);
      const withoutMail = candidates.filter((candidate) => candidate.email === '');
      if (withoutMail.length > 1) {
        rejectRow(rowNumber, name, `${withoutMail.length} learners are called "${name}" and have no e-mail yet; add their e-mails in the project to tell them apart`);
        continue;
      }
      learner = withoutMail[0];
      if (!learner) {
        if (candidates.length > 0) {
          warn(rowNumber, null, name, `a learner called "${name}" already exists with another e-mail (${candidates.map((candidate) => candidate.email).join(', ')}); a new learner was created for ${email}`);
        }
        learner = createLearner(name, email, rowNumber);
      }
    }
    if (matchKey(name) !== matchKey(learner.name)) {
      byName.get(matchKey(learner.name))?.delete(learner.id);
      learner.name = name;
      indexName(learner);
    }
    if (emailKey !== learner.email.toLowerCase()) {
      learner.email = email;
      if (!byEmail.has(emailKey)) byEmail.set(emailKey, learner.id);
    }
    resolved.push({ rowNumber, cells, learner });
  }
  for (const { rowNumber, cells, name, email } of withoutEmail) {
    if (name === '') {
      const id = byEmail.get(email.toLowerCase());
      if (id === undefined) rejectRow(rowNumber, email, `no learner has the e-mail ${email}, and a new learner needs a name`);
      else resolved.push({ rowNumber, cells, learner: learners.get(id)! });
      continue;
    }
    const candidates = [...(byName.get(matchKey(name)) ?? [])].map((id) => learners.get(id)!);
    if (candidates.length > 1) {
      rejectRow(rowNumber, name, `${candidates.length} learners are called "${name}"; add an e-mail column to tell them apart`);
      continue;
    }
    resolved.push({ rowNumber, cells, learner: candidates[0] ?? createLearner(name, '', rowNumber) });
  }
  resolved.sort((a, b) => a.rowNumber - b.rowNumber);

  // Pass 2, in row order: the other fields and the assessments; later rows win.
  for (const { rowNumber, cells, learner } of resolved) {
    if (learner.firstRow !== null) warn(rowNumber, null, learner.name, `this learner is also on row ${learner.firstRow}; the values of the later row are kept`);
    else learner.firstRow = rowNumber;
    learner.row = rowNumber;
    const roleCell = cellOf(cells, 'role');
    if (roleCell && roleCell.text !== '') {
      const roleId = roleByKey.get(matchKey(roleCell.text));
      if (roleId === undefined) {
        const known = roleNames === '' ? 'the project has no roles yet' : `known roles: ${roleNames}`;
        warn(rowNumber, roleCell.column, roleCell.text, `"${roleCell.text}" is not a role in the project (${known}); the learner's role was left unchanged`);
      } else learner.roleId = roleId;
    }
    for (const field of ['manager', 'team'] as const) {
      const cell = cellOf(cells, field);
      if (!cell || cell.text === '') continue;
      if (cell.text.length > SHORT_TEXT_MAX) {
        warn(rowNumber, cell.column, cell.text.slice(0, 80) + '…', `longer than ${SHORT_TEXT_MAX} characters; not imported`);
        continue;
      }
      learner[field] = cell.text;
    }

    // Assessments.
    for (const { column, capabilityId } of capabilityColumns) {
      const value = cells[column] ?? '';
      const level = readLevel(value);
      if (level.status === 'not-assessed') {
        counts.cellsNotAssessed++;
        continue;
      }
      if (level.status === 'error') {
        plan.rejected.push({ row: rowNumber, column: ref(column), value: cleanCell(value), reason: level.reason });
        counts.cellsRejected++;
        continue;
      }
      const key = assessmentKey(learner.id, capabilityId);
      const earlier = planned.get(key);
      if (earlier) {
        earlier.levelId = level.levelId;
        earlier.row = rowNumber;
        continue;
      }
      const existing = existingAssessments.get(key) ?? null;
      planned.set(key, { existing, learnerId: learner.id, capabilityId, levelId: level.levelId, row: rowNumber });
    }
  }

  // The final differences from the project.
  for (const id of createdIds) {
    const learner = learners.get(id)!;
    plan.learnersToCreate.push({
      id,
      name: learner.name,
      email: learner.email,
      roleId: learner.roleId,
      manager: learner.manager,
      team: learner.team,
      careerGoals: '',
      startDate: null,
      hoursPerWeek: 2,
      notes: '',
    });
  }
  for (const learner of learners.values()) {
    const original = learner.original;
    if (!original || learner.firstRow === null) continue;
    const changes: LearnerChanges = {};
    const previous: LearnerChanges = {};
    if (learner.name !== original.name) [changes.name, previous.name] = [learner.name, original.name];
    if (learner.email !== original.email) [changes.email, previous.email] = [learner.email, original.email];
    if (learner.roleId !== original.roleId) [changes.roleId, previous.roleId] = [learner.roleId, original.roleId];
    if (learner.manager !== original.manager) [changes.manager, previous.manager] = [learner.manager, original.manager];
    if (learner.team !== original.team) [changes.team, previous.team] = [learner.team, original.team];
    if (Object.keys(changes).length > 0) plan.learnersToUpdate.push({ learnerId: learner.id, row: learner.row, changes, previous });
  }
  for (const entry of planned.values()) {
    if (entry.existing) {
      if (entry.existing.levelId === entry.levelId) counts.assessmentsUnchanged++;
      else {
        plan.assessmentsToUpdate.push({
          assessmentId: entry.existing.id,
          learnerId: entry.learnerId,
          capabilityId: entry.capabilityId,
          row: entry.row,
          levelId: entry.levelId,
          previousLevelId: entry.existing.levelId,
        });
      }
      continue;
    }
    plan.assessmentsToAdd.push({ id: input.newId('asmt'), learnerId: entry.learnerId, capabilityId: entry.capabilityId, levelId: entry.levelId, kind, date, note: '' });
  }
  plan.rejected.sort((a, b) => a.row - b.row || (a.column?.index ?? -1) - (b.column?.index ?? -1));
  plan.warnings.sort((a, b) => a.row - b.row || (a.column?.index ?? -1) - (b.column?.index ?? -1));
  counts.learnersCreated = plan.learnersToCreate.length;
  counts.learnersUpdated = plan.learnersToUpdate.length;
  counts.assessmentsAdded = plan.assessmentsToAdd.length;
  counts.assessmentsUpdated = plan.assessmentsToUpdate.length;
  counts.warnings = plan.warnings.length;
  return plan;
}

export const IMPORT_COMMAND_LABEL = 'Import assessments';

/**
 * The whole plan as ONE command (one undo step). Applying it to a project the plan was not made
 * for (a learner deleted since, the same plan applied twice) throws a CommandError instead of
 * half-applying: plan again.
 */
export function importCommand(plan: ImportPlan): ProjectCommand {
  return {
    label: IMPORT_COMMAND_LABEL,
    apply: (project) => {
      if (!hasChanges(plan)) return project;
      // Written by hand rather than with immer: 150,000 new assessments through a draft proxy cost
      // several times more. Same contract: untouched parts are shared, new parts are frozen.
      const learnerIndex = new Map<string, number>();
      project.learners.forEach((learner, index) => learnerIndex.set(learner.id, index));
      for (const learner of plan.learnersToCreate) {
        if (learnerIndex.has(learner.id)) throw new CommandError('This import has already been applied to the project.');
      }
      const learners = project.learners.slice();
      for (const update of plan.learnersToUpdate) {
        const index = learnerIndex.get(update.learnerId);
        if (index === undefined) throw new CommandError(`The learner "${update.previous.name ?? update.learnerId}" is no longer in the project; plan the import again.`);
        learners[index] = Object.freeze({ ...learners[index]!, ...update.changes });
      }
      for (const learner of plan.learnersToCreate) learners.push(Object.freeze({ ...learner }));

      const assessmentIndex = new Map<string, number>();
      const original = project.assessments;
      for (let i = 0; i < original.length; i++) assessmentIndex.set(original[i]!.id, i);
      for (const assessment of plan.assessmentsToAdd) {
        if (assessmentIndex.has(assessment.id)) throw new CommandError('This import has already been applied to the project.');
      }
      const assessments = original.slice();
      for (const update of plan.assessmentsToUpdate) {
        const index = assessmentIndex.get(update.assessmentId);
        if (index === undefined) throw new CommandError('An assessment this import updates is no longer in the project; plan the import again.');
        assessments[index] = Object.freeze({ ...assessments[index]!, levelId: update.levelId });
      }
      for (const assessment of plan.assessmentsToAdd) assessments.push(Object.freeze({ ...assessment }));
      return Object.freeze({ ...project, learners: Object.freeze(learners), assessments: Object.freeze(assessments) }) as Project;
    },
  };
}

export interface ImportProposal {
  headerRow: number;
  mapping: ColumnMapping;
  scaleMapping: ScaleMapping;
  /** Automatic, or the saved mapping that reads the file's answers better (see `chooseScaleMapping`). */
  scaleMappingSource: ScaleMappingSource;
  /** Empty when the proposal can be planned as is. */
  problems: string[];
}

/**
 * The automatic starting point the wizard shows and the CLI uses as is: the detected header row,
 * columns matched by header, and as the scale mapping the project's labels plus numbers 1..N, or a
 * saved mapping when it reads the file's answers better.
 */
export function proposeAssessmentImport(project: Project, table: RawTable): ImportProposal {
  const headerRow = detectHeaderRow(table);
  const mapping = proposeColumnMapping(table.rows[headerRow] ?? [], project);
  const choice = chooseScaleMapping(project, distinctCapabilityAnswers(table, headerRow, mapping));
  return { headerRow, mapping, scaleMapping: choice.scaleMapping, scaleMappingSource: choice.source, problems: checkColumnMapping(mapping, project) };
}
