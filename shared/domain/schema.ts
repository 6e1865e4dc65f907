/**
 * The project file, version by version: the single source of truth for what a PLP Studio
 * project is. Everything the studio reads from disk, from another process or from a user's
 * spreadsheet is checked against these schemas before it becomes domain data.
 *
 * Objects are strict: an unknown key (a typo such as "hoursPerweek" in a hand-edited file) is
 * refused with its path instead of being silently dropped, which would lose the value.
 *
 * Text fields carry explicit length limits so a hostile file (a 50 MB "title") is refused with
 * a path-precise message instead of freezing the UI later.
 */
import { z } from 'zod';
import { ID_PATTERN } from './ids';

/** 2: project branding (logo, accent colour, font, template, client Word template) and saved scale mappings. */
export const CURRENT_SCHEMA_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Building blocks

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 50_000;

export const IdSchema = z.string().regex(ID_PATTERN, 'must be an id: letters, digits, "-", "_" or ".", at most 64');
export const ShortText = z.string().max(SHORT_TEXT_MAX, `must be at most ${SHORT_TEXT_MAX} characters`);
export const RequiredShortText = ShortText.trim().min(1, 'must not be empty');
export const LongText = z.string().max(LONG_TEXT_MAX, `must be at most ${LONG_TEXT_MAX} characters`);
/** A calendar date without time: plans are agreed in days, not instants. */
export const IsoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
export const Email = z.union([z.literal(''), z.email({ message: 'must be an e-mail address' }).max(254)]);

const SAFE_LINK = /^(https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;
/** Links end up clickable in exported plans: only web and mail links are ever allowed. */
export const SafeLink = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => value === '' || SAFE_LINK.test(value), 'must be an http, https or mailto link');

const Hours = z.number().min(0, 'must not be negative').max(10_000, 'must be at most 10,000 hours');

// ---------------------------------------------------------------------------------------------
// Proficiency scale

export const ProficiencyLevelSchema = z.strictObject({
  id: IdSchema,
  label: RequiredShortText,
  description: LongText.default(''),
});

export const ProficiencyScaleSchema = z.strictObject({
  name: ShortText.default('Proficiency'),
  /** Ordered from least to most proficient; a level's rank is its index. */
  levels: z.array(ProficiencyLevelSchema).min(2, 'a scale needs at least 2 levels').max(10, 'a scale has at most 10 levels'),
});

// ---------------------------------------------------------------------------------------------
// Capability model: domain → capability → skill

export const CapabilityDomainSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  description: LongText.default(''),
  externalId: ShortText.default(''),
});

export const BehaviouralIndicatorsSchema = z.strictObject({
  levelId: IdSchema,
  /** What someone at this level visibly does. */
  statements: z.array(LongText).max(50),
});

export const SkillSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  description: LongText.default(''),
  externalId: ShortText.default(''),
});

export const CapabilitySchema = z.strictObject({
  id: IdSchema,
  domainId: IdSchema,
  name: RequiredShortText,
  description: LongText.default(''),
  externalId: ShortText.default(''),
  indicators: z.array(BehaviouralIndicatorsSchema).default([]),
  skills: z.array(SkillSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// Roles and what each must reach

export const IMPORTANCES = ['critical', 'important', 'useful'] as const;
export const ImportanceSchema = z.enum(IMPORTANCES);

export const RoleTargetSchema = z.strictObject({
  capabilityId: IdSchema,
  levelId: IdSchema,
  importance: ImportanceSchema.default('important'),
});

export const RoleSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  team: ShortText.default(''),
  description: LongText.default(''),
  targets: z.array(RoleTargetSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// Needs analysis

export const FINDING_SOURCES = [
  'survey',
  'interview',
  'focus-group',
  'performance-data',
  'observation',
  'document-review',
  'self-assessment',
  'manager-rating',
] as const;
export const FindingSourceSchema = z.enum(FINDING_SOURCES);
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const PrioritySchema = z.enum(PRIORITIES);

export const FindingSchema = z.strictObject({
  id: IdSchema,
  statement: z.string().trim().min(1, 'must not be empty').max(LONG_TEXT_MAX),
  source: FindingSourceSchema,
  evidence: LongText.default(''),
  priority: PrioritySchema.default('medium'),
  /** Each link reads "this finding is evidence of a gap in this capability (for these roles)". */
  roleIds: z.array(IdSchema).default([]),
  capabilityIds: z.array(IdSchema).default([]),
  tags: z.array(ShortText).max(50).default([]),
});

// ---------------------------------------------------------------------------------------------
// Learners and assessments

export const LearnerSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  email: Email.default(''),
  roleId: IdSchema.nullable().default(null),
  manager: ShortText.default(''),
  team: ShortText.default(''),
  careerGoals: LongText.default(''),
  startDate: IsoDate.nullable().default(null),
  hoursPerWeek: z.number().min(0).max(80, 'must be at most 80 hours a week').default(2),
  notes: LongText.default(''),
});

export const ASSESSMENT_KINDS = ['pre', 'post', 'self', 'manager'] as const;
export const AssessmentKindSchema = z.enum(ASSESSMENT_KINDS);

export const AssessmentSchema = z.strictObject({
  id: IdSchema,
  learnerId: IdSchema,
  capabilityId: IdSchema,
  levelId: IdSchema,
  kind: AssessmentKindSchema,
  date: IsoDate,
  note: ShortText.default(''),
});

// ---------------------------------------------------------------------------------------------
// Activity catalog

export const MODALITIES = [
  'course',
  'e-learning',
  'workshop',
  'webinar',
  'podcast',
  'video',
  'article',
  'book',
  'mentoring',
  'coaching',
  'job-shadowing',
  'stretch-assignment',
  'on-the-job-project',
  'community-of-practice',
  'micro-learning',
  'assessment',
] as const;
export const ModalitySchema = z.enum(MODALITIES);

/** 70-20-10: experiential (on the job), social (from others), formal (courses). */
export const LEARNING_CATEGORIES = ['experiential', 'social', 'formal'] as const;
export const LearningCategorySchema = z.enum(LEARNING_CATEGORIES);

export const CapabilityDevelopmentSchema = z.strictObject({
  capabilityId: IdSchema,
  /** The activity suits learners at this level… */
  fromLevelId: IdSchema,
  /** …and brings them to this one. */
  toLevelId: IdSchema,
});

export const ActivitySchema = z.strictObject({
  id: IdSchema,
  title: RequiredShortText,
  description: LongText.default(''),
  modality: ModalitySchema,
  category: LearningCategorySchema,
  hours: Hours,
  link: SafeLink.default(''),
  provider: ShortText.default(''),
  cost: ShortText.default(''),
  delivery: z.enum(['self-paced', 'live']).default('self-paced'),
  develops: z.array(CapabilityDevelopmentSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// PLP frameworks: a pathway graph

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

const nodeBase = {
  id: IdSchema,
  label: ShortText.default(''),
  position: PositionSchema,
  notes: LongText.default(''),
};

export const PreAssessmentNodeSchema = z.strictObject({
  kind: z.literal('pre-assessment'),
  ...nodeBase,
  capabilityIds: z.array(IdSchema).default([]),
  activityId: IdSchema.nullable().default(null),
});
export const CoreActivityNodeSchema = z.strictObject({
  kind: z.literal('core'),
  ...nodeBase,
  activityId: IdSchema,
});
export const SELECTION_RULES = ['by-gap', 'learner-choice'] as const;
export const OptionalGroupNodeSchema = z.strictObject({
  kind: z.literal('optional-group'),
  ...nodeBase,
  activityIds: z.array(IdSchema).default([]),
  min: z.number().int().min(0).default(1),
  max: z.number().int().min(0).default(1),
  selectionRule: z.enum(SELECTION_RULES).default('by-gap'),
});
export const PostAssessmentNodeSchema = z.strictObject({
  kind: z.literal('post-assessment'),
  ...nodeBase,
  capabilityIds: z.array(IdSchema).default([]),
  activityId: IdSchema.nullable().default(null),
});
export const CapstoneNodeSchema = z.strictObject({
  kind: z.literal('capstone'),
  ...nodeBase,
  activityId: IdSchema.nullable().default(null),
});
export const MilestoneNodeSchema = z.strictObject({
  kind: z.literal('milestone'),
  ...nodeBase,
  /** A manager check-in is a milestone the manager attends. */
  checkIn: z.boolean().default(false),
});

export const PathwayNodeSchema = z.discriminatedUnion('kind', [
  PreAssessmentNodeSchema,
  CoreActivityNodeSchema,
  OptionalGroupNodeSchema,
  PostAssessmentNodeSchema,
  CapstoneNodeSchema,
  MilestoneNodeSchema,
]);
export const PATHWAY_NODE_KINDS = ['pre-assessment', 'core', 'optional-group', 'post-assessment', 'capstone', 'milestone'] as const;

/** "source comes before target". */
export const PathwayEdgeSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
});

export const MixTargetSchema = z.strictObject({
  experiential: z.number().min(0).max(100).default(70),
  social: z.number().min(0).max(100).default(20),
  formal: z.number().min(0).max(100).default(10),
  /** Percentage points either side of each target that still count as on target. */
  tolerance: z.number().min(0).max(50).default(10),
});

export const FrameworkSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  description: LongText.default(''),
  audienceRoleIds: z.array(IdSchema).default([]),
  focusCapabilityIds: z.array(IdSchema).default([]),
  durationWeeks: z.number().int().min(1).max(260).default(12),
  participationExpectations: z.array(LongText).max(100).default([]),
  assessmentAndFeedback: z.array(LongText).max(100).default([]),
  mixTarget: MixTargetSchema.default({ experiential: 70, social: 20, formal: 10, tolerance: 10 }),
  nodes: z.array(PathwayNodeSchema).max(20_000).default([]),
  edges: z.array(PathwayEdgeSchema).max(40_000).default([]),
});

// ---------------------------------------------------------------------------------------------
// Personalized learning plans

export const PLAN_STATUSES = ['draft', 'agreed', 'in-progress', 'complete'] as const;

export const PlanGoalSchema = z.strictObject({
  capabilityId: IdSchema,
  currentLevelId: IdSchema.nullable(),
  targetLevelId: IdSchema,
  rank: z.number().int().min(1),
  rationale: LongText.default(''),
});

export const PlanItemSchema = z.strictObject({
  id: IdSchema,
  /** The pathway node this item comes from, if any (manual additions have none). */
  nodeId: IdSchema.nullable().default(null),
  activityId: IdSchema.nullable().default(null),
  kind: z.enum(PATHWAY_NODE_KINDS),
  title: RequiredShortText,
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  reason: LongText.default(''),
  /** Set when a person changed what the engine proposed; regeneration keeps these. */
  manual: z.boolean().default(false),
  status: z.enum(['planned', 'done', 'skipped']).default('planned'),
});

export const SignOffSchema = z.strictObject({
  employeeName: ShortText.default(''),
  employeeDate: IsoDate.nullable().default(null),
  managerName: ShortText.default(''),
  managerDate: IsoDate.nullable().default(null),
});

export const PlanSchema = z.strictObject({
  id: IdSchema,
  learnerId: IdSchema,
  frameworkId: IdSchema,
  status: z.enum(PLAN_STATUSES).default('draft'),
  generatedAt: IsoDateTime.nullable().default(null),
  goals: z.array(PlanGoalSchema).default([]),
  items: z.array(PlanItemSchema).default([]),
  participationExpectations: z.array(LongText).default([]),
  assessmentAndFeedback: z.array(LongText).default([]),
  signOff: SignOffSchema.default({ employeeName: '', employeeDate: null, managerName: '', managerDate: null }),
  warnings: z.array(LongText).default([]),
});

// ---------------------------------------------------------------------------------------------
// Scale mappings saved for the next import

/**
 * How another scale's values read onto the project's levels ("3 - Competent", SFIA 1–7, "Not yet
 * competent"), saved by the import wizard so the next survey from the same client maps the same
 * way without redoing it.
 */
export const SavedScaleMappingSchema = z.strictObject({
  id: IdSchema,
  name: RequiredShortText,
  entries: z
    .array(z.strictObject({ value: RequiredShortText, levelId: IdSchema }))
    .max(1_000)
    .default([]),
  /** Numbers in [min, max] spread proportionally over the project's levels. */
  numericRange: z
    .strictObject({ min: z.number().finite(), max: z.number().finite() })
    .refine((range) => range.max > range.min, 'max must be greater than min')
    .nullable()
    .default(null),
});

// ---------------------------------------------------------------------------------------------
// Branding of exported documents

export const BUILT_IN_TEMPLATES = ['classic', 'modern'] as const;
export const BuiltInTemplateSchema = z.enum(BUILT_IN_TEMPLATES);
export const DOCUMENT_FONTS = ['sans', 'serif'] as const;
export const DocumentFontSchema = z.enum(DOCUMENT_FONTS);
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;

/** Files kept inside the project are capped so a project stays quick to open and save. */
export const LOGO_MAX_BYTES = 1_000_000;
export const CLIENT_TEMPLATE_MAX_BYTES = 5_000_000;
const base64Of = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `must be at most ${(maxBytes / 1_000_000).toLocaleString('en-GB')} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 data');

export const DEFAULT_ACCENT_COLOR = '#1F4E79';

export const BrandingSchema = z.strictObject({
  /** Printed on the cover of every exported document. */
  logo: z
    .strictObject({ fileName: ShortText, mediaType: z.enum(LOGO_MEDIA_TYPES), data: base64Of(LOGO_MAX_BYTES) })
    .nullable()
    .default(null),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour as #RRGGBB').default(DEFAULT_ACCENT_COLOR),
  font: DocumentFontSchema.default('sans'),
  template: BuiltInTemplateSchema.default('classic'),
  /** The organisation's own Word template with {{placeholders}}; Word exports are filled from it. */
  clientTemplate: z
    .strictObject({ fileName: RequiredShortText, data: base64Of(CLIENT_TEMPLATE_MAX_BYTES) })
    .nullable()
    .default(null),
});

export const DEFAULT_BRANDING = {
  logo: null,
  accentColor: DEFAULT_ACCENT_COLOR,
  font: 'sans',
  template: 'classic',
  clientTemplate: null,
} as const satisfies z.input<typeof BrandingSchema>;

// ---------------------------------------------------------------------------------------------
// The project

export const ProjectMetaSchema = z.strictObject({
  id: IdSchema,
  title: RequiredShortText,
  clientOrganisation: ShortText.default(''),
  authors: z.array(ShortText).max(50).default([]),
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  /** The studio version that last wrote the file; informative only. */
  appVersion: ShortText.default(''),
});

export const ProjectSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: ProjectMetaSchema,
  scale: ProficiencyScaleSchema,
  domains: z.array(CapabilityDomainSchema).default([]),
  capabilities: z.array(CapabilitySchema).default([]),
  roles: z.array(RoleSchema).default([]),
  findings: z.array(FindingSchema).default([]),
  learners: z.array(LearnerSchema).default([]),
  assessments: z.array(AssessmentSchema).default([]),
  activities: z.array(ActivitySchema).default([]),
  frameworks: z.array(FrameworkSchema).default([]),
  plans: z.array(PlanSchema).default([]),
  scaleMappings: z.array(SavedScaleMappingSchema).default([]),
  branding: BrandingSchema.default(DEFAULT_BRANDING),
});

export type Project = z.output<typeof ProjectSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
export type ProjectMeta = Project['meta'];
export type ProficiencyScale = z.output<typeof ProficiencyScaleSchema>;
export type ProficiencyLevel = z.output<typeof ProficiencyLevelSchema>;
export type CapabilityDomain = z.output<typeof CapabilityDomainSchema>;
export type Capability = z.output<typeof CapabilitySchema>;
export type Skill = z.output<typeof SkillSchema>;
export type Role = z.output<typeof RoleSchema>;
export type RoleTarget = z.output<typeof RoleTargetSchema>;
export type Importance = z.output<typeof ImportanceSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type FindingSource = z.output<typeof FindingSourceSchema>;
export type Learner = z.output<typeof LearnerSchema>;
export type Assessment = z.output<typeof AssessmentSchema>;
export type AssessmentKind = z.output<typeof AssessmentKindSchema>;
export type Activity = z.output<typeof ActivitySchema>;
export type Modality = z.output<typeof ModalitySchema>;
export type LearningCategory = z.output<typeof LearningCategorySchema>;
export type Framework = z.output<typeof FrameworkSchema>;
export type PathwayNode = z.output<typeof PathwayNodeSchema>;
export type PathwayNodeKind = PathwayNode['kind'];
export type PathwayEdge = z.output<typeof PathwayEdgeSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type PlanItem = z.output<typeof PlanItemSchema>;
export type PlanGoal = z.output<typeof PlanGoalSchema>;
export type SavedScaleMapping = z.output<typeof SavedScaleMappingSchema>;
export type Branding = z.output<typeof BrandingSchema>;
export type BuiltInTemplate = z.output<typeof BuiltInTemplateSchema>;
export type DocumentFont = z.output<typeof DocumentFontSchema>;
