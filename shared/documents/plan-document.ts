/**
 * A personalized learning plan as a document: cover, the six PLP elements (seed article) and a
 * sign-off page. Built from the project and a saved plan through `planElements`, so a plan edited
 * by hand renders exactly as the studio shows it.
 */
import { createPlanElements, type PlanElements, type TimelineEntry } from '../domain/plans';
import type { Activity, LearningCategory, Plan, Project } from '../domain/schema';
import { LEARNING_CATEGORIES } from '../domain/schema';
import { bold, bullets, cell, heading, keyValue, link, muted, paragraph, paragraphs, table, text } from './blocks';
import { barKind, CATEGORY_LABELS, CATEGORY_SHARES, KIND_LABELS, MODALITY_LABELS, STATUS_LABELS } from './labels';
import type { Block, DocumentModel, DocumentSection, TableCell, TimelineBar, TimelineBlock } from './model';
import { resolveOptions, themeOf, type DocumentOptions, type ResolvedOptions } from './options';
import { cleanLine, formatDate, formatHours, formatNumber, formatPeriod, plural } from './text';

export const PLAN_SECTION_IDS = ['employee', 'goals', 'activities', 'timeline', 'expectations', 'assessment', 'agreement'] as const;

const SOURCE_LABELS: Readonly<Record<string, string>> = { pre: 'pre-assessment', manager: 'manager rating', self: 'self-assessment' };

/** Indexes the project once; the returned function builds any of its plans' documents. For cohorts. */
export function createPlanDocument(project: Project, options: Partial<DocumentOptions> = {}): (plan: Plan) => DocumentModel {
  const resolved = resolveOptions(project, options);
  const elementsOf = createPlanElements(project);
  const ranks = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  const frameworks = new Map(project.frameworks.map((framework) => [framework.id, framework]));
  const activities = new Map<string, Activity>();
  for (const activity of project.activities) if (!activities.has(activity.id)) activities.set(activity.id, activity);
  return (plan) => build(plan, elementsOf(plan), frameworks.get(plan.frameworkId) ?? null, ranks, hoursOf(plan, activities), resolved);
}

export function planDocument(project: Project, plan: Plan, options: Partial<DocumentOptions> = {}): DocumentModel {
  return createPlanDocument(project, options)(plan);
}

type FrameworkLike = Project['frameworks'][number] | null;

interface PlanHours {
  total: number;
  byCategory: ReadonlyMap<LearningCategory, number>;
}

/** Hours of every item with a catalog activity (assessments included), as the engine counts them. */
function hoursOf(plan: Plan, activities: ReadonlyMap<string, Activity>): PlanHours {
  const byCategory = new Map<LearningCategory, number>(LEARNING_CATEGORIES.map((category) => [category, 0]));
  let total = 0;
  for (const item of plan.items) {
    if (item.status === 'skipped' || item.activityId === null) continue;
    const activity = activities.get(item.activityId);
    if (!activity) continue;
    total += activity.hours;
    byCategory.set(activity.category, byCategory.get(activity.category)! + activity.hours);
  }
  return { total: Math.round(total * 10) / 10, byCategory };
}

function build(plan: Plan, elements: PlanElements, framework: FrameworkLike, ranks: ReadonlyMap<string, number>, hours: PlanHours, options: ResolvedOptions): DocumentModel {
  const { learner } = elements;
  const lang = options.language;
  const name = cleanLine(learner.name) || 'Employee';
  const manager = cleanLine(learner.manager);
  const frameworkName = cleanLine(framework?.name ?? '');
  const period = formatPeriod(elements.timeline.start, elements.timeline.end, lang);
  const totalHours = hours.total;
  const weeks = weeksBetween(elements.timeline.start, elements.timeline.end);

  const sections: DocumentSection[] = [
    { id: 'employee', title: 'About the employee', blocks: employeeBlocks(elements, ranks, options) },
    { id: 'goals', title: 'Prioritized learning goals', blocks: goalBlocks(elements) },
    { id: 'activities', title: 'Activities and resources', blocks: activityBlocks(elements, framework, hours) },
    { id: 'timeline', title: 'Timeline and milestones', blocks: timelineBlocks(elements, lang) },
    { id: 'expectations', title: 'Expectations for participation', blocks: expectationBlocks(elements, manager) },
    { id: 'assessment', title: 'Assessment and feedback', blocks: assessmentBlocks(elements, lang) },
  ];
  if (options.includeWarnings && plan.warnings.length > 0) {
    sections.push({
      id: 'discussion',
      title: 'Points to discuss',
      blocks: [paragraph('The studio flagged these when it drafted the plan; settle them before signing.', 'note'), bullets(plan.warnings)],
    });
  }
  sections.push({ id: 'agreement', title: 'Agreement', blocks: agreementBlocks(plan, name, manager, lang) });

  return {
    kind: 'plan',
    meta: {
      title: `Personalized learning plan — ${name}`,
      subject: frameworkName || 'Personalized learning plan',
      author: options.author,
      keywords: ['personalized learning plan', frameworkName, cleanLine(learner.roleName ?? '')].filter(Boolean),
      language: lang,
      createdOn: options.generatedOn,
    },
    theme: themeOf(options),
    organisation: options.organisation,
    footer: [name, 'Personalized learning plan', options.organisation.name].filter(Boolean).join(' · '),
    cover: {
      layout: 'page',
      eyebrow: options.organisation.name,
      title: 'Personalized learning plan',
      subtitle: frameworkName,
      fields: keyValue([
        ['Employee', name],
        ['Role', learner.roleName ?? 'No role recorded'],
        ['Team', learner.team],
        ['Manager', manager || 'Not recorded'],
        ['Plan period', period || 'Dates to be agreed'],
        ['Time for learning', learner.hoursPerWeek > 0 ? `${formatNumber(learner.hoursPerWeek)} hours a week` : ''],
        ['Status', STATUS_LABELS[plan.status]],
        ['Prepared on', formatDate(options.generatedOn, lang)],
      ]).entries,
      highlights: [
        { value: String(elements.goals.length), label: elements.goals.length === 1 ? 'learning goal' : 'learning goals' },
        { value: String(elements.activities.length), label: elements.activities.length === 1 ? 'activity' : 'activities' },
        { value: formatNumber(totalHours), label: totalHours === 1 ? 'hour planned' : 'hours planned' },
        { value: weeks === null ? '–' : String(weeks), label: weeks === 1 ? 'week' : 'weeks' },
      ],
      note: manager
        ? `${name} and ${manager} agree this plan together: review it, adjust what needs adjusting, then sign the agreement on the last page.`
        : `Review this plan together with your manager, adjust what needs adjusting, then sign the agreement on the last page.`,
    },
    sections,
  };
}

// ---------------------------------------------------------------------------------------------
// 1. About the employee

function employeeBlocks(elements: PlanElements, ranks: ReadonlyMap<string, number>, options: ResolvedOptions): Block[] {
  const { learner } = elements;
  const lang = options.language;
  const blocks: Block[] = [
    keyValue([
      ['Name', learner.name],
      ['Role', learner.roleName ?? 'No role recorded'],
      ['Team', learner.team],
      ['Manager', learner.manager],
      ['E-mail', learner.email ? [link(`mailto:${learner.email}`, learner.email)] : ''],
      ['Start date', formatDate(learner.startDate, lang)],
      ['Time for learning', learner.hoursPerWeek > 0 ? `${formatNumber(learner.hoursPerWeek)} hours a week` : 'Not agreed yet'],
    ]),
    heading(2, 'Career goals'),
    ...paragraphs(learner.careerGoals, 'No career goals recorded yet: add them when you agree the plan.'),
    heading(2, 'Current capability assessment'),
  ];
  if (learner.currentCapabilities.length === 0) {
    blocks.push(paragraph([muted('No capabilities are in scope for this plan: the framework has no focus capabilities and the role sets no targets.')], 'note'));
    return blocks;
  }
  const rows: TableCell[][] = learner.currentCapabilities.map((capability) => {
    const current = capability.levelId === null ? undefined : ranks.get(capability.levelId);
    const target = capability.targetLevelId === null ? undefined : ranks.get(capability.targetLevelId);
    let gap: TableCell;
    if (target === undefined) gap = cell('No target', 'muted');
    else if (current === undefined) gap = cell('Not assessed', 'muted');
    else if (target > current) gap = cell(plural(target - current, 'level'), 'alert');
    else gap = cell(target === current ? 'On target' : 'Above target', 'good');
    return [
      cell(capability.capabilityName, 'strong'),
      capability.levelLabel === null ? cell('Not assessed', 'muted') : cell(capability.levelLabel),
      cell(capability.targetLevelLabel ?? '—', capability.targetLevelLabel === null ? 'muted' : undefined),
      gap,
    ];
  });
  blocks.push(
    table(
      [
        { header: 'Capability', width: 46 },
        { header: 'Current level', width: 18 },
        { header: 'Target level', width: 18 },
        { header: 'Gap', width: 18 },
      ],
      rows,
    ),
  );
  const sources = new Map<string, number>();
  for (const capability of learner.currentCapabilities) {
    if (capability.source === null) continue;
    const key = `${SOURCE_LABELS[capability.source] ?? capability.source}${capability.date ? ` of ${formatDate(capability.date, lang)}` : ''}`;
    sources.set(key, (sources.get(key) ?? 0) + 1);
  }
  if (sources.size > 0 && sources.size <= 3) {
    blocks.push(paragraph([muted(`Current levels from the ${[...sources.keys()].join('; the ')}. Targets are those of the role.`)], 'note'));
  } else if (sources.size > 3) {
    blocks.push(paragraph([muted('Current levels from the latest pre-assessment, else the manager rating, else the self-assessment. Targets are those of the role.')], 'note'));
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 2. Goals

function goalBlocks(elements: PlanElements): Block[] {
  if (elements.goals.length === 0) {
    return [paragraph('The assessment shows no gaps against the role’s targets: this plan consolidates current strengths and prepares for the next role.')];
  }
  return [
    paragraph(
      'Goals are ranked by the size of the gap, how much the role relies on the capability and what the needs analysis found. The activities below address them in this order.',
    ),
    table(
      [
        { header: 'Priority', width: 11, align: 'center' },
        { header: 'Capability', width: 27 },
        { header: 'From → to', width: 22 },
        { header: 'Why it is a priority', width: 40 },
      ],
      elements.goals.map((goal) => [
        cell(String(goal.rank), 'strong'),
        cell(goal.capabilityName, 'strong'),
        cell(`${goal.currentLevelLabel ?? 'Not assessed'} → ${goal.targetLevelLabel}`),
        cell(goal.rationale || '—', goal.rationale ? undefined : 'muted'),
      ]),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. Activities

function activityBlocks(elements: PlanElements, framework: FrameworkLike, hours: PlanHours): Block[] {
  if (elements.activities.length === 0) return [paragraph([muted('No activities in this plan yet.')], 'note')];
  const rows = elements.activities.map((activity): TableCell[] => {
    const detail = [KIND_LABELS[activity.kind], cleanLine(activity.provider)].filter(Boolean).join(' · ');
    return [
      cell([[bold(activity.title)], [muted(detail)]]),
      cell(activity.modality ? MODALITY_LABELS[activity.modality] : '—'),
      cell(activity.category ? `${CATEGORY_LABELS[activity.category]} (${CATEGORY_SHARES[activity.category]})` : '—'),
      cell(formatHours(activity.hours) || '—'),
      activity.link ? cell([link(activity.link)]) : cell('—', 'muted'),
      cell(activity.reason || '—', activity.reason ? undefined : 'muted'),
    ];
  });
  const blocks: Block[] = [
    table(
      [
        { header: 'Activity', width: 22 },
        { header: 'Modality', width: 13 },
        { header: '70-20-10', width: 14 },
        { header: 'Hours', width: 8.5, align: 'right' },
        { header: 'Link', width: 16.5 },
        { header: 'Why chosen', width: 26 },
      ],
      rows,
    ),
  ];
  if (hours.total > 0) {
    const shares = LEARNING_CATEGORIES.map((category) => `${CATEGORY_LABELS[category].toLowerCase()} ${formatNumber((hours.byCategory.get(category)! / hours.total) * 100, 0)}%`);
    const target = framework?.mixTarget;
    const aim = target ? ` The framework aims for ${formatNumber(target.experiential, 0)}-${formatNumber(target.social, 0)}-${formatNumber(target.formal, 0)}.` : '';
    blocks.push(paragraph([text(`In total ${plural(hours.total, 'hour')} of learning, assessments included: ${shares.join(', ')}.${aim}`)], 'note'));
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 4. Timeline

function weeksBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const days = dayNumber(end) - dayNumber(start) + 1;
  return Number.isFinite(days) && days > 0 ? Math.ceil(days / 7) : null;
}

function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

export function timelineBlock(entries: readonly TimelineEntry[], start: string | null, end: string | null): TimelineBlock | null {
  if (!start || !end) return null;
  const bars: TimelineBar[] = entries
    .filter((entry) => entry.start !== null)
    .map((entry) => ({
      label: cleanLine(entry.title),
      start: entry.start!,
      end: entry.end && entry.end >= entry.start! ? entry.end : entry.start!,
      kind: barKind(entry.kind, entry.checkIn),
      milestone: entry.milestone,
    }));
  if (bars.length === 0) return null;
  return { type: 'timeline', start, end, bars };
}

function timelineBlocks(elements: PlanElements, lang: ResolvedOptions['language']): Block[] {
  const { timeline } = elements;
  if (timeline.entries.length === 0) return [paragraph([muted('Nothing is scheduled yet.')], 'note')];
  const blocks: Block[] = [];
  const chart = timelineBlock(timeline.entries, timeline.start, timeline.end);
  if (chart) {
    blocks.push(paragraph(`The plan runs ${formatPeriod(timeline.start, timeline.end, lang)}. Bars show when each activity is planned; diamonds mark milestones.`));
    blocks.push(chart);
  }
  blocks.push(
    table(
      [
        { header: 'Dates', width: 25 },
        { header: 'Item', width: 52 },
        { header: 'Kind', width: 23 },
      ],
      timeline.entries.map((entry) => {
        const kind = entry.checkIn ? 'Manager check-in' : KIND_LABELS[entry.kind];
        const tone = entry.milestone ? 'strong' : undefined;
        return [
          cell(entry.start ? formatPeriod(entry.start, entry.end, lang) : 'To be scheduled', entry.start ? undefined : 'muted'),
          cell(entry.title, tone),
          cell(kind, entry.milestone ? 'strong' : 'muted'),
        ];
      }),
    ),
  );
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 5–6. Expectations, assessment and feedback

function expectationBlocks(elements: PlanElements, manager: string): Block[] {
  const blocks: Block[] = [];
  if (elements.expectations.length > 0) blocks.push(bullets(elements.expectations));
  else blocks.push(paragraph([muted('No expectations recorded yet: agree them when you agree the plan.')], 'note'));
  if (elements.learner.hoursPerWeek > 0) {
    const who = manager ? `${elements.learner.name} and ${manager}` : 'The employee and manager';
    blocks.push(paragraph(`${who} agree ${formatNumber(elements.learner.hoursPerWeek)} hours a week for the activities in this plan.`));
  }
  return blocks;
}

function assessmentBlocks(elements: PlanElements, lang: ResolvedOptions['language']): Block[] {
  const blocks: Block[] = [];
  const { mechanisms, assessments } = elements.assessmentAndFeedback;
  if (mechanisms.length > 0) blocks.push(bullets(mechanisms));
  else blocks.push(paragraph([muted('No assessment or feedback mechanisms recorded yet.')], 'note'));
  const dated = [...assessments, ...elements.timeline.entries.filter((entry) => entry.milestone || entry.kind === 'capstone')]
    .filter((entry, index, all) => all.findIndex((other) => other.itemId === entry.itemId) === index)
    .sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'));
  if (dated.length > 0) {
    blocks.push(heading(2, 'Key assessment dates'));
    blocks.push(keyValue(dated.map((entry) => [entry.start ? formatPeriod(entry.start, entry.end, lang) : 'To be scheduled', entry.title] as const)));
  }
  return blocks;
}

function agreementBlocks(plan: Plan, name: string, manager: string, lang: ResolvedOptions['language']): Block[] {
  return [
    paragraph(
      'By signing, we agree the goals, activities, timeline and time for learning in this plan, and we will review progress at each check-in. Either of us can ask to adjust the plan when priorities change.',
    ),
    {
      type: 'sign-off',
      parties: [
        { role: 'Employee', name: cleanLine(plan.signOff.employeeName) || name, date: plan.signOff.employeeDate ? formatDate(plan.signOff.employeeDate, lang) : null },
        { role: 'Manager', name: cleanLine(plan.signOff.managerName) || manager, date: plan.signOff.managerDate ? formatDate(plan.signOff.managerDate, lang) : null },
      ],
    },
  ];
}
