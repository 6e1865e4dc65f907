/**
 * Tiny fixtures for pathway tests: a three-level scale, two capabilities, two roles, a small
 * 70-20-10 catalog and a builder for pathways.
 *
 * `standardPathway()` is the reference design that passes every rule:
 *
 *   pre → core-course → core-job → options (mentor | video, pick 1) → checkin → post → capstone
 *
 * Expected hours: pre 1 + course 2 + job 14 + options 1 × mean(4, 1) = 2.5 + post 1 + capstone 1.5
 * = 22 h over 6 weeks (budget 24 h at 4 h a week, floor 6 h).
 */
import { CURRENT_SCHEMA_VERSION, DEFAULT_BRANDING, type Activity, type Framework, type PathwayEdge, type PathwayNode, type Project } from '../../../shared/domain/schema';
import { validatePathway, type PathwayProblem, type PathwayRuleId, type PathwayValidationOptions } from '../../../shared/domain/pathways/validation';

const NOW = '2024-05-06T07:08:09.000Z';

type Develops = Activity['develops'];
const dev = (capabilityId: string, fromLevelId: string, toLevelId: string): Develops[number] => ({ capabilityId, fromLevelId, toLevelId });

export function activity(id: string, category: Activity['category'], hours: number, develops: Develops = [], modality: Activity['modality'] = 'course'): Activity {
  return { id, title: `Activity ${id}`, description: '', modality, category, hours, link: '', provider: '', cost: '', delivery: 'self-paced', develops };
}

export function catalog(): Activity[] {
  return [
    activity('act-pre', 'formal', 1, [], 'assessment'),
    activity('act-post', 'formal', 1, [], 'assessment'),
    activity('act-course', 'formal', 2, [dev('cap-talk', 'beginner', 'intermediate'), dev('cap-listen', 'beginner', 'intermediate')]),
    activity('act-job', 'experiential', 14, [dev('cap-talk', 'intermediate', 'skilled')], 'on-the-job-project'),
    activity('act-mentor', 'social', 4, [dev('cap-talk', 'intermediate', 'skilled')], 'mentoring'),
    activity('act-video', 'formal', 1, [dev('cap-listen', 'beginner', 'intermediate')], 'video'),
    activity('act-capstone', 'formal', 1.5, [], 'workshop'),
    activity('act-podcast', 'formal', 1, [], 'podcast'),
  ];
}

export function baseProject(): Project {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
    meta: { id: 'project-test', title: 'Pathway fixtures', clientOrganisation: '', authors: [], createdAt: NOW, modifiedAt: NOW, appVersion: '0.1.0' },
    scale: {
      name: 'Proficiency',
      levels: [
        { id: 'beginner', label: 'Beginner', description: '' },
        { id: 'intermediate', label: 'Intermediate', description: '' },
        { id: 'skilled', label: 'Skilled', description: '' },
      ],
    },
    domains: [{ id: 'dom', name: 'Presence', description: '', externalId: '' }],
    capabilities: [
      { id: 'cap-talk', domainId: 'dom', name: 'Talking to executives', description: '', externalId: '', indicators: [], skills: [] },
      { id: 'cap-listen', domainId: 'dom', name: 'Active listening', description: '', externalId: '', indicators: [], skills: [] },
    ],
    roles: [
      {
        id: 'role-am',
        name: 'Account manager',
        team: '',
        description: '',
        targets: [
          { capabilityId: 'cap-talk', levelId: 'skilled', importance: 'critical' },
          { capabilityId: 'cap-listen', levelId: 'intermediate', importance: 'important' },
        ],
      },
      {
        id: 'role-lead',
        name: 'Team lead',
        team: '',
        description: '',
        targets: [
          { capabilityId: 'cap-talk', levelId: 'skilled', importance: 'critical' },
          { capabilityId: 'cap-listen', levelId: 'skilled', importance: 'critical' },
        ],
      },
    ],
    findings: [],
    learners: [],
    assessments: [],
    activities: catalog(),
    frameworks: [],
    plans: [],
  };
}

const base = (id: string, label: string, x: number) => ({ id, label, position: { x, y: 0 }, notes: '' });

/** Builds one framework's nodes and edges; every method returns the builder. */
export class PathwayBuilder {
  readonly nodes: PathwayNode[] = [];
  readonly edges: PathwayEdge[] = [];
  private settings: Partial<Framework> = {};

  private add(node: PathwayNode): this {
    this.nodes.push(node);
    return this;
  }

  private x(): number {
    return this.nodes.length * 200;
  }

  pre(id = 'pre', activityId: string | null = 'act-pre'): this {
    return this.add({ kind: 'pre-assessment', ...base(id, 'Pre-assessment', this.x()), capabilityIds: [], activityId });
  }

  core(id: string, activityId: string, label = ''): this {
    return this.add({ kind: 'core', ...base(id, label, this.x()), activityId });
  }

  group(id: string, activityIds: string[], min = 1, max = min, label = 'Choose options'): this {
    return this.add({ kind: 'optional-group', ...base(id, label, this.x()), activityIds, min, max, selectionRule: 'by-gap' });
  }

  post(id = 'post', activityId: string | null = 'act-post'): this {
    return this.add({ kind: 'post-assessment', ...base(id, 'Post-assessment', this.x()), capabilityIds: [], activityId });
  }

  capstone(id = 'capstone', activityId: string | null = 'act-capstone'): this {
    return this.add({ kind: 'capstone', ...base(id, 'Capstone', this.x()), activityId });
  }

  milestone(id: string, label = 'Check-in'): this {
    return this.add({ kind: 'milestone', ...base(id, label, this.x()), checkIn: true });
  }

  edge(source: string, target: string, id = `e-${source}-${target}`): this {
    this.edges.push({ id, source, target });
    return this;
  }

  /** Edges a → b → c … */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.edge(ids[i - 1]!, ids[i]!);
    return this;
  }

  /** Drops a node and every edge touching it. */
  remove(id: string): this {
    const at = this.nodes.findIndex((node) => node.id === id);
    if (at >= 0) this.nodes.splice(at, 1);
    for (let i = this.edges.length - 1; i >= 0; i--) {
      const edge = this.edges[i]!;
      if (edge.source === id || edge.target === id) this.edges.splice(i, 1);
    }
    return this;
  }

  with(settings: Partial<Framework>): this {
    this.settings = { ...this.settings, ...settings };
    return this;
  }

  framework(): Framework {
    return {
      id: 'fw-test',
      name: 'Test framework',
      description: '',
      audienceRoleIds: ['role-am'],
      focusCapabilityIds: ['cap-talk', 'cap-listen'],
      durationWeeks: 6,
      participationExpectations: [],
      assessmentAndFeedback: [],
      mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
      ...this.settings,
      nodes: this.nodes,
      edges: this.edges,
    };
  }

  project(change?: (project: Project) => void): Project {
    const project = baseProject();
    project.frameworks = [this.framework()];
    change?.(project);
    return project;
  }
}

export const pathway = (): PathwayBuilder => new PathwayBuilder();

/** The reference design: passes every rule (see the file comment). */
export function standardPathway(): PathwayBuilder {
  return pathway()
    .pre()
    .core('core-course', 'act-course')
    .core('core-job', 'act-job')
    .group('options', ['act-mentor', 'act-video'], 1, 1)
    .milestone('checkin')
    .post()
    .capstone()
    .chain('pre', 'core-course', 'core-job', 'options', 'checkin', 'post', 'capstone');
}

export function problems(project: Project, options?: PathwayValidationOptions): PathwayProblem[] {
  return validatePathway(project, project.frameworks[0]!, options);
}

export function problemsOf(project: Project, ruleId: PathwayRuleId, options?: PathwayValidationOptions): PathwayProblem[] {
  return problems(project, options).filter((problem) => problem.ruleId === ruleId);
}
