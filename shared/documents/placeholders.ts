/**
 * The placeholders an organisation's own Word template can hold, such as `{{learner.name}}` or
 * `{{plan.goals}}`, and their values for one plan. Values are taken from the plan document model
 * (`planDocument`), so a filled template says exactly what the built-in Word and PDF documents say:
 * the same tables, the same wording for what is missing, the same dates.
 *
 * Names are lower case, with dots between the parts and underscores inside them, so a Word user
 * can type them; matching is forgiving about case and spaces inside the braces (Word's AutoCorrect
 * capitalises the first letter of a paragraph), see `canonicalPlaceholder`.
 */
import { createPlanElements } from '../domain/plans';
import type { Plan, Project } from '../domain/schema';
import { STATUS_LABELS } from './labels';
import type { Block, DocumentModel, DocumentSection, ImageData, Runs, TableBlock, TableCell, TextRun } from './model';
import { createPlanDocument } from './plan-document';
import { resolveOptions, type DocumentOptions } from './options';
import { cleanLine, cleanText, formatDate, formatNumber, formatPeriod, paragraphsOf, safeLink } from './text';

/**
 * `text`: words inside a sentence; `paragraphs`: one or more paragraphs or list items; `table`: a
 * Word table; `image`: a picture; `row`: a field of a table row the template designs, which is
 * repeated once per item (`{{plan.goals.capability}}` in a row → one row per goal).
 */
export type PlaceholderKind = 'text' | 'paragraphs' | 'table' | 'image' | 'row';

export interface PlaceholderInfo {
  name: string;
  kind: PlaceholderKind;
  /** What it becomes, in the words of the README and the Export workspace. */
  description: string;
  /** What it becomes for the sample project's first learner. */
  example: string;
}

interface RowField {
  field: string;
  /** The column of the plan document's table it comes from, and the line of that cell when only one is meant. */
  column: number;
  line?: number;
  description: string;
  example: string;
}

/** Fields of the rows a template can design itself, by table placeholder; each repeats its row once per item. */
export const ROW_FIELDS: Readonly<Record<string, readonly RowField[]>> = {
  'plan.capabilities': [
    { field: 'capability', column: 0, description: 'The capability.', example: 'Executive communication' },
    { field: 'current', column: 1, description: 'The current level, or “Not assessed”.', example: 'Intermediate' },
    { field: 'target', column: 2, description: 'The role’s target level.', example: 'Skilled' },
    { field: 'gap', column: 3, description: 'The gap: “1 level”, “On target”, “Above target”, …', example: '1 level' },
  ],
  'plan.goals': [
    { field: 'priority', column: 0, description: 'The goal’s rank, 1 first.', example: '1' },
    { field: 'capability', column: 1, description: 'The capability the goal develops.', example: 'Executive communication' },
    { field: 'levels', column: 2, description: 'From the current to the target level.', example: 'Intermediate → Skilled' },
    { field: 'why', column: 3, description: 'Why it is a priority.', example: 'Gap of 1 level (Intermediate → Skilled)…' },
  ],
  'plan.activities': [
    { field: 'title', column: 0, line: 0, description: 'The activity’s title.', example: 'Executive Presence Foundations' },
    { field: 'details', column: 0, line: 1, description: 'Its kind and provider.', example: 'Core · Meridian L&D' },
    { field: 'modality', column: 1, description: 'Course, workshop, mentoring, …', example: 'E-learning' },
    { field: 'category', column: 2, description: 'Its 70-20-10 category.', example: 'Formal (10)' },
    { field: 'hours', column: 3, description: 'Its hours.', example: '1.5 h' },
    { field: 'link', column: 4, description: 'Its link (http, https or mail only).', example: 'learning.meridianbio.example/ep/foundations' },
    { field: 'why', column: 5, description: 'Why it was chosen.', example: 'Core activity for everyone on this pathway.' },
  ],
  'plan.timeline': [
    { field: 'dates', column: 0, description: 'When, or “To be scheduled”.', example: '16 Mar 2026' },
    { field: 'item', column: 1, description: 'The activity, assessment or milestone.', example: 'Executive Presence 360 pre-assessment' },
    { field: 'kind', column: 2, description: 'Core, Option, Pre-assessment, Manager check-in, …', example: 'Pre-assessment' },
  ],
  'plan.signoff': [
    { field: 'role', column: 0, description: 'Employee or Manager.', example: 'Employee' },
    { field: 'name', column: 1, description: 'The name they sign with.', example: 'Priya Nair' },
    { field: 'date', column: 3, description: 'The day they signed (empty until then).', example: '' },
  ],
};

const TABLE_PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'organisation.name', kind: 'text', description: 'The organisation the plan is prepared for (the project’s client organisation, or the branding’s name).', example: 'Meridian Biotherapeutics' },
  {
    name: 'organisation.logo',
    kind: 'image',
    description:
      'The project’s logo. Typed in text, it becomes the logo (at most 4.5 × 1.6 cm); in a picture’s alt text, it replaces that picture within the picture’s size. Nothing when the project has no logo.',
    example: '(the logo)',
  },
  { name: 'project.title', kind: 'text', description: 'The project’s title.', example: 'Executive Presence — Cell Therapy Account Managers' },
  { name: 'learner.name', kind: 'text', description: 'The employee’s full name.', example: 'Priya Nair' },
  { name: 'learner.email', kind: 'text', description: 'The employee’s e-mail address, as a mail link.', example: 'priya.nair@meridianbio.example' },
  { name: 'learner.role', kind: 'text', description: 'The employee’s role, or “No role recorded”.', example: 'Account Manager, Cell Therapy' },
  { name: 'learner.team', kind: 'text', description: 'The employee’s team (empty when none is recorded).', example: 'Northeast' },
  { name: 'learner.manager', kind: 'text', description: 'The employee’s manager, or “Not recorded”.', example: 'Daniel Okafor' },
  { name: 'learner.start_date', kind: 'text', description: 'The day the employee started in the role (empty when not recorded).', example: '16 Mar 2026' },
  { name: 'learner.hours_per_week', kind: 'text', description: 'The time for learning agreed each week.', example: '3 hours a week' },
  { name: 'learner.career_goals', kind: 'paragraphs', description: 'The employee’s career goals, one paragraph per line.', example: 'Move into a senior account manager role within two years…' },
  { name: 'plan.title', kind: 'text', description: 'The document’s title.', example: 'Personalized learning plan' },
  { name: 'plan.framework', kind: 'text', description: 'The PLP framework (pathway) the plan follows.', example: 'Executive Presence PLP — Cell Therapy AMs' },
  { name: 'plan.period', kind: 'text', description: 'First to last day of the plan, or “Dates to be agreed”.', example: '16 Mar – 10 Jul 2026' },
  { name: 'plan.start', kind: 'text', description: 'The plan’s first day (empty when nothing is scheduled).', example: '16 Mar 2026' },
  { name: 'plan.end', kind: 'text', description: 'The plan’s last day (empty when nothing is scheduled).', example: '10 Jul 2026' },
  { name: 'plan.weeks', kind: 'text', description: 'How many weeks the plan runs.', example: '17' },
  { name: 'plan.status', kind: 'text', description: 'Draft for discussion, Agreed, In progress or Complete.', example: 'Draft for discussion' },
  { name: 'plan.generated_on', kind: 'text', description: 'The day the document was prepared (the export date).', example: '10 Mar 2026' },
  { name: 'plan.total_hours', kind: 'text', description: 'Hours of learning in the plan, assessments included.', example: '49' },
  { name: 'plan.goal_count', kind: 'text', description: 'How many learning goals the plan has.', example: '4' },
  { name: 'plan.activity_count', kind: 'text', description: 'How many activities the plan has.', example: '7' },
  {
    name: 'plan.capabilities',
    kind: 'table',
    description: 'Current capability assessment: capability, current level, target level, gap.',
    example: 'Executive communication | Intermediate | Skilled | 1 level',
  },
  { name: 'plan.goals', kind: 'table', description: 'Prioritized learning goals: priority, capability, from → to, why it is a priority.', example: '1 | Executive communication | Intermediate → Skilled | Gap of 1 level…' },
  {
    name: 'plan.activities',
    kind: 'table',
    description: 'Activities and resources: activity (kind and provider), modality, 70-20-10 category, hours, link, why chosen.',
    example: 'Executive Presence Foundations / Core · Meridian L&D | E-learning | Formal (10) | 1.5 h | learning.meridianbio.example/ep/foundations | Core activity for everyone on this pathway.',
  },
  { name: 'plan.mix', kind: 'text', description: 'The plan’s hours by 70-20-10 category.', example: 'experiential 57%, social 21%, formal 21%' },
  { name: 'plan.timeline', kind: 'table', description: 'Timeline and milestones: dates, item, kind (manager check-ins included).', example: '17 – 20 Mar 2026 | Executive Presence Foundations | Core' },
  { name: 'plan.expectations', kind: 'paragraphs', description: 'Expectations for participation, as a bulleted list, and the agreed time for learning.', example: '• Protect 3 hours a week for 16 weeks for plan activities…' },
  { name: 'plan.assessment', kind: 'paragraphs', description: 'Assessment and feedback mechanisms as a bulleted list, then the key assessment dates.', example: '• Monthly 15-minute manager check-ins… then Key assessment dates: 16 Mar 2026: Executive Presence 360 pre-assessment' },
  { name: 'plan.signoff', kind: 'table', description: 'The agreement: one row each for the employee and the manager, with name, signature and date.', example: 'Employee | Priya Nair | (signature) | (date)' },
  { name: 'signoff.employee_name', kind: 'text', description: 'The name the employee signs with (their name unless the plan records another).', example: 'Priya Nair' },
  { name: 'signoff.employee_date', kind: 'text', description: 'The day the employee signed (empty until then).', example: '' },
  { name: 'signoff.manager_name', kind: 'text', description: 'The name the manager signs with.', example: 'Daniel Okafor' },
  { name: 'signoff.manager_date', kind: 'text', description: 'The day the manager signed (empty until then).', example: '' },
];

/** Every placeholder: the fields above, then each table's row fields after it. */
export const PLACEHOLDERS: readonly PlaceholderInfo[] = TABLE_PLACEHOLDERS.flatMap((info) => [
  info,
  ...(ROW_FIELDS[info.name] ?? []).map(
    (row): PlaceholderInfo => ({
      name: `${info.name}.${row.field}`,
      kind: 'row',
      description: `In a table row you design, repeated once per row of {{${info.name}}}: ${row.description.charAt(0).toLowerCase()}${row.description.slice(1)}`,
      example: row.example,
    }),
  ),
]);

const BY_NAME: ReadonlyMap<string, PlaceholderInfo> = new Map(PLACEHOLDERS.map((info) => [info.name, info]));

export function placeholderInfo(name: string): PlaceholderInfo | null {
  return BY_NAME.get(canonicalPlaceholder(name)) ?? null;
}

/** `{{ Learner.Name }}` and `{{learner.name}}` are the same placeholder: trimmed, lower case. */
export function canonicalPlaceholder(raw: string): string {
  return raw.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// "Did you mean"

/** Optimal string alignment distance (a swap of two neighbours counts once, as a typo does). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known placeholder a misspelt one most likely meant: the closest by edit distance (with
 * spaces and dashes read as the underscores or dots they stand for), else the one whose last part
 * it names (`{{email}}` → `learner.email`); null when nothing is close.
 */
export function suggestPlaceholder(raw: string): string | null {
  const name = canonicalPlaceholder(raw).slice(0, 100);
  if (name.length === 0) return null;
  if (BY_NAME.has(name)) return name;
  const variants = [name, name.replace(/[\s-]+/g, '_'), name.replace(/[\s-]+/g, '.'), name.replace(/\s+/g, '')];
  let best: { name: string; distance: number } | null = null;
  for (const info of PLACEHOLDERS) {
    for (const variant of variants) {
      const distance = editDistance(variant, info.name);
      if (!best || distance < best.distance) best = { name: info.name, distance };
    }
  }
  if (best && best.distance <= Math.max(2, Math.floor(best.name.length / 4))) return best.name;
  const last = name.split(/[.\s]+/).pop()!.replace(/[\s-]+/g, '_');
  const byLastPart = PLACEHOLDERS.filter((info) => info.name.split('.').pop() === last);
  return byLastPart.length === 1 ? byLastPart[0]!.name : null;
}

// ---------------------------------------------------------------------------------------------
// Values

export interface PlaceholderParagraph {
  runs: Runs;
  /** A bulleted list item. */
  bullet?: boolean;
  /** Small muted text (a note under a list, "nothing recorded yet"). */
  note?: boolean;
}

export type PlaceholderValue =
  | { kind: 'text'; runs: Runs }
  | { kind: 'paragraphs'; paragraphs: readonly PlaceholderParagraph[] }
  /** `table` is null when there is nothing to list; `empty` then says so, as the built-in document does. */
  | { kind: 'table'; table: TableBlock | null; empty: string; /** Rows tall enough to sign in. */ signing?: boolean }
  | { kind: 'image'; image: ImageData | null }
  /** A row field: its cell in each row of its table, in order (none when the table is empty). */
  | { kind: 'row'; table: string; cells: readonly TableCell[] };

export type PlaceholderValues = Readonly<Record<string, PlaceholderValue>>;

/** The value as plain text (previews, tests, a table's rows one per line with cells split by " | "). */
export function placeholderText(value: PlaceholderValue): string {
  const runsText = (runs: Runs): string => runs.map((run) => run.text).join('');
  switch (value.kind) {
    case 'text':
      return runsText(value.runs);
    case 'paragraphs':
      return value.paragraphs.map((paragraph) => `${paragraph.bullet ? '• ' : ''}${runsText(paragraph.runs)}`).join('\n');
    case 'row':
      return value.cells.map((cell) => cell.lines.map(runsText).join(' ')).join('\n');
    case 'image':
      return value.image ? `[${value.image.format} image, ${value.image.width} × ${value.image.height} px]` : '';
    case 'table':
      if (!value.table) return value.empty;
      return [value.table.columns.map((column) => column.header).join(' | '), ...value.table.rows.map((row) => row.map((cell) => cell.lines.map(runsText).join(' ')).join(' | '))].join('\n');
  }
}

const textValue = (value: string): PlaceholderValue => ({ kind: 'text', runs: [{ text: cleanLine(value) }] });

function section(model: DocumentModel, id: string): DocumentSection | null {
  return model.sections.find((candidate) => candidate.id === id) ?? null;
}

function firstTable(blocks: readonly Block[]): TableBlock | null {
  return (blocks.find((block) => block.type === 'table') as TableBlock | undefined) ?? null;
}

/** A section's text as paragraphs (tables and charts left out): what `paragraphs` placeholders hold. */
function paragraphsOfBlocks(blocks: readonly Block[]): PlaceholderParagraph[] {
  const out: PlaceholderParagraph[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(block.style === 'note' ? { runs: block.runs, note: true } : { runs: block.runs });
        break;
      case 'bullets':
        for (const item of block.items) out.push({ runs: item, bullet: true });
        break;
      case 'key-value':
        for (const entry of block.entries) out.push({ runs: [{ text: `${entry.key}: `, bold: true }, ...entry.value] });
        break;
      case 'heading':
        out.push({ runs: [{ text: block.text, bold: true }] });
        break;
      default:
        break;
    }
  }
  return out;
}

function tableValue(blocks: readonly Block[] | undefined): PlaceholderValue {
  const table = blocks ? firstTable(blocks) : null;
  if (table) return { kind: 'table', table, empty: '' };
  const text = (blocks ?? []).flatMap((block) => (block.type === 'paragraph' ? [block.runs.map((run) => run.text).join('')] : [])).join(' ');
  return { kind: 'table', table: null, empty: cleanLine(text) || 'Nothing recorded yet.' };
}

/** Indexes the project once; the returned function gives any of its plans' placeholder values. For cohorts. */
export function createPlaceholderValues(project: Project, options: Partial<DocumentOptions> = {}): (plan: Plan) => PlaceholderValues {
  const resolved = resolveOptions(project, options);
  const lang = resolved.language;
  const documentOf = createPlanDocument(project, options);
  const elementsOf = createPlanElements(project);
  const frameworks = new Map(project.frameworks.map((framework) => [framework.id, framework]));

  return (plan) => {
    const model = documentOf(plan);
    const { learner, timeline } = elementsOf(plan);
    const cover = model.cover;
    const highlight = (pattern: RegExp): string => cover?.highlights.find((entry) => pattern.test(entry.label))?.value ?? '';
    const coverField = (key: string): string => cleanLine(cover?.fields.find((field) => field.key === key)?.value.map((run) => run.text).join('') ?? '');
    const employee = section(model, 'employee')?.blocks ?? [];
    const capabilitiesAt = employee.findIndex((block) => block.type === 'heading' && /capability/i.test(block.text));
    const capabilityBlocks = capabilitiesAt === -1 ? [] : employee.slice(capabilitiesAt + 1);
    const activities = section(model, 'activities')?.blocks ?? [];
    const mixNote = activities.find((block) => block.type === 'paragraph' && block.style === 'note');
    const mix = mixNote && mixNote.type === 'paragraph' ? /: ([^.]*)\./.exec(mixNote.runs.map((run) => run.text).join(''))?.[1] ?? '' : '';
    const signOff = section(model, 'agreement')?.blocks.find((block) => block.type === 'sign-off');
    const parties = signOff && signOff.type === 'sign-off' ? signOff.parties : [];
    const email = safeLink(`mailto:${learner.email}`);
    const careerGoals = paragraphsOf(cleanText(learner.careerGoals)).map((line): PlaceholderParagraph => ({ runs: [{ text: line }] }));

    const values: Record<string, PlaceholderValue> = {
      'organisation.name': textValue(resolved.organisation.name),
      'organisation.logo': { kind: 'image', image: resolved.organisation.logo },
      'project.title': textValue(project.meta.title),
      'learner.name': textValue(cleanLine(learner.name) || 'Employee'),
      'learner.email': learner.email && email ? { kind: 'text', runs: [{ text: cleanLine(learner.email), link: email } satisfies TextRun] } : textValue(learner.email),
      'learner.role': textValue(learner.roleName ?? 'No role recorded'),
      'learner.team': textValue(learner.team),
      'learner.manager': textValue(cleanLine(learner.manager) || 'Not recorded'),
      'learner.start_date': textValue(formatDate(learner.startDate, lang)),
      'learner.hours_per_week': textValue(learner.hoursPerWeek > 0 ? `${formatNumber(learner.hoursPerWeek)} hours a week` : 'Not agreed yet'),
      'learner.career_goals': {
        kind: 'paragraphs',
        paragraphs: careerGoals.length > 0 ? careerGoals : [{ runs: [{ text: 'No career goals recorded yet: add them when you agree the plan.', tone: 'muted' }], note: true }],
      },
      'plan.title': textValue(cover?.title ?? model.meta.title),
      'plan.framework': textValue(frameworks.get(plan.frameworkId)?.name ?? ''),
      'plan.period': textValue(formatPeriod(timeline.start, timeline.end, lang) || 'Dates to be agreed'),
      'plan.start': textValue(formatDate(timeline.start, lang)),
      'plan.end': textValue(formatDate(timeline.end, lang)),
      'plan.weeks': textValue(highlight(/week/)),
      'plan.status': textValue(STATUS_LABELS[plan.status]),
      'plan.generated_on': textValue(coverField('Prepared on') || formatDate(resolved.generatedOn, lang)),
      'plan.total_hours': textValue(highlight(/hour/)),
      'plan.goal_count': textValue(highlight(/goal/)),
      'plan.activity_count': textValue(highlight(/activit/)),
      'plan.capabilities': tableValue(capabilityBlocks),
      'plan.goals': tableValue(section(model, 'goals')?.blocks),
      'plan.activities': tableValue(activities),
      'plan.mix': textValue(mix),
      'plan.timeline': tableValue(section(model, 'timeline')?.blocks),
      'plan.expectations': { kind: 'paragraphs', paragraphs: paragraphsOfBlocks(section(model, 'expectations')?.blocks ?? []) },
      'plan.assessment': { kind: 'paragraphs', paragraphs: paragraphsOfBlocks(section(model, 'assessment')?.blocks ?? []) },
      'plan.signoff': {
        kind: 'table',
        empty: '',
        signing: true,
        table: {
          type: 'table',
          columns: [
            { header: 'Role', width: 18 },
            { header: 'Name', width: 30 },
            { header: 'Signature', width: 32 },
            { header: 'Date', width: 20 },
          ],
          rows: parties.map((party) => [{ lines: [[{ text: party.role }]], tone: 'strong' }, { lines: [[{ text: party.name }]] }, { lines: [[{ text: '' }]] }, { lines: [[{ text: party.date ?? '' }]] }]),
        },
      },
      'signoff.employee_name': textValue(parties[0]?.name ?? ''),
      'signoff.employee_date': textValue(parties[0]?.date ?? ''),
      'signoff.manager_name': textValue(parties[1]?.name ?? ''),
      'signoff.manager_date': textValue(parties[1]?.date ?? ''),
    };
    for (const [table, fields] of Object.entries(ROW_FIELDS)) {
      const source = values[table];
      const rows = source?.kind === 'table' ? (source.table?.rows ?? []) : [];
      for (const row of fields) {
        const cells = rows.map((cells): TableCell => {
          const cell = cells[row.column] ?? { lines: [] };
          if (row.line === undefined) return cell;
          const line = cell.lines[row.line];
          // A field that is one line of a cell takes that line's own look (a muted detail), not the cell's tone.
          return { lines: line ? [line.map((run) => ({ ...run, bold: undefined, tone: undefined }))] : [[{ text: '' }]] };
        });
        values[`${table}.${row.field}`] = { kind: 'row', table, cells };
      }
    }
    return values;
  };
}

export function placeholderValues(project: Project, plan: Plan, options: Partial<DocumentOptions> = {}): PlaceholderValues {
  return createPlaceholderValues(project, options)(plan);
}
