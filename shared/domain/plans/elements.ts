/**
 * The six elements of a personalized learning plan (seed article): what the plan view and every
 * export show, in that order. Built from the project and a saved plan alone (no engine output),
 * so a plan a person edited by hand, or one opened from last year's file, renders the same way.
 *
 * 1. learner: employee info — role, career goals and the current capability assessment;
 * 2. goals: prioritized learning goals;
 * 3. activities: learning activities and resources, with the catalog's links;
 * 4. timeline: dated items with the interim milestones and check-ins;
 * 5. expectations: for participation;
 * 6. assessmentAndFeedback: mechanisms, plus the plan's assessment items.
 */
import type { Activity, Modality, LearningCategory, PathwayNodeKind, Plan, Project } from '../schema';
import { indexAssessments, levelRanks, pickCurrentLevel, type LevelSource } from './levels';

export interface LearnerElement {
  id: string;
  name: string;
  email: string;
  roleId: string | null;
  roleName: string | null;
  team: string;
  manager: string;
  careerGoals: string;
  startDate: string | null;
  hoursPerWeek: number;
  /** The framework's focus capabilities (the role's targets when it has none), in project order. */
  currentCapabilities: {
    capabilityId: string;
    capabilityName: string;
    levelId: string | null;
    levelLabel: string | null;
    source: LevelSource | null;
    date: string | null;
    targetLevelId: string | null;
    targetLevelLabel: string | null;
  }[];
}

export interface GoalElement {
  rank: number;
  capabilityId: string;
  capabilityName: string;
  currentLevelLabel: string | null;
  targetLevelLabel: string;
  rationale: string;
}

export interface ActivityElement {
  itemId: string;
  kind: PathwayNodeKind;
  title: string;
  activityId: string | null;
  modality: Modality | null;
  category: LearningCategory | null;
  hours: number | null;
  /** From the catalog: http, https or mailto only (the schema refuses anything else); '' when none. */
  link: string;
  provider: string;
  delivery: Activity['delivery'] | null;
  start: string | null;
  end: string | null;
  reason: string;
  status: Plan['items'][number]['status'];
}

export interface TimelineEntry {
  itemId: string;
  kind: PathwayNodeKind;
  title: string;
  start: string | null;
  end: string | null;
  milestone: boolean;
  checkIn: boolean;
}

export interface PlanElements {
  learner: LearnerElement;
  goals: GoalElement[];
  activities: ActivityElement[];
  timeline: { start: string | null; end: string | null; entries: TimelineEntry[]; milestones: TimelineEntry[] };
  expectations: string[];
  assessmentAndFeedback: { mechanisms: string[]; assessments: TimelineEntry[] };
}

const ACTIVITY_KINDS: ReadonlySet<PathwayNodeKind> = new Set(['core', 'optional-group', 'capstone']);
const ASSESSMENT_KINDS: ReadonlySet<PathwayNodeKind> = new Set(['pre-assessment', 'post-assessment']);

/** Indexes the project once; the returned function renders any of its plans. For cohorts. */
export function createPlanElements(project: Project): (plan: Plan) => PlanElements {
  const ranks = levelRanks(project);
  const levelLabels = new Map(project.scale.levels.map((level) => [level.id, level.label]));
  const capabilities = new Map(project.capabilities.map((capability, index) => [capability.id, { capability, index }]));
  const roles = new Map(project.roles.map((role) => [role.id, role]));
  const learners = new Map(project.learners.map((learner) => [learner.id, learner]));
  const activities = new Map(project.activities.map((activity) => [activity.id, activity]));
  const frameworks = new Map(project.frameworks.map((framework) => [framework.id, framework]));
  const assessments = indexAssessments(project.assessments, ranks);
  const label = (levelId: string | null): string | null => (levelId === null ? null : (levelLabels.get(levelId) ?? levelId));

  return (plan) => {
    const learner = learners.get(plan.learnerId);
    const role = learner?.roleId ? (roles.get(learner.roleId) ?? null) : null;
    const framework = frameworks.get(plan.frameworkId);
    const nodes = new Map((framework?.nodes ?? []).map((node) => [node.id, node]));

    const targets = new Map<string, string>();
    for (const target of role?.targets ?? []) if (!targets.has(target.capabilityId)) targets.set(target.capabilityId, target.levelId);
    const focus = framework && framework.focusCapabilityIds.length > 0 ? framework.focusCapabilityIds : [...targets.keys()];
    const scope = [...new Set(focus)].filter((id) => capabilities.has(id)).sort((a, b) => capabilities.get(a)!.index - capabilities.get(b)!.index);
    const own = assessments.get(plan.learnerId);

    const timelineEntry = (item: Plan['items'][number]): TimelineEntry => {
      const node = item.nodeId === null ? undefined : nodes.get(item.nodeId);
      return {
        itemId: item.id,
        kind: item.kind,
        title: item.title,
        start: item.start,
        end: item.end,
        milestone: item.kind === 'milestone',
        checkIn: node?.kind === 'milestone' && node.checkIn,
      };
    };
    const entries = plan.items
      .map((item, index) => ({ entry: timelineEntry(item), index }))
      .sort((a, b) => compareDates(a.entry.start, b.entry.start) || a.index - b.index)
      .map(({ entry }) => entry);
    const starts = entries.map((entry) => entry.start).filter((date): date is string => date !== null);
    const ends = entries.map((entry) => entry.end ?? entry.start).filter((date): date is string => date !== null);

    return {
      learner: {
        id: plan.learnerId,
        name: learner?.name ?? plan.signOff.employeeName,
        email: learner?.email ?? '',
        roleId: role?.id ?? null,
        roleName: role?.name ?? null,
        team: learner?.team ?? '',
        manager: learner?.manager ?? plan.signOff.managerName,
        careerGoals: learner?.careerGoals ?? '',
        startDate: learner?.startDate ?? null,
        hoursPerWeek: learner?.hoursPerWeek ?? 0,
        currentCapabilities: scope.map((capabilityId) => {
          const current = pickCurrentLevel(own?.get(capabilityId), ranks);
          const targetLevelId = targets.get(capabilityId) ?? null;
          return {
            capabilityId,
            capabilityName: capabilities.get(capabilityId)!.capability.name,
            levelId: current?.levelId ?? null,
            levelLabel: label(current?.levelId ?? null),
            source: current?.source ?? null,
            date: current?.date ?? null,
            targetLevelId,
            targetLevelLabel: label(targetLevelId),
          };
        }),
      },
      goals: [...plan.goals]
        .sort((a, b) => a.rank - b.rank)
        .map((goal) => ({
          rank: goal.rank,
          capabilityId: goal.capabilityId,
          capabilityName: capabilities.get(goal.capabilityId)?.capability.name ?? goal.capabilityId,
          currentLevelLabel: label(goal.currentLevelId),
          targetLevelLabel: label(goal.targetLevelId)!,
          rationale: goal.rationale,
        })),
      activities: plan.items
        .filter((item) => ACTIVITY_KINDS.has(item.kind))
        .map((item) => {
          const activity = item.activityId === null ? undefined : activities.get(item.activityId);
          return {
            itemId: item.id,
            kind: item.kind,
            title: item.title,
            activityId: item.activityId,
            modality: activity?.modality ?? null,
            category: activity?.category ?? null,
            hours: activity?.hours ?? null,
            link: activity?.link ?? '',
            provider: activity?.provider ?? '',
            delivery: activity?.delivery ?? null,
            start: item.start,
            end: item.end,
            reason: item.reason,
            status: item.status,
          };
        }),
      timeline: {
        start: starts.reduce<string | null>((min, date) => (min === null || date < min ? date : min), null),
        end: ends.reduce<string | null>((max, date) => (max === null || date > max ? date : max), null),
        entries,
        milestones: entries.filter((entry) => entry.milestone),
      },
      expectations: [...plan.participationExpectations],
      assessmentAndFeedback: {
        mechanisms: [...plan.assessmentAndFeedback],
        assessments: entries.filter((entry) => ASSESSMENT_KINDS.has(entry.kind)),
      },
    };
  };
}

/** Undated items sort last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function planElements(project: Project, plan: Plan): PlanElements {
  return createPlanElements(project)(plan);
}
