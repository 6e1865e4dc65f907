/**
 * A small but complete project (every section, every pathway node kind, cross references all
 * over) for round-trip, fuzz and service tests. Deterministic: fixed ids and dates.
 */
import { createBlankProject } from '../../../shared/domain/factory';
import type { Project } from '../../../shared/domain/schema';

export const FIXED_NOW = new Date('2024-05-06T07:08:09.000Z');

/** Deterministic "random" bytes so createBlankProject gives stable ids. */
export function counterRandom(seed = 1): (count: number) => Uint8Array {
  let next = seed;
  return (count) => Uint8Array.from({ length: count }, () => (next = (next * 1103515245 + 12345) % 2147483648) & 0xff);
}

export function buildMinimalProject(title = 'Minimal project'): Project {
  return createBlankProject({ title, now: FIXED_NOW, appVersion: '0.1.0', random: counterRandom() });
}

export function buildRichProject(title = 'Executive presence for cell-therapy account managers'): Project {
  const project = createBlankProject({ title, author: 'Dana Designer', now: FIXED_NOW, appVersion: '0.1.0', random: counterRandom(7) });
  project.meta.clientOrganisation = 'Helix Therapeutics';
  project.domains = [
    { id: 'dom-influence', name: 'Influence', description: 'Moving decisions forward.', externalId: 'D1' },
    { id: 'dom-presence', name: 'Presence', description: '', externalId: '' },
  ];
  project.capabilities = [
    {
      id: 'cap-stakeholder',
      domainId: 'dom-influence',
      name: 'Stakeholder influence',
      description: 'Gains commitment from senior clinicians and hospital buyers.',
      externalId: 'C-01',
      indicators: [
        { levelId: 'beginner', statements: ['Prepares a stakeholder map with help.'] },
        { levelId: 'skilled', statements: ['Adapts the pitch to each decision maker.', 'Handles objections calmly.'] },
      ],
      skills: [{ id: 'skill-mapping', name: 'Stakeholder mapping', description: '', externalId: '' }],
    },
    { id: 'cap-gravitas', domainId: 'dom-presence', name: 'Gravitas', description: '', externalId: '', indicators: [], skills: [] },
  ];
  project.roles = [
    {
      id: 'role-kam',
      name: 'Key account manager',
      team: 'Commercial',
      description: '',
      targets: [
        { capabilityId: 'cap-stakeholder', levelId: 'skilled', importance: 'critical' },
        { capabilityId: 'cap-gravitas', levelId: 'intermediate', importance: 'important' },
      ],
    },
  ];
  project.findings = [
    {
      id: 'find-1',
      statement: 'Account managers struggle to get time with hospital pharmacists.',
      source: 'interview',
      evidence: '7 of 10 interviews',
      priority: 'high',
      roleIds: ['role-kam'],
      capabilityIds: ['cap-stakeholder'],
      tags: ['access', 'pharmacy'],
    },
  ];
  project.learners = [
    {
      id: 'learner-ana',
      name: 'Ana Ortiz',
      email: 'ana@example.com',
      roleId: 'role-kam',
      manager: 'Sam Lee',
      team: 'North',
      careerGoals: 'Lead the oncology key accounts.',
      startDate: '2024-06-01',
      hoursPerWeek: 3,
      notes: '',
    },
  ];
  project.assessments = [
    { id: 'assess-1', learnerId: 'learner-ana', capabilityId: 'cap-stakeholder', levelId: 'beginner', kind: 'pre', date: '2024-05-01', note: '' },
  ];
  project.activities = [
    {
      id: 'act-course',
      title: 'Influencing without authority',
      description: '',
      modality: 'course',
      category: 'formal',
      hours: 6,
      link: 'https://learning.example.com/influence',
      provider: 'Example Academy',
      cost: '',
      delivery: 'live',
      develops: [{ capabilityId: 'cap-stakeholder', fromLevelId: 'beginner', toLevelId: 'intermediate' }],
    },
    {
      id: 'act-shadow',
      title: 'Shadow a senior KAM',
      description: '',
      modality: 'job-shadowing',
      category: 'experiential',
      hours: 8,
      link: '',
      provider: '',
      cost: '',
      delivery: 'self-paced',
      develops: [{ capabilityId: 'cap-stakeholder', fromLevelId: 'intermediate', toLevelId: 'skilled' }],
    },
    {
      id: 'act-podcast',
      title: 'Presence podcast',
      description: '',
      modality: 'podcast',
      category: 'social',
      hours: 1.5,
      link: 'mailto:ld@example.com',
      provider: '',
      cost: '',
      delivery: 'self-paced',
      develops: [],
    },
  ];
  project.frameworks = [
    {
      id: 'fw-presence',
      name: 'Executive presence',
      description: 'Pre-assessment, core, options, post-assessment, capstone.',
      audienceRoleIds: ['role-kam'],
      focusCapabilityIds: ['cap-stakeholder', 'cap-gravitas'],
      durationWeeks: 12,
      participationExpectations: ['Two hours a week.'],
      assessmentAndFeedback: ['Manager check-in every month.'],
      mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
      nodes: [
        { id: 'n-pre', kind: 'pre-assessment', label: 'Pre', position: { x: 0, y: 0 }, notes: '', capabilityIds: ['cap-stakeholder'], activityId: null },
        { id: 'n-core', kind: 'core', label: '', position: { x: 200, y: 0 }, notes: '', activityId: 'act-course' },
        {
          id: 'n-options',
          kind: 'optional-group',
          label: 'Options',
          position: { x: 400, y: 0 },
          notes: '',
          activityIds: ['act-shadow', 'act-podcast'],
          min: 1,
          max: 2,
          selectionRule: 'by-gap',
        },
        { id: 'n-check', kind: 'milestone', label: 'Check-in', position: { x: 500, y: 100 }, notes: '', checkIn: true },
        { id: 'n-post', kind: 'post-assessment', label: 'Post', position: { x: 600, y: 0 }, notes: '', capabilityIds: ['cap-stakeholder'], activityId: null },
        { id: 'n-capstone', kind: 'capstone', label: 'Capstone', position: { x: 800, y: 0 }, notes: '', activityId: null },
      ],
      edges: [
        { id: 'e-1', source: 'n-pre', target: 'n-core' },
        { id: 'e-2', source: 'n-core', target: 'n-options' },
        { id: 'e-3', source: 'n-options', target: 'n-check' },
        { id: 'e-4', source: 'n-check', target: 'n-post' },
        { id: 'e-5', source: 'n-post', target: 'n-capstone' },
      ],
    },
  ];
  project.plans = [
    {
      id: 'plan-ana',
      learnerId: 'learner-ana',
      frameworkId: 'fw-presence',
      status: 'draft',
      generatedAt: '2024-05-06T07:08:09.000Z',
      goals: [{ capabilityId: 'cap-stakeholder', currentLevelId: 'beginner', targetLevelId: 'skilled', rank: 1, rationale: 'Gap of 2 levels.' }],
      items: [
        {
          id: 'item-1',
          nodeId: 'n-core',
          activityId: 'act-course',
          kind: 'core',
          title: 'Influencing without authority',
          start: '2024-06-03',
          end: '2024-06-14',
          reason: 'Core course of the pathway.',
          manual: false,
          status: 'planned',
        },
      ],
      participationExpectations: ['Two hours a week.'],
      assessmentAndFeedback: [],
      signOff: { employeeName: '', employeeDate: null, managerName: '', managerDate: null },
      warnings: [],
    },
  ];
  return project;
}
