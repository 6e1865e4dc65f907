/** Shared fixtures for the renderer's unit tests: a small project, a fake UI, the memory twin. */
import { createBlankProject } from '../../../shared/domain/factory';
import type { Project } from '../../../shared/domain/schema';
import type { ConflictChoice, DocumentUi, Toast, UnsavedChoice } from '../../../renderer/src/app/document-actions';
import type { OpenedProject } from '../../../shared/ipc/contract';

export function smallProject(title = 'Executive presence'): Project {
  const project = createBlankProject({ title, now: new Date('2026-01-05T10:00:00Z'), appVersion: 'test', random: (n) => new Uint8Array(n).fill(7) });
  return {
    ...project,
    domains: [{ id: 'dom-presence', name: 'Presence', description: '', externalId: '' }],
    capabilities: [
      { id: 'cap-comm', domainId: 'dom-presence', name: 'Executive communication', description: '', externalId: '', indicators: [], skills: [] },
      { id: 'cap-comp', domainId: 'dom-presence', name: 'Composure', description: '', externalId: '', indicators: [], skills: [] },
      { id: 'cap-story', domainId: 'dom-presence', name: 'Storytelling', description: '', externalId: '', indicators: [], skills: [] },
    ],
    roles: [
      {
        id: 'role-am',
        name: 'Account manager',
        team: '',
        description: '',
        targets: [
          { capabilityId: 'cap-comm', levelId: 'skilled', importance: 'critical' },
          { capabilityId: 'cap-comp', levelId: 'intermediate', importance: 'important' },
          { capabilityId: 'cap-story', levelId: 'skilled', importance: 'useful' },
        ],
      },
      { id: 'role-empty', name: 'Analyst', team: '', description: '', targets: [] },
    ],
    learners: [
      { id: 'l-1', name: 'Priya', email: '', roleId: 'role-am', manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' },
      { id: 'l-2', name: 'Marcus', email: '', roleId: 'role-am', manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' },
      { id: 'l-3', name: 'Nobody', email: '', roleId: null, manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' },
      { id: 'l-4', name: 'Ana', email: '', roleId: 'role-empty', manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' },
    ],
    assessments: [
      { id: 'a-1', learnerId: 'l-1', capabilityId: 'cap-comm', levelId: 'beginner', kind: 'pre', date: '2026-01-01', note: '' },
      // A later pre-assessment supersedes the earlier one.
      { id: 'a-2', learnerId: 'l-1', capabilityId: 'cap-comm', levelId: 'skilled', kind: 'pre', date: '2026-02-01', note: '' },
      { id: 'a-3', learnerId: 'l-1', capabilityId: 'cap-comp', levelId: 'expert', kind: 'pre', date: '2026-01-01', note: '' },
      // Post-assessments do not count as the starting point.
      { id: 'a-4', learnerId: 'l-1', capabilityId: 'cap-story', levelId: 'expert', kind: 'post', date: '2026-06-01', note: '' },
    ],
  };
}

export function opened(project: Project, extra: Partial<OpenedProject> = {}): OpenedProject {
  return { documentId: 'doc-test1', project, filePath: null, migratedFrom: null, unsaved: false, ...extra };
}

/** A DocumentUi that answers prompts from queues and records everything. */
export class FakeUi implements DocumentUi {
  readonly toasts: Toast[] = [];
  readonly prompts: string[] = [];
  unsavedAnswers: UnsavedChoice[] = [];
  conflictAnswers: ConflictChoice[] = [];

  askUnsaved(title: string): Promise<UnsavedChoice> {
    this.prompts.push(`unsaved:${title}`);
    return Promise.resolve(this.unsavedAnswers.shift() ?? 'cancel');
  }
  askConflict(fileName: string): Promise<ConflictChoice> {
    this.prompts.push(`conflict:${fileName}`);
    return Promise.resolve(this.conflictAnswers.shift() ?? 'cancel');
  }
  notify(toast: Toast): void {
    this.toasts.push(toast);
  }
  kinds(): string[] {
    return this.toasts.map((toast) => `${toast.kind}:${toast.title}`);
  }
}
