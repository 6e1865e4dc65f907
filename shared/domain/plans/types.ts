/**
 * What the personalization engine returns: a schema-valid `Plan` plus the explanation behind
 * every decision, for the plan editor ("why this module?") and the exported document.
 */
import type { Importance, LearningCategory, PathwayNodeKind, Plan, Project } from '../schema';
import type { CurrentLevel } from './levels';

export interface PersonalizeOptions {
  planId: string;
  /** Id of the index-th plan item (items are numbered in timeline order from 0). */
  itemId: (index: number) => string;
  /** ISO date-time stamped on the plan. */
  generatedAt: string;
  /** `YYYY-MM-DD`; the plan starts here when the learner has no start date (else the date of `generatedAt`). */
  today?: string;
}

export interface PersonalizeInput extends PersonalizeOptions {
  project: Project;
  frameworkId: string;
  learnerId: string;
}

/**
 * - `gap`: below the role target.
 * - `on-target`: at or above it.
 * - `not-assessed`: no usable assessment; treated as at the target (no goal) and warned about.
 * - `no-target`: the learner's role sets no target for it (or the learner has no role).
 */
export type CapabilityStatus = 'gap' | 'on-target' | 'not-assessed' | 'no-target';

export interface CapabilityAssessment {
  capabilityId: string;
  capabilityName: string;
  /** The level that counts and where it came from; null when not assessed. */
  current: CurrentLevel | null;
  targetLevelId: string | null;
  importance: Importance | null;
  /** Target rank − current rank (0 when not assessed); null without a target. */
  gap: number | null;
  status: CapabilityStatus;
}

export interface FindingCounts {
  high: number;
  medium: number;
  low: number;
  findingIds: readonly string[];
}

export type GoalCoverage = 'full' | 'partial' | 'none';

export interface GoalExplanation {
  capabilityId: string;
  rank: number;
  gap: number;
  currentLevelId: string;
  targetLevelId: string;
  importance: Importance;
  importanceWeight: number;
  findings: FindingCounts;
  findingBonus: number;
  /** gap × importanceWeight + findingBonus. */
  score: number;
  /** Whether the plan's activities, chained, take the learner from the current level to the target. */
  coverage: GoalCoverage;
  /** The highest level the plan's activities reach by chaining suitable steps. */
  reachedLevelId: string;
  /** Items whose activity develops this capability at the learner's current level. */
  itemIds: readonly string[];
}

/** One goal capability an activity develops at the learner's level. */
export interface DevelopmentMatch {
  capabilityId: string;
  fromLevelId: string;
  toLevelId: string;
  goalRank: number;
  /** Share of the activity's from→to span that is useful to this learner (0–1]. */
  fit: number;
  /** goal score × fit. */
  value: number;
}

/**
 * - `pathway`: assessments, milestones (everyone gets them).
 * - `core`: core activities and the capstone (everyone gets them).
 * - `by-gap`: picked for the learner's gaps up to the group's minimum.
 * - `by-gap-extra`: picked beyond the minimum, within the group's maximum and the hours budget.
 * - `fill`: added to reach the minimum although it does not suit the learner's levels.
 * - `recommended`: pre-filled in a learner-choice group; the learner and manager decide.
 */
export type ItemSelection = 'pathway' | 'core' | 'by-gap' | 'by-gap-extra' | 'fill' | 'recommended';

export interface ItemExplanation {
  itemId: string;
  nodeId: string;
  activityId: string | null;
  kind: PathwayNodeKind;
  selection: ItemSelection;
  /** A learner-choice pick: a suggestion, not a decision. */
  recommendation: boolean;
  hours: number;
  days: number;
  category: LearningCategory | null;
  develops: readonly DevelopmentMatch[];
  /** Marginal score when picked from a group; null otherwise. */
  score: number | null;
}

export type GroupStop = 'max' | 'budget' | 'no-more-suitable' | 'learner-choice' | 'all-members';

export interface GroupMemberExplanation {
  activityId: string;
  suitable: boolean;
  /** Score before any pick (sum of the values of its development matches). */
  score: number;
  develops: readonly DevelopmentMatch[];
  itemId: string | null;
}

export interface GroupExplanation {
  nodeId: string;
  label: string;
  rule: 'by-gap' | 'learner-choice';
  min: number;
  max: number;
  /** Members in the catalog, in the group's order. */
  members: readonly GroupMemberExplanation[];
  suitableCount: number;
  pickedCount: number;
  /** Why picking stopped. */
  stop: GroupStop;
}

export interface ScheduleExplanation {
  start: string;
  startSource: 'learner' | 'today' | 'generated-at';
  /** Last day of the last item (the start when there are no items). */
  end: string;
  /** The framework's planned end: start + durationWeeks × 7 − 1. */
  frameworkEnd: string;
  /** Hours a week used for durations (1 when the learner has none). */
  hoursPerWeek: number;
  /** Node ids in walking order. */
  order: readonly string[];
}

export interface HoursExplanation {
  planned: number;
  budget: number;
  hoursPerWeek: number;
  durationWeeks: number;
  /** planned − budget when positive, else 0. */
  over: number;
}

export interface MixExplanation {
  hours: Readonly<Record<LearningCategory, number>>;
  /** Rounded to one decimal; all 0 when the plan has no hours. */
  percent: Readonly<Record<LearningCategory, number>>;
  target: { experiential: number; social: number; formal: number; tolerance: number };
  offTarget: readonly LearningCategory[];
}

export type PlanWarningCode =
  | 'no-role'
  | 'role-not-in-audience'
  | 'no-target'
  | 'missing-assessment'
  | 'no-start-date'
  | 'no-hours'
  | 'missing-activity'
  | 'pathway-cycle'
  | 'group-bounds'
  | 'group-below-min'
  | 'uncovered-gap'
  | 'over-budget'
  | 'beyond-duration';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
  capabilityIds: readonly string[];
  nodeId: string | null;
}

export interface LearnerSummary {
  id: string;
  name: string;
  roleId: string | null;
  roleName: string | null;
  team: string;
  manager: string;
  careerGoals: string;
}

export interface PlanExplanation {
  learner: LearnerSummary;
  capabilities: readonly CapabilityAssessment[];
  goals: readonly GoalExplanation[];
  items: readonly ItemExplanation[];
  groups: readonly GroupExplanation[];
  schedule: ScheduleExplanation;
  hours: HoursExplanation;
  mix: MixExplanation;
  warnings: readonly PlanWarning[];
}

export interface PersonalizedPlan {
  plan: Plan;
  explanation: PlanExplanation;
}
