/**
 * How pathway steps look: one icon per step kind and per modality, and the 70-20-10 category
 * names. Colour is always paired with text (a category shows "70 · Experiential", a step shows
 * its kind in words), so nothing is told by colour alone.
 */
import {
  IconArticle,
  IconBook,
  IconBook2,
  IconBriefcase,
  IconBroadcast,
  IconCertificate,
  IconClipboardCheck,
  IconClipboardList,
  IconDeviceLaptop,
  IconEye,
  IconFlag3,
  IconHeadphones,
  IconListCheck,
  IconMessages,
  IconPresentation,
  IconSchool,
  IconStack2,
  IconTargetArrow,
  IconTrophy,
  IconUsers,
  IconUsersGroup,
  IconVideo,
  IconBolt,
  type Icon,
} from '@tabler/icons-react';
import type { LearningCategory, Modality, PathwayNodeKind } from '../../../../shared/domain/schema';

export const KIND_ICON: Record<PathwayNodeKind, Icon> = {
  'pre-assessment': IconClipboardList,
  core: IconBook2,
  'optional-group': IconStack2,
  'post-assessment': IconClipboardCheck,
  capstone: IconTrophy,
  milestone: IconFlag3,
};

/** The kind as a step header says it. */
export const KIND_TITLE: Record<PathwayNodeKind, string> = {
  'pre-assessment': 'Pre-assessment',
  core: 'Core activity',
  'optional-group': 'Optional group',
  'post-assessment': 'Post-assessment',
  capstone: 'Capstone',
  milestone: 'Milestone',
};

/** What each kind is for, in the palette. */
export const KIND_HINT: Record<PathwayNodeKind, string> = {
  'pre-assessment': 'Measures where each learner starts',
  core: 'An activity everyone takes',
  'optional-group': 'Learners take some of these, by gap or choice',
  'post-assessment': 'Measures what learners gained',
  capstone: 'Applies it all at the end',
  milestone: 'A checkpoint, e.g. a manager check-in',
};

export const MODALITY_ICON: Record<Modality, Icon> = {
  course: IconSchool,
  'e-learning': IconDeviceLaptop,
  workshop: IconPresentation,
  webinar: IconBroadcast,
  podcast: IconHeadphones,
  video: IconVideo,
  article: IconArticle,
  book: IconBook,
  mentoring: IconUsers,
  coaching: IconMessages,
  'job-shadowing': IconEye,
  'stretch-assignment': IconTargetArrow,
  'on-the-job-project': IconBriefcase,
  'community-of-practice': IconUsersGroup,
  'micro-learning': IconBolt,
  assessment: IconListCheck,
};

export const CATEGORY_SHARE: Record<LearningCategory, number> = { experiential: 70, social: 20, formal: 10 };
export const CATEGORY_LABEL: Record<LearningCategory, string> = { experiential: 'Experiential', social: 'Social', formal: 'Formal' };
export const CATEGORY_HINT: Record<LearningCategory, string> = {
  experiential: 'on the job',
  social: 'from others',
  formal: 'courses',
};

export const CapstoneIcon = IconCertificate;

/** "1.5 h", "12 h", "0.75 h". */
export function hours(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;
}
