/** Step 3: PLP frameworks — the pathway each role or capability follows, summarised (the graph editor comes later). */
import { Box, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { PATHWAY_NODE_KINDS, type Framework, type PathwayNodeKind, type Project } from '../../../../shared/domain/schema';
import { useProject } from '../../app/services';
import { plural } from '../../app/format';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { NODE_KIND_LABEL } from '../labels';
import { LinkList } from '../LinkList';
import { useStartWithSample } from '../useStartWithSample';

/** The pathway's stages in method order; milestones are shown apart. */
const STAGES: readonly PathwayNodeKind[] = PATHWAY_NODE_KINDS.filter((kind) => kind !== 'milestone');

function nodeCounts(framework: Framework): Map<PathwayNodeKind, number> {
  const counts = new Map<PathwayNodeKind, number>();
  for (const node of framework.nodes) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  return counts;
}

function BulletSection({ title, items, empty }: { title: string; items: readonly string[]; empty: string }) {
  return (
    <Box>
      <Title order={3} size="h4" mb={6}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {empty}
        </Text>
      ) : (
        <List size="sm" spacing={6} className="plp-bullets">
          {items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </Box>
  );
}

function FrameworkCard({ framework, project }: { framework: Framework; project: Project }) {
  const counts = nodeCounts(framework);
  const roles = new Map(project.roles.map((role) => [role.id, role.name]));
  const capabilities = new Map(project.capabilities.map((capability) => [capability.id, capability.name]));
  const milestones = counts.get('milestone') ?? 0;
  const mix = framework.mixTarget;
  return (
    <Paper withBorder radius="lg" p="xl" component="article" aria-labelledby={`framework-${framework.id}`} data-testid="framework-card" className="plp-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={2} id={`framework-${framework.id}`} className="plp-section-title">
            {framework.name}
          </Title>
          {framework.description ? (
            <Text c="dimmed" maw={860} lineClamp={3}>
              {framework.description}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xl" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Stat label="weeks" value={framework.durationWeeks} />
          <Stat label={framework.nodes.length === 1 ? 'step' : 'steps'} value={framework.nodes.length} />
        </Group>
      </Group>

      <Box mt="lg">
        <Text size="sm" fw={600} mb={8}>
          Pathway
        </Text>
        <Group component="ol" gap={0} className="plp-stages" aria-label="Steps by kind, in pathway order" wrap="nowrap">
          {STAGES.map((kind) => {
            const count = counts.get(kind) ?? 0;
            return (
              <li key={kind} className={count === 0 ? 'plp-stage plp-stage-empty' : 'plp-stage'} data-kind={kind}>
                <Text fz={22} fw={650} lh={1.1}>
                  {count}
                </Text>
                <Text size="sm" c={count === 0 ? 'dimmed' : undefined}>
                  {count === 1 ? NODE_KIND_LABEL[kind].one : NODE_KIND_LABEL[kind].many}
                </Text>
              </li>
            );
          })}
        </Group>
        <Text size="sm" c="dimmed" mt={8}>
          {milestones > 0 ? `${plural(milestones, 'milestone')} along the way · ` : ''}
          Target mix {mix.experiential}% experiential · {mix.social}% social · {mix.formal}% formal (±{mix.tolerance} points)
        </Text>
      </Box>

      <SimpleGrid cols={2} spacing="xl" mt="lg">
        <Box>
          <Text size="sm" fw={600} mb={6}>
            Audience
          </Text>
          <LinkList ids={framework.audienceRoleIds} names={roles} none="No roles chosen" max={4} />
        </Box>
        <Box>
          <Text size="sm" fw={600} mb={6}>
            Focus capabilities
          </Text>
          <LinkList ids={framework.focusCapabilityIds} names={capabilities} none="No focus capabilities" max={5} />
        </Box>
        <BulletSection title="Participation expectations" items={framework.participationExpectations} empty="None written yet." />
        <BulletSection title="Assessment & feedback" items={framework.assessmentAndFeedback} empty="None written yet." />
      </SimpleGrid>
    </Paper>
  );
}

export function PathwaysWorkspace() {
  const project = useProject(selectPresent);
  const startWithSample = useStartWithSample();
  if (!project) return null;
  const frameworks = project.frameworks;
  return (
    <WorkspaceFrame
      id="pathways"
      step={3}
      title="Pathways"
      purpose="Each PLP framework is a pathway: a pre-assessment, a few core courses, optional modules chosen by need, a post-assessment and a capstone, mixing 70% on-the-job, 20% social and 10% formal learning."
      aside={
        frameworks.length > 0 ? (
          <Group gap="xl">
            <Stat label={frameworks.length === 1 ? 'framework' : 'frameworks'} value={frameworks.length} />
            <Stat label={project.activities.length === 1 ? 'activity in catalog' : 'activities in catalog'} value={project.activities.length} />
          </Group>
        ) : undefined
      }
    >
      {frameworks.length === 0 ? (
        <TeachingEmptyState
          testId="empty-pathways"
          icon={<IconRoute size={34} stroke={1.5} />}
          title="Design a learning pathway"
          description="A framework sets the route for a role or capability: start with a pre-assessment, add core courses everyone takes, offer optional workshops, podcasts, mentoring and on-the-job assignments chosen by each learner's gaps, then a post-assessment and a capstone."
          actionLabel="Explore the sample project"
          onAction={startWithSample}
        />
      ) : (
        <Stack gap="xl">
          {frameworks.map((framework) => (
            <FrameworkCard key={framework.id} framework={framework} project={project} />
          ))}
        </Stack>
      )}
    </WorkspaceFrame>
  );
}
