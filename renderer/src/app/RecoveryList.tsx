/** The crash-recovery list: each backup with Recover and Discard. */
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupSummary } from '../../../shared/ipc/contract';
import { fileNameOf } from './document-actions';
import type { RecoveryHandlers } from './startup';
import { formatDateTime } from './format';

export function RecoveryList({ backups, handlers, onDone }: { backups: readonly BackupSummary[]; handlers: RecoveryHandlers; onDone: () => void }) {
  const [rows, setRows] = useState(backups);
  const [pending, setPending] = useState<string | null>(null);

  const act = async (backup: BackupSummary, kind: 'recover' | 'discard') => {
    setPending(backup.backupId);
    try {
      const ok = kind === 'recover' ? await handlers.recover(backup) : await handlers.discard(backup);
      if (kind === 'recover' && ok) return onDone();
      if (ok) {
        const rest = rows.filter((row) => row.backupId !== backup.backupId);
        setRows(rest);
        if (rest.length === 0) onDone();
      }
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="md">
      <Text>PLP Studio closed before these changes were saved. Recover a project to continue where you left off, or discard the backup.</Text>
      <Stack gap="sm" role="list" aria-label="Unsaved work">
        {rows.map((backup, index) => (
          <Paper key={backup.backupId} withBorder p="md" radius="md" role="listitem" data-testid="backup-row">
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconFileText size={28} stroke={1.5} aria-hidden style={{ flexShrink: 0 }} />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {backup.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {backup.filePath ? fileNameOf(backup.filePath) : 'Never saved'} · backed up {formatDateTime(backup.backedUpAt)}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Button
                  variant="subtle"
                  color="red"
                  data-testid="discard-backup"
                  aria-label={`Discard backup of “${backup.title}”`}
                  disabled={pending !== null}
                  onClick={() => void act(backup, 'discard')}
                >
                  Discard
                </Button>
                <Button
                  data-testid="recover-backup"
                  data-autofocus={index === 0 ? true : undefined}
                  aria-label={`Recover “${backup.title}”`}
                  loading={pending === backup.backupId}
                  disabled={pending !== null && pending !== backup.backupId}
                  onClick={() => void act(backup, 'recover')}
                >
                  Recover
                </Button>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" data-testid="recovery-later" onClick={onDone}>
          Decide later
        </Button>
      </Group>
    </Stack>
  );
}
