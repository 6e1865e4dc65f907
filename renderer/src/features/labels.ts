/** Human words for the schema's enumerations. */
import { MODALITY_LABELS } from '../../../shared/documents/labels';
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

/** One list of modality words for the studio and the exported documents. */
export const MODALITY_LABEL: Readonly<Record<Modality, string>> = MODALITY_LABELS;
