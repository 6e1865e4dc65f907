/** New, empty projects: a usable default scale so the first capability can be rated at once. */
import { newId, type RandomSource } from './ids';
import { CURRENT_SCHEMA_VERSION, DEFAULT_BRANDING, type Project, type ProficiencyLevel } from './schema';

export const DEFAULT_SCALE_LEVELS: readonly ProficiencyLevel[] = [
  { id: 'beginner', label: 'Beginner', description: 'Knows the concepts; applies them with guidance in familiar situations.' },
  { id: 'intermediate', label: 'Intermediate', description: 'Applies the capability independently in routine situations.' },
  { id: 'skilled', label: 'Skilled', description: 'Applies it confidently in complex or high-stakes situations and adapts to the audience.' },
  { id: 'expert', label: 'Expert', description: 'Recognised role model; coaches others and shapes how the organisation practises it.' },
];

export function createBlankProject(options: { title?: string; author?: string; now: Date; appVersion: string; random?: RandomSource }): Project {
  const timestamp = options.now.toISOString();
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: {
      id: newId('project', options.random),
      title: options.title?.trim() || 'Untitled project',
      clientOrganisation: '',
      authors: options.author ? [options.author] : [],
      createdAt: timestamp,
      modifiedAt: timestamp,
      appVersion: options.appVersion,
    },
    scale: { name: 'Proficiency', levels: DEFAULT_SCALE_LEVELS.map((level) => ({ ...level })) },
    domains: [],
    capabilities: [],
    roles: [],
    findings: [],
    learners: [],
    assessments: [],
    activities: [],
    frameworks: [],
    plans: [],
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
  };
}
