import { describe, expect, it } from 'vitest';
import { saveScaleMapping, type SaveScaleMappingInput } from '../../../shared/domain/commands/scale-mapping-commands';
import { hasChanges, importCommand, planAssessmentImport, proposeAssessmentImport } from '../../../shared/domain/import/assessment-import';
import { chooseScaleMapping, completeScaleMapping, distinctCapabilityAnswers } from '../../../shared/domain/import/saved-scale-mappings';
import { parseCsv, type RawTable } from '../../../shared/domain/import/table';
import type { Project } from '../../../shared/domain/schema';
import { counterIds, loadSample } from './support';

function csv(text: string): RawTable {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const SURVEY = csv(
  [
    'Name;E-mail;Executive communication;Composure under pressure',
    'Ana Lopes;ana@client.example;Not yet competent;Competent',
    'Bo Berg;bo@client.example;Competent;Role model',
    'Cy Diaz;cy@client.example;n/a;',
  ].join('\n'),
);

const surveyMapping: SaveScaleMappingInput = {
  id: 'map-survey',
  name: 'Client survey 2025',
  entries: [
    { value: 'Not yet competent', levelId: 'beginner' },
    { value: 'Competent', levelId: 'skilled' },
    { value: 'Role model', levelId: 'expert' },
  ],
  numericRange: null,
};

const withMappings = (...mappings: SaveScaleMappingInput[]): Project => mappings.reduce((project, mapping) => saveScaleMapping(mapping).apply(project), loadSample());

describe('choosing the scale mapping an import starts from', () => {
  it('lists the distinct answers of the capability columns only, blanks left out', () => {
    const { headerRow, mapping } = proposeAssessmentImport(loadSample(), SURVEY);
    expect(distinctCapabilityAnswers(SURVEY, headerRow, mapping)).toEqual(['Not yet competent', 'Competent', 'Role model', 'n/a']);
  });

  it('stays automatic without saved mappings', () => {
    const proposal = proposeAssessmentImport(loadSample(), SURVEY);
    expect(proposal.scaleMappingSource).toEqual({ kind: 'automatic' });
    expect(proposal.scaleMapping.numericRange).toEqual({ min: 1, max: 4 });
  });

  it('proposes the saved mapping that lists every answer of the file', () => {
    const project = withMappings({ ...surveyMapping, id: 'map-sfia', name: 'SFIA', entries: [], numericRange: { min: 1, max: 7 } }, surveyMapping);
    const proposal = proposeAssessmentImport(project, SURVEY);
    expect(proposal.scaleMappingSource).toEqual({ kind: 'saved', id: 'map-survey', name: 'Client survey 2025' });
    const plan = planAssessmentImport({ project, table: SURVEY, ...proposal, kind: 'self', date: '2026-05-04', newId: counterIds() });
    expect(plan.rejected).toEqual([]);
    expect(plan.assessmentsToAdd.map((assessment) => assessment.levelId)).toEqual(['beginner', 'skilled', 'skilled', 'expert']);
  });

  it('keeps the automatic reading when it reads as many answers and the saved mapping does not list them all', () => {
    const labels = csv(['Name;Executive communication', 'Ana Lopes;Skilled', 'Bo Berg;Expert'].join('\n'));
    const project = withMappings({ ...surveyMapping, entries: [{ value: 'Skilled', levelId: 'expert' }] });
    expect(chooseScaleMapping(project, ['Skilled', 'Expert']).source).toEqual({ kind: 'automatic' });
    expect(proposeAssessmentImport(project, labels).scaleMappingSource).toEqual({ kind: 'automatic' });
    // …but a mapping that lists every answer is the user's decision, even over the labels.
    const listing = withMappings({ ...surveyMapping, entries: [{ value: 'Skilled', levelId: 'expert' }, { value: 'expert', levelId: 'expert' }] });
    expect(chooseScaleMapping(listing, ['Skilled', 'Expert']).source).toMatchObject({ kind: 'saved' });
  });

  it('proposes a saved number range that reads numbers the automatic 1–4 rejects', () => {
    const project = withMappings({ ...surveyMapping, id: 'map-likert', name: 'Likert 1–5', entries: [], numericRange: { min: 1, max: 5 } });
    expect(chooseScaleMapping(project, ['1', '3', '5']).source).toEqual({ kind: 'saved', id: 'map-likert', name: 'Likert 1–5' });
    expect(chooseScaleMapping(project, ['1', '3', '4']).source).toEqual({ kind: 'automatic' });
  });

  it('prefers the saved mapping that reads the most answers, then the one listing the most', () => {
    const partial = { ...surveyMapping, id: 'map-partial', name: 'Partial', entries: surveyMapping.entries.slice(0, 2) };
    const full = { ...surveyMapping, id: 'map-full', name: 'Full' };
    expect(chooseScaleMapping(withMappings(partial, full), ['Not yet competent', 'Competent', 'Role model']).source).toMatchObject({ id: 'map-full' });
    expect(chooseScaleMapping(withMappings(full, partial), ['Not yet competent', 'Competent', 'Role model']).source).toMatchObject({ id: 'map-full' });
    const listsMore = { ...surveyMapping, id: 'map-more', name: 'More', entries: [...surveyMapping.entries, { value: 'Skilled', levelId: 'skilled' }] };
    expect(chooseScaleMapping(withMappings(full, listsMore), ['Competent', 'Skilled']).source).toMatchObject({ id: 'map-more' });
  });

  it('importing the same file twice with the saved mapping changes nothing the second time', () => {
    const project = withMappings(surveyMapping);
    const first = planAssessmentImport({ project, table: SURVEY, ...proposeAssessmentImport(project, SURVEY), kind: 'self', date: '2026-05-04', newId: counterIds() });
    const after = importCommand(first).apply(project);
    const second = planAssessmentImport({ project: after, table: SURVEY, ...proposeAssessmentImport(after, SURVEY), kind: 'self', date: '2026-05-04', newId: counterIds() });
    expect(hasChanges(second)).toBe(false);
    expect(second.counts.assessmentsUnchanged).toBe(4);
  });
});

describe('completeScaleMapping', () => {
  it('adds an entry for every text answer read as a level, keeps its own entries first, leaves numbers and "n/a" to the range', () => {
    const scale = loadSample().scale;
    const mapping = { name: 'Edited', entries: [{ value: 'Not yet competent', levelId: 'beginner' }], numericRange: { min: 1, max: 4 } };
    expect(completeScaleMapping(scale, mapping, ['not yet competent', 'Skilled', '3 - Expert', '2', 'n/a', 'Guru'])).toEqual({
      name: 'Edited',
      entries: [
        { value: 'Not yet competent', levelId: 'beginner' },
        { value: 'Skilled', levelId: 'skilled' },
        { value: '3 - Expert', levelId: 'expert' },
      ],
      numericRange: { min: 1, max: 4 },
    });
  });
});
