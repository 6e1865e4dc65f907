/** Edit one finding in full: statement, evidence, source, priority, links and tags; Save is one undo step. */
import { Button, Group, Input, MultiSelect, SegmentedControl, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { deleteFinding, updateFinding } from '../../../../shared/domain/commands/findings-commands';
import { FINDING_SOURCES, PRIORITIES, type Finding, type FindingSource, type Project } from '../../../../shared/domain/schema';
import { announce, SidePanel, useRun } from '../capability-model/editing';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../labels';

type Priority = (typeof PRIORITIES)[number];

function FindingForm({ project, finding, onClose }: { project: Project; finding: Finding; onClose: () => void }) {
  const run = useRun();
  const [statement, setStatement] = useState(finding.statement);
  const [evidence, setEvidence] = useState(finding.evidence);
  const [source, setSource] = useState<FindingSource>(finding.source);
  const [priority, setPriority] = useState<Priority>(finding.priority);
  const [capabilityIds, setCapabilityIds] = useState(finding.capabilityIds);
  const [roleIds, setRoleIds] = useState(finding.roleIds);
  const [tags, setTags] = useState(finding.tags);
  const [error, setError] = useState<string | null>(null);

  const capabilityData = project.domains
    .map((domain) => ({
      group: domain.name,
      items: project.capabilities.filter((capability) => capability.domainId === domain.id).map((capability) => ({ value: capability.id, label: capability.name })),
    }))
    .filter((group) => group.items.length > 0);

  const save = () => {
    const result = run(() => updateFinding(finding.id, { statement, evidence, source, priority, capabilityIds, roleIds, tags }));
    if (result.ok) {
      if (result.changed) announce('Finding saved.');
      onClose();
    } else setError(result.message);
  };

  return (
    <Stack
      gap="lg"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        }
      }}
    >
      <Textarea
        label="Finding"
        description="What the analysis found, in one sentence."
        value={statement}
        onChange={(event) => {
          setStatement(event.currentTarget.value);
          setError(null);
        }}
        autosize
        minRows={2}
        maxRows={6}
        error={error}
        data-testid="finding-form-statement"
        data-autofocus
      />
      <Textarea
        label="Evidence"
        description="What supports it: numbers, quotes, where and when it was heard."
        value={evidence}
        onChange={(event) => setEvidence(event.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={10}
        data-testid="finding-form-evidence"
      />
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Select
          label="Source"
          data={FINDING_SOURCES.map((value) => ({ value, label: SOURCE_LABEL[value] }))}
          value={source}
          onChange={(value) => value && setSource(value as FindingSource)}
          allowDeselect={false}
          w={240}
          data-testid="finding-form-source"
        />
        <Input.Wrapper label="Priority" id="finding-form-priority-label">
          <div>
            <SegmentedControl
              value={priority}
              onChange={(value) => setPriority(value as Priority)}
              data={PRIORITIES.map((value) => ({ value, label: PRIORITY_LABEL[value] }))}
              aria-labelledby="finding-form-priority-label-label"
              data-testid="finding-form-priority"
            />
          </div>
        </Input.Wrapper>
      </Group>
      <MultiSelect
        label="Capabilities"
        description="This finding is evidence of a gap in these capabilities."
        data={capabilityData}
        value={capabilityIds}
        onChange={setCapabilityIds}
        searchable
        clearable
        nothingFoundMessage="No capability matches"
        placeholder={capabilityIds.length === 0 ? 'Type to search capabilities' : undefined}
        data-testid="finding-form-capabilities"
      />
      <MultiSelect
        label="Roles"
        description="Leave empty when it concerns all roles."
        data={project.roles.map((role) => ({ value: role.id, label: role.name }))}
        value={roleIds}
        onChange={setRoleIds}
        searchable
        clearable
        nothingFoundMessage="No role matches"
        placeholder={roleIds.length === 0 ? 'All roles' : undefined}
        data-testid="finding-form-roles"
      />
      <TagsInput label="Tags" description="Enter after each tag." value={tags} onChange={setTags} clearable data-testid="finding-form-tags" maxTags={50} />
      <Group justify="space-between" mt="md">
        <Button
          variant="subtle"
          color="red"
          className="plp-danger-text-button"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => {
            if (run(deleteFinding(finding.id)).ok) {
              announce('Finding deleted. Ctrl+Z brings it back.');
              onClose();
            }
          }}
          data-testid="finding-form-delete"
        >
          Delete finding
        </Button>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            Ctrl+Enter saves
          </Text>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} data-testid="finding-save">
            Save changes
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

export function FindingDrawer({ project, findingId, onClose }: { project: Project; findingId: string | null; onClose: () => void }) {
  const finding = project.findings.find((item) => item.id === findingId) ?? null;
  return (
    <SidePanel
      opened={finding !== null}
      onClose={onClose}
      title={
        <Text component="span" size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
          Edit finding
        </Text>
      }
      closeLabel="Close without saving"
      testId="finding-drawer"
    >
      {finding ? <FindingForm key={finding.id} project={project} finding={finding} onClose={onClose} /> : null}
    </SidePanel>
  );
}
