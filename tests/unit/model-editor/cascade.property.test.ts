/**
 * Property: whatever sequence of cascading deletes runs (capabilities, domains, roles, levels
 * remapped to another), every intermediate project still loads (schema + integrity), and undoing
 * every step gives back a project deep-equal to the original, the very same snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capabilityReferences, deleteCapability } from '../../../shared/domain/commands/capability-commands';
import type { ProjectCommand } from '../../../shared/domain/commands/command';
import { deleteDomain, deleteRole, removeLevel, SCALE_MIN_LEVELS } from '../../../shared/domain/commands/model-commands';
import { execute, startHistory, undo, type History } from '../../../shared/domain/history';
import type { Project } from '../../../shared/domain/schema';
import { buildRichProject, expectLoadable, sampleProject } from './support';

type Step = { kind: 'capability' | 'domain' | 'role' | 'level'; pick: number; remap: number };

const stepArbitrary = fc.record({
  kind: fc.constantFrom<Step['kind']>('capability', 'domain', 'role', 'level'),
  pick: fc.nat(50),
  remap: fc.nat(50),
});

function commandFor(project: Project, step: Step): ProjectCommand | null {
  const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
  switch (step.kind) {
    case 'capability': {
      const capability = pick(project.capabilities, step.pick);
      return capability ? deleteCapability(capability.id) : null;
    }
    case 'domain': {
      const domain = pick(project.domains, step.pick);
      return domain ? deleteDomain(domain.id) : null;
    }
    case 'role': {
      const role = pick(project.roles, step.pick);
      return role ? deleteRole(role.id) : null;
    }
    case 'level': {
      if (project.scale.levels.length <= SCALE_MIN_LEVELS) return null;
      const level = pick(project.scale.levels, step.pick);
      const others = project.scale.levels.filter((candidate) => candidate.id !== level?.id);
      const target = pick(others, step.remap);
      return level && target ? removeLevel(level.id, target.id) : null;
    }
  }
}

describe.each([
  ['the sample project', sampleProject],
  ['the rich test project', buildRichProject],
])('cascading deletes on %s', (_name, build) => {
  it('keep every step loadable, and undo restores the exact original', () => {
    const original = build();
    const snapshot = structuredClone(original);
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), (steps) => {
        let history: History = startHistory(original, { saved: true });
        for (const step of steps) {
          const command = commandFor(history.present, step);
          if (!command) continue;
          history = execute(history, command);
          expectLoadable(history.present);
        }
        const recorded = history.past.length;
        for (let i = 0; i < recorded; i += 1) history = undo(history);
        expect(history.present).toBe(original);
        expect(history.present).toEqual(snapshot);
      }),
      { numRuns: 60 },
    );
  });

  it('deleting any capability leaves nothing referring to it, and one undo brings every reference back', () => {
    const original = build();
    fc.assert(
      fc.property(fc.nat(original.capabilities.length - 1), (index) => {
        const capability = original.capabilities[index]!;
        const references = capabilityReferences(original, [capability.id]);
        const history = execute(startHistory(original, { saved: true }), deleteCapability(capability.id));
        expect(JSON.stringify(history.present)).not.toContain(`"${capability.id}"`);
        const restored = undo(history).present;
        expect(restored).toEqual(original);
        expect(capabilityReferences(restored, [capability.id])).toEqual(references);
      }),
    );
  });
});
