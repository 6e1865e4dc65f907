/**
 * Roles × capabilities: the level each role must reach in each capability, and how much it
 * matters. Works like a spreadsheet: arrow keys move, Enter (or typing a level's number or first
 * letter) edits, Enter commits and moves down, Escape cancels, Delete clears. Every cell says its
 * level and importance in words; colour only repeats it.
 */
import { Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { clearRoleTarget, setRoleTarget } from '../../../../shared/domain/commands/model-commands';
import { IMPORTANCES, type Capability, type Importance, type Project, type Role } from '../../../../shared/domain/schema';
import { announce, useRun } from './editing';

export const IMPORTANCE_LABEL: Record<Importance, string> = { critical: 'Critical', important: 'Important', useful: 'Useful' };

interface CellRef {
  row: number;
  col: number;
}

interface EditState extends CellRef {
  levelId: string;
  importance: Importance;
}

/** Capabilities in the order people see them: by domain, then within the domain. */
function orderedCapabilities(project: Project): Capability[] {
  const byDomain = project.domains.flatMap((domain) => project.capabilities.filter((capability) => capability.domainId === domain.id));
  const rest = project.capabilities.filter((capability) => !byDomain.includes(capability));
  return [...byDomain, ...rest];
}

function TargetEditor({
  project,
  role,
  capability,
  initial,
  onCommit,
  onCancel,
}: {
  project: Project;
  role: Role;
  capability: Capability;
  initial: EditState;
  onCommit: (levelId: string, importance: Importance, move: boolean) => void;
  onCancel: () => void;
}) {
  const [levelId, setLevelId] = useState(initial.levelId);
  const [importance, setImportance] = useState<Importance>(initial.importance);
  const done = useRef(false);
  const finish = (move: boolean) => {
    if (done.current) return;
    done.current = true;
    onCommit(levelId, importance, move);
  };
  return (
    <Stack
      gap={6}
      className="plp-target-editor"
      data-testid="target-editor"
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.stopPropagation();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={(event: FocusEvent<HTMLDivElement>) => {
        // Leaving the editor (a click elsewhere, Tab past the last field) commits; moving between its two fields does not.
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        finish(false);
      }}
    >
      <NativeSelect
        size="sm"
        autoFocus
        aria-label={`Target level for ${role.name} in ${capability.name}`}
        value={levelId}
        onChange={(event) => setLevelId(event.currentTarget.value)}
        data={[{ value: '', label: '— No target' }, ...project.scale.levels.map((level, index) => ({ value: level.id, label: `${index + 1} · ${level.label}` }))]}
        data-testid="target-level-select"
      />
      <NativeSelect
        size="sm"
        aria-label={`Importance of ${capability.name} for ${role.name}`}
        value={importance}
        onChange={(event) => setImportance(event.currentTarget.value as Importance)}
        data={IMPORTANCES.map((value) => ({ value, label: IMPORTANCE_LABEL[value] }))}
        disabled={levelId === ''}
        data-testid="target-importance-select"
      />
      <Text size="xs" c="dimmed">
        Enter saves · Esc cancels
      </Text>
    </Stack>
  );
}

export function TargetMatrix({ project }: { project: Project }) {
  const run = useRun();
  const capabilities = orderedCapabilities(project);
  const roles = project.roles;
  const [active, setActive] = useState<CellRef>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<EditState | null>(null);
  /** Set when a cell should take focus once the next render is on screen. */
  const pendingFocus = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);

  const row = Math.max(0, Math.min(active.row, capabilities.length - 1));
  const col = Math.max(0, Math.min(active.col, roles.length - 1));

  useEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
  });

  if (roles.length === 0 || capabilities.length === 0) {
    return (
      <Text c="dimmed" fs="italic" data-testid="matrix-empty">
        {roles.length === 0 ? 'Add a role above to set the level it must reach in each capability.' : 'Add capabilities to set the level each role must reach in them.'}
      </Text>
    );
  }

  const levelIndex = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  const targetOf = (role: Role, capability: Capability) => role.targets.find((target) => target.capabilityId === capability.id) ?? null;
  const domainName = new Map(project.domains.map((domain) => [domain.id, domain.name]));

  const focusCell = (next: CellRef) => {
    pendingFocus.current = true;
    setActive({ row: Math.max(0, Math.min(next.row, capabilities.length - 1)), col: Math.max(0, Math.min(next.col, roles.length - 1)) });
  };

  const startEditing = (cell: CellRef, levelId?: string) => {
    const role = roles[cell.col];
    const capability = capabilities[cell.row];
    if (!role || !capability) return;
    const target = targetOf(role, capability);
    setEditing({ ...cell, levelId: levelId ?? target?.levelId ?? '', importance: target?.importance ?? 'important' });
  };

  const commit = (cell: EditState, levelId: string, importance: Importance, move: boolean) => {
    const role = roles[cell.col];
    const capability = capabilities[cell.row];
    setEditing(null);
    if (role && capability) {
      const level = project.scale.levels.find((candidate) => candidate.id === levelId);
      const result = run(level ? setRoleTarget(role.id, capability.id, level.id, importance) : clearRoleTarget(role.id, capability.id));
      if (result.ok && result.changed) {
        announce(level ? `${role.name}, ${capability.name}: ${level.label}, ${IMPORTANCE_LABEL[importance].toLowerCase()}.` : `${role.name}, ${capability.name}: no target.`);
      }
    }
    focusCell(move ? { row: cell.row + 1, col: cell.col } : cell);
  };

  /** A typed key as a level: its number on the scale, or the first level whose label starts with it. */
  const levelForKey = (key: string): string | undefined => {
    if (/^[0-9]$/.test(key)) return key === '0' ? '' : project.scale.levels[Number(key) - 1]?.id;
    const lower = key.toLocaleLowerCase();
    return project.scale.levels.find((level) => level.label.toLocaleLowerCase().startsWith(lower))?.id;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-testid="target-cell"]') : null;
    if (!cell || event.target !== cell || editing) return;
    const current = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    const moves: Record<string, CellRef> = {
      ArrowUp: { row: current.row - 1, col: current.col },
      ArrowDown: { row: current.row + 1, col: current.col },
      ArrowLeft: { row: current.row, col: current.col - 1 },
      ArrowRight: { row: current.row, col: current.col + 1 },
      Home: event.ctrlKey ? { row: 0, col: 0 } : { row: current.row, col: 0 },
      End: event.ctrlKey ? { row: capabilities.length - 1, col: roles.length - 1 } : { row: current.row, col: roles.length - 1 },
      PageUp: { row: current.row - 5, col: current.col },
      PageDown: { row: current.row + 5, col: current.col },
    };
    const move = moves[event.key];
    if (move && !event.altKey && !event.metaKey) {
      event.preventDefault();
      focusCell(move);
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(current);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const role = roles[current.col];
      const capability = capabilities[current.row];
      if (role && capability && run(clearRoleTarget(role.id, capability.id)).ok) announce(`${role.name}, ${capability.name}: target cleared.`);
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      const levelId = levelForKey(event.key);
      if (levelId === undefined) return;
      event.preventDefault();
      startEditing(current, levelId);
    }
  };

  const setCount = roles.reduce((sum, role) => sum + role.targets.filter((target) => capabilities.some((capability) => capability.id === target.capabilityId)).length, 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Text size="sm" c="dimmed" id="matrix-help">
          Arrow keys move · Enter or a level&apos;s number edits · Enter saves and moves down · Delete clears · Esc cancels
        </Text>
        <Text size="sm" c="dimmed" data-testid="matrix-count">
          {setCount} of {roles.length * capabilities.length} targets set
        </Text>
      </Group>
      <Paper withBorder radius="md" className="plp-table-paper plp-matrix-paper">
        <table ref={tableRef} role="grid" className="plp-matrix" aria-label="Role targets: level and importance for each role and capability" aria-describedby="matrix-help" onKeyDown={onKeyDown} data-testid="target-matrix">
          <thead>
            <tr>
              <th scope="col" className="plp-matrix-corner">
                Capability
              </th>
              {roles.map((role) => (
                <th key={role.id} scope="col" data-testid="matrix-role">
                  <span className="plp-matrix-role">{role.name}</span>
                  {role.team ? <span className="plp-matrix-team">{role.team}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {capabilities.map((capability, r) => {
              const newDomain = r === 0 || capabilities[r - 1]?.domainId !== capability.domainId;
              return (
                <tr key={capability.id} className={newDomain ? 'plp-matrix-domain-start' : undefined}>
                  <th scope="row" className="plp-matrix-capability">
                    {newDomain ? <span className="plp-matrix-domain">{domainName.get(capability.domainId) ?? ''}</span> : null}
                    <span>{capability.name}</span>
                  </th>
                  {roles.map((role, c) => {
                    const target = targetOf(role, capability);
                    const isActive = r === row && c === col;
                    const isEditing = editing !== null && editing.row === r && editing.col === c;
                    const rank = target ? levelIndex.get(target.levelId) : undefined;
                    const label = target ? (project.scale.levels[rank ?? -1]?.label ?? target.levelId) : null;
                    return (
                      <td
                        key={role.id}
                        role="gridcell"
                        tabIndex={isActive && !isEditing ? 0 : -1}
                        className="plp-target-cell"
                        data-testid="target-cell"
                        data-role={role.id}
                        data-capability={capability.id}
                        data-row={r}
                        data-col={c}
                        data-active={isActive || undefined}
                        data-importance={target?.importance}
                        aria-selected={isActive}
                        onClick={() => {
                          if (!isEditing) focusCell({ row: r, col: c });
                        }}
                        onDoubleClick={() => startEditing({ row: r, col: c })}
                      >
                        {isEditing && editing ? (
                          <TargetEditor
                            project={project}
                            role={role}
                            capability={capability}
                            initial={editing}
                            onCommit={(levelId, importance, move) => commit(editing, levelId, importance, move)}
                            onCancel={() => {
                              setEditing(null);
                              focusCell({ row: r, col: c });
                            }}
                          />
                        ) : target && label !== null ? (
                          <span className="plp-target">
                            <span className="plp-target-level">
                              <span className="plp-target-rank" aria-hidden>
                                {rank === undefined ? '?' : rank + 1}
                              </span>
                              {label}
                            </span>
                            <span className="plp-importance" data-importance={target.importance}>
                              {IMPORTANCE_LABEL[target.importance]}
                            </span>
                          </span>
                        ) : (
                          <span className="plp-target-empty">
                            <span aria-hidden>—</span>
                            <span className="plp-sr-only">No target</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Paper>
    </Stack>
  );
}
