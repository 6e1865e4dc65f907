/**
 * The 70-20-10 category a modality usually belongs to. A new activity starts with it and the
 * designer may override it (a workshop run as a peer-led clinic can count as social).
 *
 * Experiential (70): learning by doing the job. Social (20): learning from and with others.
 * Formal (10): structured content — courses, media, reading, and assessments (which are
 * scheduled, designed events rather than work or conversation).
 */
import type { LearningCategory, Modality } from './schema';

export const DEFAULT_CATEGORY: Readonly<Record<Modality, LearningCategory>> = {
  course: 'formal',
  'e-learning': 'formal',
  workshop: 'formal',
  webinar: 'formal',
  podcast: 'formal',
  video: 'formal',
  article: 'formal',
  book: 'formal',
  mentoring: 'social',
  coaching: 'social',
  'job-shadowing': 'experiential',
  'stretch-assignment': 'experiential',
  'on-the-job-project': 'experiential',
  'community-of-practice': 'social',
  'micro-learning': 'formal',
  assessment: 'formal',
};

export function defaultCategory(modality: Modality): LearningCategory {
  return DEFAULT_CATEGORY[modality];
}
