/**
 * The framework guide a consultant hands to the client: the capability model with what each level
 * looks like, the pathway step by step, the activity catalog it draws on, how options are chosen
 * for each learner, and the 70-20-10 mix.
 */
import { IMPORTANCE_WEIGHTS, orderPathway } from '../domain/plans';
import type { Activity, Framework, LearningCategory, PathwayNode, Project } from '../domain/schema';
import { LEARNING_CATEGORIES } from '../domain/schema';
import { bold, bullets, cell, heading, keyValue, link, muted, paragraph, paragraphs, table, text } from './blocks';
import { CATEGORY_LABELS, CATEGORY_SHARES, MODALITY_LABELS } from './labels';
import { pathwayDiagrams } from './pathway-diagram';
import type { Block, DocumentModel, DocumentSection, Runs, TableCell } from './model';
import { resolveOptions, themeOf, type DocumentOptions } from './options';
import { cleanLine, formatDate, formatHours, formatNumber, plural } from './text';

/**
 * The diagram's size in points: both renderers' A4 text width (the PDF's is 483 pt, Word's 482), and
 * a page's text height less room for a heading and a caption. A longer pathway becomes several parts.
 */
const DIAGRAM_WIDTH = 480;
const DIAGRAM_MAX_HEIGHT = 640;

export function frameworkGuide(project: Project, framework: Framework, options: Partial<DocumentOptions> = {}): DocumentModel {
  const resolved = resolveOptions(project, options);
  const lang = resolved.language;
  const name = cleanLine(framework.name);
  const levels = project.scale.levels;
  const levelLabel = new Map(levels.map((level) => [level.id, cleanLine(level.label)]));
  const activities = new Map<string, Activity>();
  for (const activity of project.activities) if (!activities.has(activity.id)) activities.set(activity.id, activity);
  const capabilities = new Map(project.capabilities.map((capability) => [capability.id, capability]));
  const roleNames = framework.audienceRoleIds.map((id) => project.roles.find((role) => role.id === id)?.name).filter((value): value is string => Boolean(value));
  const audienceRoles = project.roles.filter((role) => framework.audienceRoleIds.includes(role.id));

  // Capabilities in scope: the framework's focus, else every capability its audience targets.
  const focusIds = framework.focusCapabilityIds.length > 0 ? framework.focusCapabilityIds : [...new Set(audienceRoles.flatMap((role) => role.targets.map((target) => target.capabilityId)))];
  const focus = project.capabilities.filter((capability) => focusIds.includes(capability.id));

  const { order } = orderPathway(framework);
  const pathwayActivityIds: string[] = [];
  const addActivity = (id: string | null): void => {
    if (id !== null && activities.has(id) && !pathwayActivityIds.includes(id)) pathwayActivityIds.push(id);
  };
  for (const node of order) {
    if (node.kind === 'optional-group') node.activityIds.forEach(addActivity);
    else if (node.kind !== 'milestone') addActivity(node.activityId);
  }

  const sections: DocumentSection[] = [
    { id: 'overview', title: 'Overview', blocks: overview() },
    { id: 'capabilities', title: 'Capability model', blocks: capabilityModel() },
    { id: 'pathway', title: 'The pathway', blocks: pathway() },
    { id: 'catalog', title: 'Activity catalog', blocks: catalog() },
    { id: 'selection', title: 'How options are chosen', blocks: selectionRules() },
    { id: 'mix', title: 'The 70-20-10 mix', blocks: mix() },
    {
      id: 'expectations',
      title: 'Participation, assessment and feedback',
      blocks: [
        heading(2, 'Expectations for participation'),
        framework.participationExpectations.length > 0 ? bullets(framework.participationExpectations) : paragraph([muted('None recorded yet.')], 'note'),
        heading(2, 'Assessment and feedback'),
        framework.assessmentAndFeedback.length > 0 ? bullets(framework.assessmentAndFeedback) : paragraph([muted('None recorded yet.')], 'note'),
      ],
    },
  ];

  return {
    kind: 'framework-guide',
    meta: {
      title: `${name} — framework guide`,
      subject: 'PLP framework guide',
      author: resolved.author,
      keywords: ['PLP framework', 'capability model', name],
      language: lang,
      createdOn: resolved.generatedOn,
    },
    theme: themeOf(resolved),
    organisation: resolved.organisation,
    footer: [name, 'Framework guide', resolved.organisation.name].filter(Boolean).join(' · '),
    cover: {
      layout: 'page',
      eyebrow: resolved.organisation.name,
      title: name,
      subtitle: 'Personalized learning plan framework guide',
      fields: keyValue([
        ['Audience', roleNames.join('; ') || 'All roles'],
        ['Duration', plural(framework.durationWeeks, 'week')],
        ['Proficiency scale', levels.map((level) => cleanLine(level.label)).join(' → ')],
        ['Prepared on', formatDate(resolved.generatedOn, lang)],
      ]).entries,
      highlights: [
        { value: String(focus.length), label: focus.length === 1 ? 'capability' : 'capabilities' },
        { value: String(order.length), label: order.length === 1 ? 'pathway step' : 'pathway steps' },
        { value: String(pathwayActivityIds.length), label: pathwayActivityIds.length === 1 ? 'activity' : 'activities' },
        { value: String(framework.durationWeeks), label: framework.durationWeeks === 1 ? 'week' : 'weeks' },
      ],
      note: 'How the framework works, for the people who will run it: what each capability looks like at each level, the steps every participant takes, and how each personal plan is put together.',
    },
    sections,
  };

  function overview(): Block[] {
    return [
      ...paragraphs(framework.description, 'No description yet.'),
      keyValue([
        ['Audience', roleNames.join('; ') || 'All roles'],
        ['Duration', plural(framework.durationWeeks, 'week')],
        ['Focus capabilities', focus.map((capability) => cleanLine(capability.name)).join('; ') || 'The audience roles’ targets'],
      ]),
    ];
  }

  function capabilityModel(): Block[] {
    const blocks: Block[] = [
      paragraph(`Capabilities are rated on a ${levels.length}-level scale (${cleanLine(project.scale.name)}):`),
      table(
        [
          { header: 'Level', width: 22 },
          { header: 'What it means', width: 78 },
        ],
        levels.map((level) => [cell(level.label, 'strong'), cell(level.description || '—', level.description ? undefined : 'muted')]),
      ),
    ];
    const domains = project.domains.filter((domain) => focus.some((capability) => capability.domainId === domain.id));
    const orphans = focus.filter((capability) => !project.domains.some((domain) => domain.id === capability.domainId));
    const groups = [...domains.map((domain) => ({ title: domain.name, description: domain.description, members: focus.filter((capability) => capability.domainId === domain.id) }))];
    if (orphans.length > 0) groups.push({ title: 'Other capabilities', description: '', members: orphans });
    for (const group of groups) {
      blocks.push(heading(2, group.title));
      if (group.description) blocks.push(...paragraphs(group.description, ''));
      for (const capability of group.members) {
        blocks.push(heading(3, capability.externalId ? `${capability.name} (${capability.externalId})` : capability.name));
        if (capability.description) blocks.push(...paragraphs(capability.description, ''));
        const targets = audienceRoles
          .map((role) => {
            const target = role.targets.find((candidate) => candidate.capabilityId === capability.id);
            return target ? `${cleanLine(role.name)}: ${levelLabel.get(target.levelId) ?? target.levelId} (${target.importance})` : null;
          })
          .filter((value): value is string => value !== null);
        if (targets.length > 0) blocks.push(paragraph([bold('Role targets. '), text(targets.join('; ') + '.')], 'note'));
        const rows: TableCell[][] = levels.map((level) => {
          const statements = capability.indicators.find((indicator) => indicator.levelId === level.id)?.statements ?? [];
          const lines: Runs[] = statements.length > 0 ? statements.map((statement) => [text(`• ${cleanLine(statement)}`)]) : [[muted('No indicators recorded.')]];
          return [cell(level.label, 'strong'), cell(lines)];
        });
        blocks.push(
          table(
            [
              { header: 'Level', width: 22 },
              { header: 'What it looks like', width: 78 },
            ],
            rows,
          ),
        );
      }
    }
    if (focus.length === 0) blocks.push(paragraph([muted('No capabilities are in scope yet.')], 'note'));
    return blocks;
  }

  function stepRuns(node: PathwayNode): Runs {
    const title = cleanLine(node.label) || defaultTitle(node);
    const runs: Runs[number][] = [bold(title)];
    const details: string[] = [];
    if (node.kind === 'optional-group') {
      const members = node.activityIds.filter((id) => activities.has(id));
      const count = node.min === node.max ? `${node.min}` : `${node.min} to ${node.max}`;
      details.push(`${node.selectionRule === 'by-gap' ? 'Chosen by gap' : 'Chosen by the learner and manager'}: ${count} of ${plural(members.length, 'activity', 'activities')}`);
    } else if (node.kind !== 'milestone' && node.activityId) {
      const activity = activities.get(node.activityId);
      if (activity) details.push(`${cleanLine(activity.title)} (${MODALITY_LABELS[activity.modality].toLowerCase()}, ${formatHours(activity.hours)})`);
    } else if (node.kind === 'milestone' && node.checkIn) {
      details.push('Manager check-in');
    }
    if (details.length > 0) runs.push(text(` — ${details.join('. ')}.`));
    if (node.notes) runs.push(muted(` ${cleanLine(node.notes)}`));
    return runs;
  }

  function pathway(): Block[] {
    if (order.length === 0) return [paragraph([muted('The pathway has no steps yet.')], 'note')];
    const diagrams = pathwayDiagrams(framework, activities, {
      width: DIAGRAM_WIDTH,
      maxHeight: DIAGRAM_MAX_HEIGHT,
      title: (node) => cleanLine(node.label) || defaultTitle(node),
      heading: 'The pathway at a glance',
      caption: 'The pathway: read left to right, row by row; an arrow means “comes before”. Steps in the same column can run side by side.',
    });
    return [
      paragraph('Every participant follows these steps in this order; the options are chosen for each person from their assessment.'),
      bullets(order.map(stepRuns), true),
      ...diagrams,
    ];
  }

  function catalog(): Block[] {
    if (pathwayActivityIds.length === 0) return [paragraph([muted('The pathway uses no catalog activities yet.')], 'note')];
    const rows = pathwayActivityIds.map((id): TableCell[] => {
      const activity = activities.get(id)!;
      const develops = activity.develops
        .map((step) => `${capabilities.get(step.capabilityId)?.name ?? step.capabilityId}: ${levelLabel.get(step.fromLevelId) ?? step.fromLevelId} → ${levelLabel.get(step.toLevelId) ?? step.toLevelId}`)
        .map((line) => [text(cleanLine(line))] as Runs);
      return [
        cell([[bold(activity.title)], [muted(cleanLine(activity.provider))]]),
        cell(MODALITY_LABELS[activity.modality]),
        cell(`${CATEGORY_LABELS[activity.category]} (${CATEGORY_SHARES[activity.category]})`),
        cell(formatHours(activity.hours)),
        activity.link ? cell([link(activity.link)]) : cell('—', 'muted'),
        develops.length > 0 ? cell(develops) : cell('—', 'muted'),
      ];
    });
    return [
      table(
        [
          { header: 'Activity', width: 23 },
          { header: 'Modality', width: 13 },
          { header: '70-20-10', width: 14 },
          { header: 'Hours', width: 8.5, align: 'right' },
          { header: 'Link', width: 16.5 },
          { header: 'Develops', width: 25 },
        ],
        rows,
      ),
    ];
  }

  function selectionRules(): Block[] {
    const weights = `critical ×${IMPORTANCE_WEIGHTS.critical}, important ×${IMPORTANCE_WEIGHTS.important}, useful ×${IMPORTANCE_WEIGHTS.useful}`;
    const blocks: Block[] = [
      bullets([
        'Each participant’s current level per capability comes from the pre-assessment, else the manager’s rating, else the self-assessment.',
        `Goals are the capabilities below the role’s target, ranked by the gap in levels weighted by the target’s importance (${weights}), plus the needs-analysis findings about that capability.`,
        'An option suits a participant when it starts at or below their current level and takes them towards their target; options for the highest-ranked goals are picked first, and a goal already addressed counts for less.',
        `Options beyond the minimum are added only within the participant’s time for learning over the ${plural(framework.durationWeeks, 'week')}.`,
        'Core steps, assessments and the capstone are the same for everyone. Every choice is explained in the plan, and the manager and participant can change it.',
      ]),
    ];
    const groups = order.filter((node): node is Extract<PathwayNode, { kind: 'optional-group' }> => node.kind === 'optional-group');
    if (groups.length > 0) {
      blocks.push(
        table(
          [
            { header: 'Option group', width: 30 },
            { header: 'Rule', width: 30 },
            { header: 'Picks', width: 14, align: 'center' },
            { header: 'Activities', width: 26 },
          ],
          groups.map((group) => [
            cell(cleanLine(group.label) || 'Options', 'strong'),
            cell(group.selectionRule === 'by-gap' ? 'Chosen by gap (automatic, editable)' : 'Learner and manager choose (suggestions pre-filled)'),
            cell(group.min === group.max ? String(group.min) : `${group.min}–${group.max}`),
            cell(plural(group.activityIds.filter((id) => activities.has(id)).length, 'activity', 'activities')),
          ]),
        ),
      );
    }
    return blocks;
  }

  function mix(): Block[] {
    const target = framework.mixTarget;
    const core = new Map<LearningCategory, number>(LEARNING_CATEGORIES.map((category) => [category, 0]));
    const options = new Map<LearningCategory, number>(LEARNING_CATEGORIES.map((category) => [category, 0]));
    for (const node of order) {
      if (node.kind === 'optional-group') {
        for (const id of new Set(node.activityIds)) {
          const activity = activities.get(id);
          if (activity) options.set(activity.category, options.get(activity.category)! + activity.hours);
        }
      } else if (node.kind !== 'milestone' && node.activityId) {
        const activity = activities.get(node.activityId);
        if (activity) core.set(activity.category, core.get(activity.category)! + activity.hours);
      }
    }
    const targets: Record<LearningCategory, number> = { experiential: target.experiential, social: target.social, formal: target.formal };
    return [
      paragraph(
        `Most learning happens on the job: the framework aims for ${formatNumber(target.experiential, 0)}% experiential, ${formatNumber(target.social, 0)}% social and ${formatNumber(target.formal, 0)}% formal learning by hours, within ${formatNumber(target.tolerance, 0)} percentage points. Each plan reports its own mix.`,
      ),
      table(
        [
          { header: 'Category', width: 34 },
          { header: 'Target', width: 18, align: 'right' },
          { header: 'Steps for everyone', width: 24, align: 'right' },
          { header: 'Options available', width: 24, align: 'right' },
        ],
        LEARNING_CATEGORIES.map((category) => [
          cell([[bold(CATEGORY_LABELS[category])], [muted(categoryHint(category))]]),
          cell(`${formatNumber(targets[category], 0)}%`),
          cell(formatHours(core.get(category)!)),
          cell(formatHours(options.get(category)!)),
        ]),
      ),
    ];
  }
}

function categoryHint(category: LearningCategory): string {
  switch (category) {
    case 'experiential':
      return 'on the job: assignments, projects';
    case 'social':
      return 'from others: mentoring, coaching';
    case 'formal':
      return 'courses, e-learning, workshops';
  }
}

function defaultTitle(node: PathwayNode): string {
  switch (node.kind) {
    case 'pre-assessment':
      return 'Pre-assessment';
    case 'post-assessment':
      return 'Post-assessment';
    case 'core':
      return 'Core activity';
    case 'optional-group':
      return 'Options';
    case 'capstone':
      return 'Capstone';
    case 'milestone':
      return node.checkIn ? 'Manager check-in' : 'Milestone';
  }
}
