/** Words for the domain's enums as a manager reads them. */
import type { LearningCategory, Modality, PathwayNodeKind } from '../domain/schema';
import type { TimelineBarKind } from './model';

export const MODALITY_LABELS: Readonly<Record<Modality, string>> = {
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

export const CATEGORY_LABELS: Readonly<Record<LearningCategory, string>> = {
  experiential: 'Experiential',
  social: 'Social',
  formal: 'Formal',
};

/** The 70-20-10 share each category stands for. */
export const CATEGORY_SHARES: Readonly<Record<LearningCategory, string>> = {
  experiential: '70',
  social: '20',
  formal: '10',
};

export const KIND_LABELS: Readonly<Record<PathwayNodeKind, string>> = {
  'pre-assessment': 'Pre-assessment',
  core: 'Core',
  'optional-group': 'Option',
  'post-assessment': 'Post-assessment',
  capstone: 'Capstone',
  milestone: 'Milestone',
};

export const STATUS_LABELS: Readonly<Record<'draft' | 'agreed' | 'in-progress' | 'complete', string>> = {
  draft: 'Draft for discussion',
  agreed: 'Agreed',
  'in-progress': 'In progress',
  complete: 'Complete',
};

export function barKind(kind: PathwayNodeKind, checkIn: boolean): TimelineBarKind {
  switch (kind) {
    case 'pre-assessment':
    case 'post-assessment':
      return 'assessment';
    case 'core':
      return 'core';
    case 'optional-group':
      return 'option';
    case 'capstone':
      return 'capstone';
    case 'milestone':
      return checkIn ? 'check-in' : 'milestone';
  }
}

export const BAR_KIND_LABELS: Readonly<Record<TimelineBarKind, string>> = {
  assessment: 'Assessment',
  core: 'Core activity',
  option: 'Option',
  capstone: 'Capstone',
  milestone: 'Milestone',
  'check-in': 'Manager check-in',
  other: 'Other',
};
