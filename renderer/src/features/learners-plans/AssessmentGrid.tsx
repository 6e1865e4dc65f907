/**
 * One learner's assessments: capabilities × kinds (pre, post, self, manager), each a level and a
 * date, with the role's target beside each row. Native selects: type a letter or use the arrow
 * keys to pick a level, Tab to the next cell. Each change is one undo step.
 */
import { NativeSelect, Paper, Table, Text } from '@mantine/core';
import { setAssessment, latestAssessment } from '../../../../shared/domain/commands/learner-commands';
import { newId } from '../../../../shared/domain/ids';
import { ASSESSMENT_KINDS, type AssessmentKind, type Learner, type Project } from '../../../../shared/domain/schema';
import { CommitInput, useRun } from './fields';
import { localToday } from './plan-model';

export const KIND_LABEL: Record<AssessmentKind, string> = { pre: 'Pre-assessment', post: 'Post-assessment', self: 'Self-assessment', manager: 'Manager rating' };

export function AssessmentGrid({ project, learner }: { project: Project; learner: Learner }) {
  const run = useRun();
  const role = learner.roleId ? project.roles.find((candidate) => candidate.id === learner.roleId) : undefined;
  const targets = new Map((role?.targets ?? []).map((target) => [target.capabilityId, target]));
  const ranks = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  const labels = new Map(project.scale.levels.map((level) => [level.id, level.label]));
  const capabilities = [...project.capabilities].sort((a, b) => Number(targets.has(b.id)) - Number(targets.has(a.id)));
  const levelOptions = [{ value: '', label: '—' }, ...project.scale.levels.map((level) => ({ value: level.id, label: level.label }))];

  return (
    <Paper withBorder radius="md" className="plp-table-paper">
      <Table layout="fixed" aria-label={`Assessments of ${learner.name}`} data-testid="assessment-grid" className="plp-table plp-plans-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ width: '19%' }}>Capability</Table.Th>
            <Table.Th style={{ width: '10%' }}>Role target</Table.Th>
            {ASSESSMENT_KINDS.map((kind) => (
              <Table.Th key={kind}>{KIND_LABEL[kind]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {capabilities.map((capability) => {
            const target = targets.get(capability.id);
            return (
              <Table.Tr key={capability.id} data-testid="assessment-row" data-id={capability.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {capability.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {target ? (
                    <Text size="sm">{labels.get(target.levelId) ?? target.levelId}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No target
                    </Text>
                  )}
                </Table.Td>
                {ASSESSMENT_KINDS.map((kind) => {
                  const existing = latestAssessment(project, learner.id, capability.id, kind);
                  const cell = { learnerId: learner.id, capabilityId: capability.id, kind };
                  const below = existing && target ? (ranks.get(existing.levelId) ?? 0) < (ranks.get(target.levelId) ?? 0) : false;
                  const name = `${KIND_LABEL[kind]} of ${capability.name}`;
                  return (
                    <Table.Td key={kind}>
                      <div className="plp-plans-cell">
                        <NativeSelect
                          size="sm"
                          aria-label={`${name}: level`}
                          data={levelOptions}
                          value={existing?.levelId ?? ''}
                          onChange={(event) => {
                            const levelId = event.currentTarget.value || null;
                            run(() => setAssessment(cell, { levelId, date: existing?.date ?? localToday() }, newId('assess')));
                          }}
                          data-testid="assessment-level"
                          data-capability={capability.id}
                          data-kind={kind}
                        />
                        {existing ? (
                          <>
                            <CommitInput
                              size="xs"
                              type="date"
                              aria-label={`${name}: date`}
                              value={existing.date}
                              onCommit={(date) => run(() => setAssessment(cell, { levelId: existing.levelId, date }, newId('assess')))}
                            />
                            {target ? (
                              <Text size="xs" c="dimmed" fw={600} data-testid="assessment-vs-target">
                                {below ? '↓ below target' : '✓ at target'}
                              </Text>
                            ) : null}
                          </>
                        ) : null}
                      </div>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
