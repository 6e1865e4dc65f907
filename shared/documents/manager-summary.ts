/**
 * One page for the manager: the goals, the dates that need them, and what they do. Managers read
 * this on a phone between meetings; the full plan is the reference.
 */
import { createPlanElements, type PlanElements, type TimelineEntry } from '../domain/plans';
import type { Plan, Project } from '../domain/schema';
import { bold, bullets, cell, keyValue, muted, paragraph, table, text } from './blocks';
import type { Block, DocumentModel, DocumentSection, Runs } from './model';
import { resolveOptions, themeOf, type DocumentOptions, type ResolvedOptions } from './options';
import { cleanLine, formatDate, formatNumber, formatPeriod } from './text';

const MAX_GOALS = 5;
const MAX_DATES = 8;
const MAX_MECHANISMS = 2;

export function createManagerSummary(project: Project, options: Partial<DocumentOptions> = {}): (plan: Plan) => DocumentModel {
  const resolved = resolveOptions(project, options);
  const elementsOf = createPlanElements(project);
  return (plan) => build(elementsOf(plan), resolved);
}

export function managerSummary(project: Project, plan: Plan, options: Partial<DocumentOptions> = {}): DocumentModel {
  return createManagerSummary(project, options)(plan);
}

function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

function managerPart(entry: TimelineEntry, first: string): string {
  if (entry.checkIn) return `Hold the check-in: review progress with ${first} against the goals and agree what to adjust.`;
  switch (entry.kind) {
    case 'pre-assessment':
      return `Complete your rating of ${first}; discuss the results when you agree the plan.`;
    case 'post-assessment':
      return `Complete your rating again; compare it with the pre-assessment together.`;
    case 'capstone':
      return `Attend if you can, and discuss the assessors' feedback with ${first} afterwards.`;
    case 'milestone':
      return `Check in with ${first} on progress.`;
    default:
      return `Support ${first} in making time for it.`;
  }
}

function build(elements: PlanElements, options: ResolvedOptions): DocumentModel {
  const lang = options.language;
  const { learner } = elements;
  const name = cleanLine(learner.name) || 'The employee';
  const first = firstName(name);
  const manager = cleanLine(learner.manager);

  const goals: Runs[] = elements.goals.slice(0, MAX_GOALS).map((goal) => [bold(goal.capabilityName), text(`: ${goal.currentLevelLabel ?? 'not assessed'} → ${goal.targetLevelLabel}`)]);
  const goalBlocks: Block[] =
    goals.length > 0
      ? [bullets(goals, true)]
      : [paragraph([muted(`No gaps against the role's targets: the plan consolidates ${first}'s strengths.`)], 'note')];
  if (elements.goals.length > MAX_GOALS) goalBlocks.push(paragraph([muted(`And ${elements.goals.length - MAX_GOALS} more in the full plan.`)], 'note'));

  const keyEntries = elements.timeline.entries.filter((entry) => entry.start !== null && (entry.milestone || entry.kind !== 'core' && entry.kind !== 'optional-group'));
  const dateBlocks: Block[] =
    keyEntries.length > 0
      ? [
          table(
            [
              { header: 'When', width: 22 },
              { header: 'What', width: 33 },
              { header: 'Your part', width: 45 },
            ],
            keyEntries.slice(0, MAX_DATES).map((entry) => [
              cell(formatPeriod(entry.start, entry.end, lang), 'strong'),
              cell(entry.title),
              cell(managerPart(entry, first)),
            ]),
          ),
        ]
      : [paragraph([muted('No dates are scheduled yet.')], 'note')];

  const experiential = elements.activities.filter((activity) => activity.category === 'experiential').map((activity) => cleanLine(activity.title));
  const actions: string[] = [];
  if (learner.hoursPerWeek > 0) actions.push(`Protect ${formatNumber(learner.hoursPerWeek)} hours a week for ${first}'s learning and keep them clear of other commitments where you can.`);
  actions.push(`Agree the plan with ${first} and sign it; hold the check-ins on the dates above.`);
  if (experiential.length > 0) {
    const listed = experiential.slice(0, 3).join('; ');
    actions.push(`Open doors for the on-the-job work (${listed}${experiential.length > 3 ? '; …' : ''}): most of the learning happens there.`);
  }
  // The framework's own words for the manager's part, when it has them; else the general advice.
  const managerMechanisms = elements.assessmentAndFeedback.mechanisms
    .filter((line) => /\bmanager\b/i.test(line) && !/pre-assessment|post-assessment/i.test(line))
    .slice(0, MAX_MECHANISMS);
  if (managerMechanisms.length > 0) actions.push(...managerMechanisms);
  else actions.push('Give specific feedback after customer meetings you observe, against the behavioural indicators for the goals above.');

  const sections: DocumentSection[] = [
    { id: 'goals', title: `${first}'s goals`, blocks: goalBlocks },
    { id: 'dates', title: 'Key dates', blocks: dateBlocks },
    { id: 'manager', title: 'What you do as the manager', blocks: [bullets(actions)] },
  ];

  return {
    kind: 'manager-summary',
    meta: {
      title: `Plan summary for the manager — ${name}`,
      subject: 'Personalized learning plan: manager summary',
      author: options.author,
      keywords: ['personalized learning plan', 'manager summary'],
      language: lang,
      createdOn: options.generatedOn,
    },
    theme: themeOf(options),
    organisation: options.organisation,
    footer: [name, 'Manager summary', options.organisation.name].filter(Boolean).join(' · '),
    cover: {
      layout: 'banner',
      eyebrow: options.organisation.name,
      title: 'Plan summary for the manager',
      subtitle: [name, learner.roleName].filter(Boolean).join(' · '),
      fields: keyValue([
        ['Manager', manager || 'Not recorded'],
        ['Plan period', formatPeriod(elements.timeline.start, elements.timeline.end, lang) || 'Dates to be agreed'],
        ['Prepared on', formatDate(options.generatedOn, lang)],
      ]).entries,
      highlights: [],
      note: '',
    },
    sections,
  };
}
