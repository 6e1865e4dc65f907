import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseProjectText } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const samplePath = join(repoRoot, 'resources/sample/executive-presence.plp');
export const fixturesDir = join(repoRoot, 'tests/fixtures/import');
export const csvFixture = join(fixturesDir, 'messy-assessments.csv');
export const xlsxFixture = join(fixturesDir, 'messy-manager-ratings.xlsx');

export function loadSample(): Project {
  const parsed = parseProjectText(readFileSync(samplePath, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

/** Deterministic ids: learner-t1, asmt-t2, … */
export function counterIds(): (prefix: string) => string {
  let next = 0;
  return (prefix) => `${prefix}-t${++next}`;
}
