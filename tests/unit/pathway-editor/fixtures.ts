/** A small project with a catalog, a model and one framework: pre → core → options → post → capstone. */
import { CURRENT_SCHEMA_VERSION, DEFAULT_BRANDING, type Activity, type Framework, type PathwayNode, type Project } from '../../../shared/domain/schema';

const NOW = '2024-05-06T07:08:09.000Z';

export function activity(id: string, category: Activity['category'], hours: number, modality: Activity['modality'] = 'course'): Activity {
  return { id, title: `Activity ${id}`, description: '', modality, category, hours, link: '', provider: '', cost: '', delivery: 'self-paced', develops: [] };
}

export function framework(id = 'fw', overrides: Partial<Framework> = {}): Framework {
  const nodes: PathwayNode[] = [
    { kind: 'pre-assessment', id: 'pre', label: 'Pre', position: { x: 0, y: 0 }, notes: '', capabilityIds: ['cap-a'], activityId: 'act-test' },
    { kind: 'core', id: 'core', label: '', position: { x: 300, y: 0 }, notes: '', activityId: 'act-job' },
    { kind: 'optional-group', id: 'group', label: 'Options', position: { x: 600, y: 0 }, notes: '', activityIds: ['act-mentor', 'act-video'], min: 1, max: 1, selectionRule: 'by-gap' },
    { kind: 'post-assessment', id: 'post', label: 'Post', position: { x: 900, y: 0 }, notes: '', capabilityIds: ['cap-a'], activityId: null },
    { kind: 'capstone', id: 'capstone', label: 'Capstone', position: { x: 1200, y: 0 }, notes: '', activityId: null },
  ];
  return {
    id,
    name: 'Test framework',
    description: '',
    audienceRoleIds: [],
    focusCapabilityIds: [],
    durationWeeks: 12,
    participationExpectations: [],
    assessmentAndFeedback: [],
    mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
    nodes,
    edges: [
      { id: 'e1', source: 'pre', target: 'core' },
      { id: 'e2', source: 'core', target: 'group' },
      { id: 'e3', source: 'group', target: 'post' },
      { id: 'e4', source: 'post', target: 'capstone' },
    ],
    ...overrides,
  };
}

export function project(frameworks: Framework[] = [framework()]): Project {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
    meta: { id: 'project-test', title: 'Editor fixtures', clientOrganisation: '', authors: [], createdAt: NOW, modifiedAt: NOW, appVersion: '0.1.0' },
    scale: {
      name: 'Proficiency',
      levels: [
        { id: 'beginner', label: 'Beginner', description: '' },
        { id: 'skilled', label: 'Skilled', description: '' },
      ],
    },
    domains: [{ id: 'dom', name: 'Presence', description: '', externalId: '' }],
    capabilities: [
      { id: 'cap-a', domainId: 'dom', name: 'Capability A', description: '', externalId: '', indicators: [], skills: [] },
      { id: 'cap-b', domainId: 'dom', name: 'Capability B', description: '', externalId: '', indicators: [], skills: [] },
    ],
    roles: [{ id: 'role-am', name: 'Account manager', team: '', description: '', targets: [] }],
    findings: [],
    learners: [],
    assessments: [],
    activities: [
      activity('act-test', 'formal', 1, 'assessment'),
      activity('act-job', 'experiential', 14, 'on-the-job-project'),
      activity('act-mentor', 'social', 4, 'mentoring'),
      activity('act-video', 'formal', 1, 'video'),
      activity('act-podcast', 'formal', 2, 'podcast'),
    ],
    frameworks,
    plans: [],
  };
}

export const fw = (p: Project, id = 'fw'): Framework => p.frameworks.find((candidate) => candidate.id === id)!;
export const node = (p: Project, nodeId: string, frameworkId = 'fw'): PathwayNode => fw(p, frameworkId).nodes.find((candidate) => candidate.id === nodeId)!;
