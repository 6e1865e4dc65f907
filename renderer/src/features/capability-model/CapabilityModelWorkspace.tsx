/**
 * Step 2: the capability model. Capabilities grouped in domains (with skills and what each
 * proficiency level looks like in behaviour), the roles and the level each must reach, and the
 * proficiency scale itself. Every change is one undoable command.
 */
import './model-editor.css';
import { Box, Button, Group, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconHierarchy3, IconListNumbers, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { Project } from '../../../../shared/domain/schema';
import { plural } from '../../app/format';
import { useProject } from '../../app/services';
import { Stat, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { CapabilityDrawer } from './CapabilityDrawer';
import { CapabilityTree } from './CapabilityTree';
import { Announcer, ConfirmDialog, type ConfirmRequest } from './editing';
import { RolesPanel } from './RolesPanel';
import { ScaleEditor } from './ScaleEditor';

type ModelTab = 'capabilities' | 'roles' | 'scale';

function ScaleChips({ project, onEdit }: { project: Project; onEdit: () => void }) {
  return (
    <Box component="section" aria-labelledby="scale-heading" mb="lg">
      <Group gap="sm" mb="xs" align="baseline">
        <Title order={2} id="scale-heading" className="plp-section-title">
          Proficiency scale
        </Title>
        <Text size="sm" c="dimmed">
          {project.scale.name} · {plural(project.scale.levels.length, 'level')}, least to most proficient
        </Text>
      </Group>
      <Group gap="xs" align="center">
        <Group component="ol" gap="xs" className="plp-scale" data-testid="scale-levels" aria-label="Proficiency levels">
          {project.scale.levels.map((level, index) => (
            <li key={level.id}>
              <Tooltip label={level.description || 'No description yet'}>
                <span className="plp-scale-chip" tabIndex={0} aria-label={`Level ${index + 1}: ${level.label}. ${level.description}`}>
                  <span className="plp-scale-rank" aria-hidden>
                    {index + 1}
                  </span>
                  {level.label}
                </span>
              </Tooltip>
            </li>
          ))}
        </Group>
        <Button variant="subtle" size="sm" leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />} onClick={onEdit} data-testid="edit-scale">
          Edit scale
        </Button>
      </Group>
    </Box>
  );
}

export function CapabilityModelWorkspace() {
  const project = useProject(selectPresent);
  const [tab, setTab] = useState<ModelTab>('capabilities');
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  if (!project) return null;
  const skills = project.capabilities.reduce((sum, capability) => sum + capability.skills.length, 0);

  return (
    <WorkspaceFrame
      id="capability-model"
      step={2}
      title="Capability model"
      purpose="The capabilities a role needs, grouped in domains, what each proficiency level looks like in behaviour, and the level each role must reach."
      aside={
        project.capabilities.length > 0 ? (
          <Group gap="xl">
            <Stat label={project.domains.length === 1 ? 'domain' : 'domains'} value={project.domains.length} />
            <Stat label={project.capabilities.length === 1 ? 'capability' : 'capabilities'} value={project.capabilities.length} />
            <Stat label={skills === 1 ? 'skill' : 'skills'} value={skills} />
          </Group>
        ) : undefined
      }
    >
      <ScaleChips project={project} onEdit={() => setTab('scale')} />
      <Tabs value={tab} onChange={(value) => setTab((value as ModelTab | null) ?? 'capabilities')} keepMounted={false} className="plp-model-tabs">
        <Tabs.List mb="lg">
          <Tabs.Tab value="capabilities" leftSection={<IconHierarchy3 size={18} aria-hidden />} data-testid="tab-capabilities">
            Capabilities <span className="plp-tab-count">{project.capabilities.length}</span>
          </Tabs.Tab>
          <Tabs.Tab value="roles" leftSection={<IconUsers size={18} aria-hidden />} data-testid="tab-roles">
            Roles &amp; targets <span className="plp-tab-count">{project.roles.length}</span>
          </Tabs.Tab>
          <Tabs.Tab value="scale" leftSection={<IconListNumbers size={18} aria-hidden />} data-testid="tab-scale">
            Proficiency scale <span className="plp-tab-count">{project.scale.levels.length}</span>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="capabilities">
          <CapabilityTree project={project} onOpenDetails={setDetailsId} onConfirm={setConfirm} />
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesPanel project={project} onConfirm={setConfirm} />
        </Tabs.Panel>
        <Tabs.Panel value="scale">
          <ScaleEditor project={project} />
        </Tabs.Panel>
      </Tabs>
      <CapabilityDrawer project={project} capabilityId={detailsId} onClose={() => setDetailsId(null)} onConfirm={setConfirm} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <Announcer />
    </WorkspaceFrame>
  );
}
