import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/domain/commands/command';
import { setBranding } from '../../../shared/domain/commands/project-commands';
import { DEFAULT_BRANDING } from '../../../shared/domain/schema';
import { loadSample } from './support';

describe('setBranding', () => {
  it('changes one setting in one step, named after it, and leaves the rest', () => {
    const before = loadSample();
    const command = setBranding({ accentColor: '#0B6E4F' });
    expect(command.label).toBe('Change accent colour');
    const after = command.apply(before);
    expect(after.branding).toEqual({ ...DEFAULT_BRANDING, accentColor: '#0B6E4F' });
    expect(before.branding.accentColor).toBe(DEFAULT_BRANDING.accentColor);
    expect(after.learners).toBe(before.learners);
  });

  it('sets and removes a logo and a Word template', () => {
    const logo = { fileName: 'meridian.png', mediaType: 'image/png' as const, data: 'iVBORw0KGgo=' };
    const withLogo = setBranding({ logo, template: 'modern', font: 'serif' }).apply(loadSample());
    expect(withLogo.branding).toMatchObject({ logo, template: 'modern', font: 'serif' });
    expect(setBranding({ logo: null }).apply(withLogo).branding.logo).toBeNull();
    const template = { fileName: 'Meridian plan.docx', data: 'UEsDBA==' };
    expect(setBranding({ clientTemplate: template }).apply(withLogo).branding.clientTemplate).toEqual(template);
  });

  it('returns the same project when nothing changes (no empty undo step)', () => {
    const project = loadSample();
    expect(setBranding({ font: project.branding.font }).apply(project)).toBe(project);
  });

  it.each([
    [{ accentColor: 'teal' }, /accentColor must be a colour as #RRGGBB/],
    [{ template: 'fancy' as never }, /template/],
    [{ logo: { fileName: 'x.gif', mediaType: 'image/gif' as never, data: '' } }, /logo/],
    [{ colour: '#000000' } as never, /branding|colour/],
  ])('refuses %j with a message', (patch, message) => {
    expect(() => setBranding(patch)).toThrow(CommandError);
    expect(() => setBranding(patch)).toThrow(message);
  });
});

describe('the project file and the renderers name the same built-in templates', () => {
  it('has one look per schema value, in the same order', async () => {
    const { BUILT_IN_TEMPLATES: looks } = await import('../../../shared/documents/options');
    const { BUILT_IN_TEMPLATES: saved } = await import('../../../shared/domain/schema');
    expect(looks.map((look) => look.id)).toEqual([...saved]);
  });
});
