/** Roles (name, team or function, description) and the targets matrix below them. */
import { ActionIcon, Box, Button, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { addRole, deleteRole, describeRole, moveRole, renameRole, roleReferences, setRoleTeam } from '../../../../shared/domain/commands/model-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Project, Role } from '../../../../shared/domain/schema';
import { InlineText, type CommitResult } from '../../components/InlineText';
import { altMove, announce, focusSoon, MoveButtons, restoreFocus, useRun, type ConfirmRequest } from './editing';
import { ReferenceList, roleReferenceLines } from './references';
import { TargetMatrix } from './TargetMatrix';

function AddRoleForm() {
  const run = useRun();
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (name.trim() === '') {
      setError('Type the role name first.');
      return;
    }
    const id = newId('role');
    const result = run(() => addRole({ id, name, team }));
    if (result.ok) {
      announce(`Added role ${name.trim()}.`);
      setName('');
      setTeam('');
      focusSoon('[data-testid="new-role-name"]');
    } else setError(result.message);
  };
  const onKeyDown = (event: { key: string; preventDefault: () => void }) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  return (
    <Paper className="plp-new-domain" radius="md" p="md" mt="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          leftSection={<IconUserPlus size={18} aria-hidden />}
          placeholder="New role, e.g. “Key account manager”"
          aria-label="New role name"
          data-testid="new-role-name"
          error={error}
          maxLength={500}
          style={{ flex: 1, maxWidth: 440 }}
        />
        <TextInput value={team} onChange={(event) => setTeam(event.currentTarget.value)} onKeyDown={onKeyDown} placeholder="Team or function" aria-label="New role's team or function" data-testid="new-role-team" maxLength={500} w={260} />
        <Button variant="default" onClick={add} data-testid="new-role-add">
          Add role
        </Button>
      </Group>
    </Paper>
  );
}

function RoleRow({ role, index, total, onDelete }: { role: Role; index: number; total: number; onDelete: (role: Role) => void }) {
  const run = useRun();
  const commit = (build: () => ReturnType<typeof renameRole>): CommitResult => {
    const result = run(build);
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  };
  const move = (delta: -1 | 1, from: Element | null) => {
    if (run(moveRole(role.id, delta)).ok) {
      announce(`Moved ${role.name} to position ${index + 1 + delta} of ${total}.`);
      restoreFocus(from);
    }
  };
  return (
    <Table.Tr
      data-testid="role-row"
      data-id={role.id}
      onKeyDown={(event) => {
        const delta = altMove(event);
        if (delta === null) return;
        event.preventDefault();
        move(delta, document.activeElement);
      }}
    >
      <Table.Td>
        <InlineText value={role.name} label="Role name" testId="role-name" data-id={role.id} fw={600} maxLength={500} onCommit={(next) => commit(() => renameRole(role.id, next))} />
      </Table.Td>
      <Table.Td>
        <InlineText value={role.team} label="Team or function" testId="role-team" data-id={role.id} size="sm" emptyText="Add team" maxLength={500} onCommit={(next) => commit(() => setRoleTeam(role.id, next))} />
      </Table.Td>
      <Table.Td>
        <InlineText
          value={role.description}
          label="Role description"
          testId="role-description"
          data-id={role.id}
          multiline
          size="sm"
          dimmed
          lineClamp={2}
          emptyText="Add a description"
          onCommit={(next) => commit(() => describeRole(role.id, next))}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {role.targets.length} set
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <MoveButtons name={role.name} canUp={index > 0} canDown={index < total - 1} testId="role-move" dataId={role.id} size="md" onMove={(delta, button) => move(delta, button)} />
          <Tooltip label="Delete role">
            <ActionIcon variant="subtle" color="red" size="md" aria-label={`Delete role ${role.name}`} onClick={() => onDelete(role)} data-testid="role-delete" data-id={role.id}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function RolesPanel({ project, onConfirm }: { project: Project; onConfirm: (request: ConfirmRequest) => void }) {
  const run = useRun();
  const requestDelete = (role: Role) => {
    const references = roleReferences(project, role.id);
    const lines = roleReferenceLines(references);
    const doDelete = () => {
      if (run(deleteRole(role.id)).ok) announce(`Deleted role ${role.name}. Ctrl+Z brings it back.`);
    };
    if (lines.length === 0) {
      doDelete();
      return;
    }
    onConfirm({
      title: `Delete the role “${role.name}”?`,
      confirmLabel: 'Delete role',
      onConfirm: doDelete,
      body: <ReferenceList intro="Deleting it also removes:" lines={lines} />,
    });
  };

  return (
    <Stack gap={40}>
      <Box component="section" aria-labelledby="roles-heading">
        <Title order={2} id="roles-heading" className="plp-section-title" mb={4}>
          Roles
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={760}>
          Who the plans are for. Each role&apos;s targets say the level it must reach in each capability: the gap between that and a learner&apos;s assessment is what a plan
          closes.
        </Text>
        {project.roles.length === 0 ? (
          <Text c="dimmed" fs="italic">
            No roles yet.
          </Text>
        ) : (
          <Paper withBorder radius="md" className="plp-table-paper">
            <Table className="plp-table" aria-label="Roles" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: '30%' }}>Role</Table.Th>
                  <Table.Th style={{ width: '20%' }}>Team / function</Table.Th>
                  <Table.Th style={{ width: '30%' }}>Description</Table.Th>
                  <Table.Th style={{ width: '8%' }}>Targets</Table.Th>
                  <Table.Th style={{ width: '12%' }}>
                    <span className="plp-sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {project.roles.map((role, index) => (
                  <RoleRow key={role.id} role={role} index={index} total={project.roles.length} onDelete={requestDelete} />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <AddRoleForm />
      </Box>
      <Box component="section" aria-labelledby="targets-heading">
        <Title order={2} id="targets-heading" className="plp-section-title" mb={4}>
          Targets
        </Title>
        <TargetMatrix project={project} />
      </Box>
    </Stack>
  );
}
