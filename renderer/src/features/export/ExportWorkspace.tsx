/**
 * Step 5: export. Managers and employees never open the studio: they read what it exports.
 *
 *   Document     one plan, manager summary or framework guide, previewed as the exported PDF
 *   Cohort pack  many learners' plans into a folder, with progress and cancel
 *   Branding     organisation, logo, colour, font, template, the client's Word template
 */
import { Group, Tabs } from '@mantine/core';
import { IconFileText, IconPalette, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useProject } from '../../app/services';
import { Stat, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { BrandingPanel } from './BrandingPanel';
import { CohortPanel } from './CohortPanel';
import { DocumentPanel } from './DocumentPanel';
import './export.css';

type Tab = 'document' | 'cohort' | 'branding';

export function ExportWorkspace() {
  const project = useProject(selectPresent);
  const [tab, setTab] = useState<Tab>('document');
  if (!project) return null;
  return (
    <WorkspaceFrame
      id="export"
      step={5}
      title="Export"
      purpose="Managers and employees never open the studio: they read, agree and sign the exported plan. Preview each document exactly as it will be exported, then write Word and PDF files for one learner or the whole cohort."
      aside={
        <Group gap="xl">
          <Stat label={project.learners.length === 1 ? 'learner' : 'learners'} value={project.learners.length} />
          <Stat label={project.plans.length === 1 ? 'saved plan' : 'saved plans'} value={project.plans.length} />
        </Group>
      }
    >
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'document')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="document" leftSection={<IconFileText size={18} />} data-testid="export-tab-document">
            Document &amp; preview
          </Tabs.Tab>
          <Tabs.Tab value="cohort" leftSection={<IconUsers size={18} />} data-testid="export-tab-cohort">
            Cohort pack
          </Tabs.Tab>
          <Tabs.Tab value="branding" leftSection={<IconPalette size={18} />} data-testid="export-tab-branding">
            Branding
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="document">
          <DocumentPanel project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="cohort">
          <CohortPanel project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="branding">
          <BrandingPanel project={project} />
        </Tabs.Panel>
      </Tabs>
    </WorkspaceFrame>
  );
}
