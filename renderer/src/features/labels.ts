/** Human words for the schema's enumerations. */
import type { FindingSource, Modality, PathwayNodeKind } from '../../../shared/domain/schema';

export const SOURCE_LABEL: Record<FindingSource, string> = {
  survey: 'Survey',
  interview: 'Interview',
  'focus-group': 'Focus group',
  'performance-data': 'Performance data',
  observation: 'Observation',
  'document-review': 'Document review',
  'self-assessment': 'Self-assessment',
  'manager-rating': 'Manager rating',
};

export const PRIORITY_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const;

export const NODE_KIND_LABEL: Record<PathwayNodeKind, { one: string; many: string }> = {
  'pre-assessment': { one: 'Pre-assessment', many: 'Pre-assessments' },
  core: { one: 'Core course', many: 'Core courses' },
  'optional-group': { one: 'Optional group', many: 'Optional groups' },
  'post-assessment': { one: 'Post-assessment', many: 'Post-assessments' },
  capstone: { one: 'Capstone', many: 'Capstones' },
  milestone: { one: 'Milestone', many: 'Milestones' },
};

export const MODALITY_LABEL: Record<Modality, string> = {
  course: 'Course',
  'e-learning': 'E-learning',
  workshop: 'Workshop',
  webinar: 'Webinar',
  podcast: 'Podcast',
  video: 'Video',
  article: 'Article',
  book: 'Book',
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  'job-shadowing': 'Job shadowing',
  'stretch-assignment': 'Stretch assignment',
  'on-the-job-project': 'On-the-job project',
  'community-of-practice': 'Community of practice',
  'micro-learning': 'Micro-learning',
  assessment: 'Assessment',
};
