import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAssessmentsCommand } from '../../../electron/cli/commands/import-assessments';
import { saveScaleMapping } from '../../../shared/domain/commands/scale-mapping-commands';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { makeTempDir } from '../../support/temp';
import { loadSample } from './support';

function capture(cwd: string) {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd }, out, errors };
}

function projectAt(file: string): Project {
  const parsed = parseProjectText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

const SURVEY = ['Name;E-mail;Executive communication;Composure under pressure', 'Ana Lopes;ana@client.example;Not yet competent;Competent', 'Bo Berg;bo@client.example;Competent;Role model'].join('\n');
const NUMBERS = ['Name;E-mail;Executive communication', 'Ana Lopes;ana@client.example;5', 'Bo Berg;bo@client.example;2'].join('\n');

const withSaved = (): Project =>
  [
    saveScaleMapping({
      id: 'map-survey',
      name: 'Client survey 2025',
      entries: [
        { value: 'Not yet competent', levelId: 'beginner' },
        { value: 'Competent', levelId: 'skilled' },
        { value: 'Role model', levelId: 'expert' },
      ],
      numericRange: null,
    }),
    saveScaleMapping({ id: 'map-likert', name: 'Likert 1–5', entries: [], numericRange: { min: 1, max: 5 } }),
  ].reduce((project, command) => command.apply(project), loadSample());

const levelsOf = (project: Project, learnerEmail: string) => {
  const learner = project.learners.find((item) => item.email === learnerEmail)!;
  return project.assessments.filter((assessment) => assessment.learnerId === learner.id).map((assessment) => `${assessment.capabilityId}=${assessment.levelId}`);
};

describe('plp-studio import-assessments with saved scale mappings', () => {
  const temp = makeTempDir('plp-cli-mapping-');
  afterAll(() => temp.remove());
  writeFileSync(join(temp.dir, 'saved.plp'), serializeProject(withSaved()));
  writeFileSync(join(temp.dir, 'bare.plp'), serializeProject(loadSample()));
  writeFileSync(join(temp.dir, 'survey.csv'), SURVEY);
  writeFileSync(join(temp.dir, 'numbers.csv'), NUMBERS);
  const run = (args: string[]) => {
    const captured = capture(temp.dir);
    return importAssessmentsCommand(args, captured.io, { today: () => '2026-05-04' }).then((code) => ({ code, ...captured }));
  };

  it('without --mapping, uses the saved mapping that reads the file best, as the wizard does; the second run changes nothing', async () => {
    const first = await run(['saved.plp', 'survey.csv', '--kind', 'self', '--out', 'auto.plp']);
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('levels: read with the saved mapping "Client survey 2025" (it reads the file\'s answers best)');
    expect(first.out.filter((line) => line.startsWith('rejected: '))).toEqual([]);
    expect(levelsOf(projectAt(join(temp.dir, 'auto.plp')), 'bo@client.example')).toEqual(['cap-exec-communication=skilled', 'cap-composure=expert']);
    const second = await run(['auto.plp', 'survey.csv', '--kind', 'self']);
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toBe('0 changes: already imported');
  });

  it('--mapping NAME (any case) reads the file with that saved mapping', async () => {
    const automatic = await run(['bare.plp', 'numbers.csv', '--kind', 'self', '--out', 'bare-out.plp']);
    expect(automatic.out).toContain("levels: read with the project's level names and numbers 1–4");
    expect(automatic.out.filter((line) => line.startsWith('rejected: '))).toEqual([expect.stringContaining('"5" is outside the numeric scale 1–4')]);

    const named = await run(['saved.plp', 'numbers.csv', '--kind', 'self', '--mapping', 'likert 1–5', '--out', 'named.plp']);
    expect(named.errors).toEqual([]);
    expect(named.code).toBe(0);
    expect(named.out).toContain('levels: read with the saved mapping "Likert 1–5"');
    expect(named.out.filter((line) => line.startsWith('rejected: '))).toEqual([]);
    expect(levelsOf(projectAt(join(temp.dir, 'named.plp')), 'ana@client.example')).toEqual(['cap-exec-communication=expert']);
  });

  it('an unknown --mapping name exits 2 with the saved names, and writes nothing', async () => {
    const unknown = await run(['saved.plp', 'survey.csv', '--kind', 'self', '--mapping', 'SFIA', '--out', 'never.plp']);
    expect(unknown.code).toBe(2);
    expect(unknown.errors).toEqual(['failed: saved.plp has no saved scale mapping called "SFIA"; saved mappings: "Client survey 2025", "Likert 1–5"']);
    const none = await run(['bare.plp', 'survey.csv', '--kind', 'self', '--mapping', 'SFIA']);
    expect(none.code).toBe(2);
    expect(none.errors[0]).toMatch(/has no saved scale mappings/);
    expect(() => readFileSync(join(temp.dir, 'never.plp'))).toThrow();
  });
});
