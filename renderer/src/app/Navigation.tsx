/** The left navigation: the five workspaces with their counts and shortcuts. */
import { Badge, Box, Kbd, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { selectPresent } from '../state/project-store';
import { useProject, useServices, useUi } from './services';
import { shortcutLabel } from './shortcuts';
import { WORKSPACES } from './workspaces';

export function Navigation() {
  const { uiStore } = useServices();
  const active = useUi((state) => state.workspace);
  const project = useProject(selectPresent);
  if (!project) {
    return (
      <Box className="plp-nav" px="sm">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" pb={8} className="plp-eyebrow">
          Workspaces
        </Text>
        <Text size="sm" c="dimmed">
          Open or create a project to see its needs analysis, capability model, pathways and learners here.
        </Text>
      </Box>
    );
  }
  return (
    <Box component="nav" aria-label="Workspaces" className="plp-nav">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={8} className="plp-eyebrow">
        Workspaces
      </Text>
      <Stack gap={4}>
        {WORKSPACES.map((workspace, index) => {
          const count = project && workspace.count ? workspace.count(project) : null;
          const Icon = workspace.icon;
          const isActive = workspace.id === active;
          // The shortcut tooltip renders inside the nav landmark (no portal at the end of <body>), so
          // screen readers and axe meet it in context.
          return (
            <Tooltip key={workspace.id} label={<Kbd size="xs">{shortcutLabel(workspace.shortcut)}</Kbd>} position="right" openDelay={700} withinPortal={false}>
              <NavLink
                component="button"
                active={isActive}
                aria-current={isActive ? 'page' : undefined}
                data-testid={`nav-${workspace.id}`}
                className="plp-nav-link"
                label={
                  <span className="plp-nav-label">
                    <span className="plp-nav-step" aria-hidden>
                      {index + 1}
                    </span>
                    {workspace.label}
                  </span>
                }
                leftSection={<Icon size={20} stroke={1.7} aria-hidden />}
                rightSection={
                  count ? (
                    <Badge variant={isActive ? 'filled' : 'default'} size="sm" circle={count.value < 10} aria-label={`${count.value} ${count.noun}`} className="plp-nav-count">
                      {count.value}
                    </Badge>
                  ) : null
                }
                onClick={() => uiStore.getState().showWorkspace(workspace.id)}
              />
            </Tooltip>
          );
        })}
      </Stack>
    </Box>
  );
}
