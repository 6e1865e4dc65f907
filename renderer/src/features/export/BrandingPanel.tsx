/**
 * How exported documents look, saved in the project: organisation, logo, accent colour, font,
 * built-in template, and the organisation's own Word template. Every change is one undo step.
 */
import { Alert, Box, Button, ColorInput, Group, Image, List, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { setBranding, setClientOrganisation } from '../../../../shared/domain/commands/project-commands';
import { BUILT_IN_TEMPLATES as TEMPLATE_LOOKS } from '../../../../shared/documents/options';
import type { Branding, BuiltInTemplate, Project } from '../../../../shared/domain/schema';
import type { TemplateReport } from '../../../../shared/ipc/contract';
import { showToast } from '../../app/mantine-ui';
import { useServices } from '../../app/services';
import { CommitTextInput } from '../capability-model/editing';


const SWATCHES = ['#1F4E79', '#0B6E4F', '#6A1B9A', '#B3261E', '#00639B', '#8A5A00', '#3D4A5C'];

export function BrandingPanel({ project }: { project: Project }) {
  const { api, store } = useServices();
  const { branding } = project;
  const [colour, setColour] = useState(branding.accentColor);
  const [shownColour, setShownColour] = useState(branding.accentColor);
  const [templateReport, setTemplateReport] = useState<TemplateReport | null>(null);
  // The colour field follows the project (undo shows at once) until the user picks another.
  if (shownColour !== branding.accentColor) {
    setShownColour(branding.accentColor);
    setColour(branding.accentColor);
  }

  const apply = (patch: Partial<Branding>) => {
    const result = store.getState().run(() => setBranding(patch));
    if (!result.ok) showToast({ kind: 'error', title: 'Not changed', message: result.message });
  };
  const commitColour = (value: string) => {
    const normalised = value.trim().toUpperCase();
    if (!/^#[0-9A-F]{6}$/.test(normalised)) {
      setColour(branding.accentColor);
      showToast({ kind: 'warning', title: 'Colour not changed', message: 'Give the accent colour as #RRGGBB, for example #1F4E79.' });
      return;
    }
    if (normalised !== branding.accentColor.toUpperCase()) apply({ accentColor: normalised });
  };

  const chooseFile = async (kind: 'logo' | 'template') => {
    const outcome = await api.chooseBrandingFile({ kind });
    if (outcome.status === 'failed') showToast({ kind: 'error', title: kind === 'logo' ? 'Logo not added' : 'Template not added', message: outcome.error.message, persistent: true });
    else if (outcome.status === 'logo') apply({ logo: { fileName: outcome.fileName, mediaType: outcome.mediaType, data: outcome.data } });
    else if (outcome.status === 'template') {
      apply({ clientTemplate: { fileName: outcome.fileName, data: outcome.data } });
      setTemplateReport(outcome.report);
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" className="plp-branding">
      <Paper withBorder radius="lg" p="lg">
        <Title order={2} size="h4" mb="md">
          Organisation
        </Title>
        <Stack gap="md">
          <CommitTextInput
            label="Organisation name"
            description="On the cover of every document and in the file properties."
            value={project.meta.clientOrganisation}
            onCommit={(next) => store.getState().run(() => setClientOrganisation(next))}
            maxLength={500}
            data-testid="branding-organisation"
          />
          <Box>
            <Text size="sm" fw={500}>
              Logo
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              PNG or JPEG, up to 1 MB. Printed on the cover.
            </Text>
            <Group gap="md">
              {branding.logo ? (
                <Image src={`data:${branding.logo.mediaType};base64,${branding.logo.data}`} alt={`Logo: ${branding.logo.fileName}`} h={56} w="auto" fit="contain" className="plp-logo-preview" data-testid="branding-logo-preview" />
              ) : (
                <Text size="sm" c="dimmed" data-testid="branding-no-logo">
                  No logo
                </Text>
              )}
              <Button variant="default" leftSection={<IconPhoto size={16} />} onClick={() => void chooseFile('logo')} data-testid="branding-choose-logo">
                {branding.logo ? 'Replace logo…' : 'Choose logo…'}
              </Button>
              {branding.logo ? (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => apply({ logo: null })} data-testid="branding-remove-logo">
                  Remove
                </Button>
              ) : null}
            </Group>
          </Box>
          <ColorInput
            label="Accent colour"
            description="Headings, table headers and the timeline. Text on it stays readable (checked for contrast)."
            value={colour}
            onChange={setColour}
            onChangeEnd={commitColour}
            onBlur={() => commitColour(colour)}
            swatches={SWATCHES}
            format="hex"
            withEyeDropper={false}
            data-testid="branding-accent"
          />
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="lg">
        <Title order={2} size="h4" mb="md">
          Document style
        </Title>
        <Stack gap="md">
          <Radio.Group label="Template" value={branding.template} onChange={(value) => apply({ template: value as BuiltInTemplate })} data-testid="branding-template">
            <Stack gap="xs" mt={6}>
              {TEMPLATE_LOOKS.map((template) => (
                <Radio.Card key={template.id} value={template.id} radius="md" p="sm" className="plp-template-card" data-testid={`branding-template-${template.id}`}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Box>
                      <Text fw={600} size="sm">
                        {template.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {template.description}
                      </Text>
                    </Box>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          <Box>
            <Text size="sm" fw={500} id="branding-font-label">
              Font
            </Text>
            <SegmentedControl
              aria-labelledby="branding-font-label"
              data={[
                { value: 'sans', label: 'Sans serif' },
                { value: 'serif', label: 'Serif' },
              ]}
              value={branding.font}
              onChange={(value) => apply({ font: value as Branding['font'] })}
              data-testid="branding-font"
            />
          </Box>
          <Box>
            <Text size="sm" fw={500}>
              Your organisation&apos;s Word template
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              A .docx with placeholders such as {'{{learner.name}}'} and {'{{plan.goals}}'}; its styles, header and footer are kept. Word exports are filled into it; PDFs use the template above. The README lists every placeholder.
            </Text>
            <Group gap="md">
              {branding.clientTemplate ? (
                <Group gap={6} data-testid="branding-client-template">
                  <IconFileTypeDocx size={18} />
                  <Text size="sm">{branding.clientTemplate.fileName}</Text>
                </Group>
              ) : null}
              <Button variant="default" leftSection={<IconFileTypeDocx size={16} />} onClick={() => void chooseFile('template')} data-testid="branding-choose-template">
                {branding.clientTemplate ? 'Replace template…' : 'Choose Word template…'}
              </Button>
              {branding.clientTemplate ? (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => {
                    apply({ clientTemplate: null });
                    setTemplateReport(null);
                  }}
                  data-testid="branding-remove-template"
                >
                  Remove
                </Button>
              ) : null}
            </Group>
            {templateReport && templateReport.unknown.length > 0 ? (
              <Alert color="orange" mt="sm" title="Placeholders the studio does not know" styles={{ label: { color: 'var(--plp-warning-text)' } }} data-testid="template-unknown">
                <Text size="sm" mb={4}>
                  These stay as typed in the exported documents. Correct them in Word and choose the template again:
                </Text>
                <List size="sm">
                  {templateReport.unknown.map((entry) => (
                    <List.Item key={entry.name}>{`{{${entry.name}}}${entry.suggestion ? ` — did you mean {{${entry.suggestion}}}?` : ''}`}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : templateReport ? (
              <Text size="xs" c="teal" mt="xs" data-testid="template-ok">
                {`${templateReport.placeholders.length} placeholders found, all known.`}
              </Text>
            ) : null}
          </Box>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
