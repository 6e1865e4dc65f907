/**
 * A client's own scale, mapped once and reused: the first survey's answers ("Not yet competent",
 * "Competent", "Role model") are mapped by hand in the Values step and saved as "Client survey
 * 2025" with the import (one undo step for both); the next survey, spelled a little differently,
 * is read with that mapping automatically; the mapping survives save and reopen and is managed
 * under the scale editor. Real services and files, the production renderer, scripted dialogs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseProjectText } from '../../shared/domain/project-file';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const SAMPLE_LEARNERS = 12;

const studios = useStudioSessions('plp-e2e-scalemap-', { waitForProject: true });

async function launch(...args: Parameters<typeof studios.launch>) {
  const session = await studios.launch(...args);
  await expect(session.page.getByTestId('project-title')).toContainText('Executive Presence');
  return session;
}

const wizard = (page: Page) => page.getByRole('dialog', { name: 'Import assessments' });

async function openWorkspace(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`workspace-${id}`)).toBeVisible();
}

async function learnerCount(page: Page): Promise<number> {
  await openWorkspace(page, 'learners-plans');
  return page.getByTestId('learner-row').count();
}

/** The saved mappings as listed under the scale editor: "name | answers | numbers". */
async function savedMappings(page: Page): Promise<string[]> {
  await openWorkspace(page, 'capability-model');
  await page.getByTestId('edit-scale').click();
  await expect(page.getByTestId('saved-scale-mappings')).toBeVisible();
  const rows = page.getByTestId('saved-scale-mapping');
  const result: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    result.push(`${await row.getByTestId('saved-scale-mapping-name').inputValue()} | ${await row.getByTestId('saved-scale-mapping-count').innerText()} | ${await row.getByTestId('saved-scale-mapping-range').innerText()}`);
  }
  return result;
}

/** Opens the wizard, takes the next scripted file and goes to the Values step. */
async function fileToValues(page: Page, fileName: string): Promise<void> {
  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-import-assessments').click();
  await expect(wizard(page)).toBeVisible();
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-file-name')).toHaveText(fileName);
  for (const step of [1, 2, 3]) {
    await page.getByTestId('import-next').click();
    await expect(page.getByTestId(`import-step-${step}`)).toBeVisible();
  }
}

async function valuesToReview(page: Page, date: string): Promise<void> {
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-4')).toBeVisible();
  await page.getByTestId('import-date').fill(date);
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-5')).toBeVisible();
}

const valueRow = (page: Page, value: string) => page.locator(`[data-testid="value-row"][data-value="${value}"]`);

async function setLevel(page: Page, value: string, level: string): Promise<void> {
  await valueRow(page, value).first().getByTestId('value-level').click();
  await page.getByRole('option', { name: level, exact: true }).click();
  await expect(valueRow(page, value).first()).toHaveAttribute('data-status', 'level');
}

/** The saved-mappings list under the scale editor, scrolled into view, as a PNG in tests/artifacts/e2e. */
async function shootMappings(page: Page, name: string): Promise<void> {
  const section = page.getByTestId('saved-scale-mappings');
  await section.scrollIntoViewIfNeeded();
  await settleAnimations(page);
  await section.screenshot({ path: join(resolve(import.meta.dirname, '../artifacts/e2e'), `${name}.png`) });
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).include('.mantine-Modal-content').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test('save a mapping with an import, reuse it automatically on a similar file, keep it through save and reopen', async ({ browser }) => {
  const first = join(studios.dir, 'client_survey-2025.csv');
  const second = join(studios.dir, 'client survey 2026.csv');
  writeFileSync(
    first,
    [
      'Name;E-mail;Executive communication;Composure under pressure;Storytelling with data',
      'Ana Lopes;ana@client.example;Not yet competent;Competent;Role model',
      'Bo Berg;bo@client.example;Competent;Role model;n/a',
      'Cy Diaz;cy@client.example;Role model;Not yet competent;Competent',
    ].join('\n'),
  );
  writeFileSync(
    second,
    ['Name;E-mail;Executive communication;Composure under pressure', 'Dee Park;dee@client.example;COMPETENT;role model', 'Eli Moss;eli@client.example;Not yet competent.;Competent'].join('\n'),
  );
  const target = join(studios.dir, 'projects', 'client.plp');
  mkdirSync(join(studios.dir, 'projects'), { recursive: true });
  const { page } = await launch(browser, { dialogs: { spreadsheet: [first, first, second], save: [target] } });
  expect(await savedMappings(page)).toEqual([]);
  await expect(page.getByTestId('saved-scale-mappings-empty')).toBeVisible();

  // 1. The client's words are not the project's levels: map them by hand, save the mapping with the import.
  await fileToValues(page, 'client_survey-2025.csv');
  await expect(page.getByTestId('import-scale-mapping')).toHaveValue('Level names and numbers 1–4');
  await expect(page.getByTestId('import-saved-mapping-note')).toHaveCount(0);
  await expect(valueRow(page, 'Competent').first()).toHaveAttribute('data-status', 'rejected');
  await setLevel(page, 'Not yet competent', '1 · Beginner');
  await setLevel(page, 'Competent', '3 · Skilled');
  await setLevel(page, 'Role model', '4 · Expert');
  await expect(page.locator('[data-testid="value-row"][data-status="rejected"]')).toHaveCount(0);
  await page.getByTestId('import-save-mapping').click();
  await expect(page.getByTestId('import-save-mapping-name')).toHaveValue('client survey 2025');
  await page.getByTestId('import-save-mapping-name').fill('Client survey 2025');
  await page.getByTestId('import-save-mapping-confirm').click();
  await expect(page.getByTestId('import-save-mapping-pending')).toContainText('Saved as “Client survey 2025” with the import');
  await expectNoAxeViolations(page, 'values step with a mapping to save');
  await valuesToReview(page, '2026-05-01');
  await expect(page.getByTestId('count-learners-created')).toHaveText('3');
  await expect(page.getByTestId('count-assessments-added')).toHaveText('8');
  await expect(page.getByTestId('import-review-save-mapping')).toContainText('with this import (the same undo step)');
  await page.getByTestId('import-confirm').click();
  await expect(wizard(page)).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'is saved for next time' })).toBeVisible();
  expect(await savedMappings(page)).toEqual(['Client survey 2025 | 3 | 1–4']);
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 3);

  // One undo step removes the import and the saved mapping; redo brings both back.
  await page.getByTestId('undo-button').click();
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS);
  expect(await savedMappings(page)).toEqual([]);
  await page.getByTestId('redo-button').click();
  expect(await savedMappings(page)).toEqual(['Client survey 2025 | 3 | 1–4']);

  // 2. The same file again: the saved mapping is proposed, and nothing changes.
  await fileToValues(page, 'client_survey-2025.csv');
  await expect(page.getByTestId('import-scale-mapping')).toHaveValue('Client survey 2025');
  await valuesToReview(page, '2026-05-01');
  await expect(page.getByTestId('import-no-changes')).toContainText('0 changes');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();

  // 3. Next year's survey, spelled differently: read with the saved mapping, no hand work.
  await fileToValues(page, 'client survey 2026.csv');
  await expect(page.getByTestId('import-scale-mapping')).toHaveValue('Client survey 2025');
  await expect(page.getByTestId('import-saved-mapping-note')).toContainText('Using your saved mapping “Client survey 2025”');
  await expect(page.locator('[data-testid="value-row"][data-status="rejected"]')).toHaveCount(0);
  await expect(valueRow(page, 'COMPETENT').getByTestId('value-level')).toHaveValue('3 · Skilled');
  await expect(valueRow(page, 'role model').getByTestId('value-level')).toHaveValue('4 · Expert');
  await expectNoAxeViolations(page, 'values step with the saved mapping');
  await screenshot(page, 'scalemap-light-values-saved');
  // The select offers the automatic reading and the built-in number scales too.
  await page.getByTestId('import-scale-mapping').click();
  await page.getByRole('option', { name: 'Level names and numbers 1–4', exact: true }).click();
  await expect(valueRow(page, 'COMPETENT')).toHaveAttribute('data-status', 'rejected');
  await page.getByTestId('import-scale-mapping').click();
  await page.getByRole('option', { name: 'Client survey 2025', exact: true }).click();
  await expect(page.locator('[data-testid="value-row"][data-status="rejected"]')).toHaveCount(0);
  await valuesToReview(page, '2026-05-02');
  await expect(page.getByTestId('count-assessments-added')).toHaveText('4');
  await expect(page.getByTestId('import-rejected')).toContainText('nothing was rejected');
  await page.getByTestId('import-confirm').click();
  await expect(wizard(page)).toHaveCount(0);

  // 4. Save and reopen (in dark mode): the mapping is in the file and listed; it still drives the import.
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  const parsed = parseProjectText(readFileSync(target, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(parsed.value.project.scaleMappings.map((mapping) => [mapping.name, mapping.entries.map((entry) => `${entry.value}=${entry.levelId}`), mapping.numericRange])).toEqual([
    ['Client survey 2025', ['Not yet competent=beginner', 'Competent=skilled', 'Role model=expert'], { min: 1, max: 4 }],
  ]);
  await studios.closeAll();

  const reopened = await launch(browser, { colorScheme: 'dark', dialogs: { spreadsheet: [second] } });
  await expect(reopened.page.getByTestId('file-name')).toHaveText('client.plp');
  expect(await savedMappings(reopened.page)).toEqual(['Client survey 2025 | 3 | 1–4']);
  await shootMappings(reopened.page, 'scalemap-dark-scale-editor');
  await fileToValues(reopened.page, 'client survey 2026.csv');
  await expect(reopened.page.getByTestId('import-saved-mapping-note')).toContainText('Using your saved mapping “Client survey 2025”');
  await expectNoAxeViolations(reopened.page, 'values step with the saved mapping (dark)');
  await screenshot(reopened.page, 'scalemap-dark-values-saved');
  await reopened.page.getByTestId('import-cancel').click();
});

test('saved mappings under the scale editor: rename and delete, each one undo step', async ({ browser }) => {
  const file = join(studios.dir, 'likert.csv');
  writeFileSync(file, ['Name;Executive communication', 'Ana Lopes;5', 'Bo Berg;2'].join('\n'));
  const { page } = await launch(browser, { dialogs: { spreadsheet: [file] } });
  // Save a numbers-only mapping from the wizard (built-in 1–5).
  await fileToValues(page, 'likert.csv');
  await expect(valueRow(page, '5')).toHaveAttribute('data-status', 'rejected');
  await page.getByTestId('import-scale-mapping').click();
  await page.getByRole('option', { name: 'Numbers 1–5', exact: true }).click();
  await expect(valueRow(page, '5')).toHaveAttribute('data-status', 'level');
  await page.getByTestId('import-save-mapping').click();
  await page.getByTestId('import-save-mapping-name').fill('Likert');
  await page.getByTestId('import-save-mapping-name').press('Enter');
  await valuesToReview(page, '2026-05-01');
  await page.getByTestId('import-confirm').click();
  await expect(wizard(page)).toHaveCount(0);
  expect(await savedMappings(page)).toEqual(['Likert | 0 | 1–5']);
  await shootMappings(page, 'scalemap-light-scale-editor');
  await settleAnimations(page);
  const axe = await new AxeBuilder({ page }).include('[data-testid="saved-scale-mappings"]').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  const name = page.getByTestId('saved-scale-mapping-name');
  await name.fill('Likert 1–5 (HR survey)');
  await name.press('Enter');
  expect(await savedMappings(page)).toEqual(['Likert 1–5 (HR survey) | 0 | 1–5']);
  await page.getByTestId('saved-scale-mapping-delete').click();
  await expect(page.getByTestId('saved-scale-mappings-empty')).toBeVisible();
  await page.getByTestId('undo-button').click();
  expect(await savedMappings(page)).toEqual(['Likert 1–5 (HR survey) | 0 | 1–5']);
  await page.getByTestId('undo-button').click();
  expect(await savedMappings(page)).toEqual(['Likert | 0 | 1–5']);
});
