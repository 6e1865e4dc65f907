/**
 * A learner's current level per capability, from the assessment data.
 *
 * Precedence (documented and tested): the latest `pre` assessment; else the latest `manager`
 * rating; else the latest `self`-assessment. "Latest" is the greatest `date`; on the same date
 * the assessment listed later in the project wins (it was recorded later). `post` assessments
 * measure the outcome of a plan and are not a starting point, so they are ignored here.
 * Assessments whose level is not on the project's scale are ignored.
 */
import type { Assessment, AssessmentKind, Project } from '../schema';

export type LevelSource = Exclude<AssessmentKind, 'post'>;

/** Which assessment kind wins, most trusted first. */
export const LEVEL_SOURCE_PRECEDENCE: readonly LevelSource[] = ['pre', 'manager', 'self'];

export const LEVEL_SOURCE_LABELS: Readonly<Record<LevelSource, string>> = {
  pre: 'pre-assessment',
  manager: 'manager rating',
  self: 'self-assessment',
};

export interface CurrentLevel {
  capabilityId: string;
  levelId: string;
  /** Index on the scale: 0 is the least proficient level. */
  rank: number;
  source: LevelSource;
  assessmentId: string;
  date: string;
}

type Latest = Partial<Record<LevelSource, Assessment>>;

/** learnerId → capabilityId → latest assessment of each kind. */
export type AssessmentIndex = ReadonlyMap<string, ReadonlyMap<string, Latest>>;

export function levelRanks(project: Pick<Project, 'scale'>): ReadonlyMap<string, number> {
  return new Map(project.scale.levels.map((level, index) => [level.id, index]));
}

function isLevelSource(kind: AssessmentKind): kind is LevelSource {
  return kind !== 'post';
}

/** One pass over every assessment; later entries win ties on date. */
export function indexAssessments(assessments: readonly Assessment[], ranks: ReadonlyMap<string, number>): AssessmentIndex {
  const index = new Map<string, Map<string, Latest>>();
  for (const assessment of assessments) {
    const kind = assessment.kind;
    if (!isLevelSource(kind) || !ranks.has(assessment.levelId)) continue;
    let byCapability = index.get(assessment.learnerId);
    if (!byCapability) index.set(assessment.learnerId, (byCapability = new Map()));
    let latest = byCapability.get(assessment.capabilityId);
    if (!latest) byCapability.set(assessment.capabilityId, (latest = {}));
    const previous = latest[kind];
    if (!previous || assessment.date >= previous.date) latest[kind] = assessment;
  }
  return index;
}

/** The current level of one capability from the indexed assessments, or null when none applies. */
export function pickCurrentLevel(latest: Latest | undefined, ranks: ReadonlyMap<string, number>): CurrentLevel | null {
  if (!latest) return null;
  for (const source of LEVEL_SOURCE_PRECEDENCE) {
    const assessment = latest[source];
    if (!assessment) continue;
    const rank = ranks.get(assessment.levelId);
    if (rank === undefined) continue;
    return { capabilityId: assessment.capabilityId, levelId: assessment.levelId, rank, source, assessmentId: assessment.id, date: assessment.date };
  }
  return null;
}

/** Every capability the learner has a usable assessment for, with the level that counts. */
export function resolveCurrentLevels(project: Pick<Project, 'scale' | 'assessments'>, learnerId: string): Map<string, CurrentLevel> {
  const ranks = levelRanks(project);
  const own = project.assessments.filter((assessment) => assessment.learnerId === learnerId);
  const byCapability = indexAssessments(own, ranks).get(learnerId);
  const result = new Map<string, CurrentLevel>();
  if (!byCapability) return result;
  for (const [capabilityId, latest] of byCapability) {
    const current = pickCurrentLevel(latest, ranks);
    if (current) result.set(capabilityId, current);
  }
  return result;
}
