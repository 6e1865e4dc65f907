/** The personalization engine and what the plan view and exports build on. */
export { ADDRESSED_GOAL_WEIGHT, FINDING_PRIORITY_WEIGHTS, IMPORTANCE_WEIGHTS, MAX_ITEM_DAYS, PersonalizeError, createPersonalizer, personalizePlan } from './personalize';
export type { PersonalizeErrorCode, Personalizer } from './personalize';
export type * from './types';
export { LEVEL_SOURCE_LABELS, LEVEL_SOURCE_PRECEDENCE, indexAssessments, levelRanks, pickCurrentLevel, resolveCurrentLevels } from './levels';
export type { AssessmentIndex, CurrentLevel, LevelSource } from './levels';
export { compareNodes, nodeTier, orderPathway } from './pathway';
export type { PathwayOrder } from './pathway';
export { addDays, datePart, fromDayNumber, isIsoDate, toDayNumber } from './dates';
export { createPlanElements, planElements } from './elements';
export type { ActivityElement, GoalElement, LearnerElement, PlanElements, TimelineEntry } from './elements';
export { BENCH_FRAMEWORK_ID, benchPersonalize, generateBenchProject } from './bench';
export type { BenchProjectOptions, BenchResult } from './bench';
