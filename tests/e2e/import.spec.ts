/**
 * Importing assessments as a consultant does it in a workshop: the messy CSV export (semicolons,
 * a BOM, a title row, a bad cell) with its error report, then a client's workbook with the data on
 * its second sheet; the gap heat-map follows; the import is one undo step; save and reopen keeps
 * it all. Real services and files, the production renderer in Chromium, scripted file dialogs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseProjectText } from '../../shared/domain/project-file';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const fixtures = resolve(import.meta.dirname, '../fixtures/import');
const CSV = join(fixtures, 'messy-assessments.csv');
const XLSX = join(fixtures, 'messy-manager-ratings.xlsx');
const SAMPLE_LEARNERS = 12;

const studios = useStudioSessions('plp-e2e-import-', { waitForProject: true });

async function launch(...args: Parameters<typeof studios.launch>) {
  const session = await studios.launch(...args);
  await expect(session.page.getByTestId('project-title')).toContainText('Executive Presence');
  return session;
}

async function openWorkspace(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`workspace-${id}`)).toBeVisible();
}

const wizard = (page: Page) => page.getByRole('dialog', { name: 'Import assessments' });

async function openWizard(page: Page): Promise<void> {
  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-import-assessments').click();
  await expect(wizard(page)).toBeVisible();
  await expect(page.getByTestId('import-step-0')).toBeVisible();
}

async function next(page: Page, step: number): Promise<void> {
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId(`import-step-${step}`)).toBeVisible();
}

async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).include('.mantine-Modal-content').analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
}

/** Every heat-map cell's number, row by row. */
async function heatmapValues(page: Page): Promise<string[]> {
  await openWorkspace(page, 'needs-analysis');
  const cells = page.getByTestId('gap-heatmap').getByTestId('gap-cell');
  await expect(cells.first()).toBeVisible();
  return cells.evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-row')} × ${node.getAttribute('data-capability')} = ${node.getAttribute('data-value')}`));
}

async function learnerCount(page: Page): Promise<number> {
  await openWorkspace(page, 'learners-plans');
  return page.getByTestId('learner-row').count();
}

/** File → Review for the CSV fixture as a pre-assessment of 1 May 2026, checking axe at each step. */
async function walkCsvToReview(page: Page, options: { axe?: string; shots?: string } = {}): Promise<void> {
  const check = async (step: string) => {
    if (options.axe) await expectNoAxeViolations(page, `${step} (${options.axe})`);
    if (options.shots) await screenshot(page, `import-${options.shots}-${step}`);
  };
  await openWizard(page);
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-file-name')).toHaveText('messy-assessments.csv');
  await check('1-file');
  await next(page, 1);
  // The title row and the blank row are skipped: row 3 is the detected header.
  await expect(page.locator('[data-testid="preview-row"][data-header="true"]')).toContainText('Full name');
  await expect(page.getByTestId('import-header-row')).toHaveValue(/^Row 3:/);
  await check('2-header');
  await next(page, 2);
  await expect(page.getByTestId('column-target-0')).toHaveValue('Name');
  await expect(page.getByTestId('column-target-11')).toHaveValue('Strategic business acumen (cell therapy market & access)');
  await expect(page.getByTestId('column-target-13')).toHaveValue('Not imported');
  await expect(page.getByTestId('import-unmatched-count')).toHaveText('1 not imported');
  await check('3-columns');
  await next(page, 3);
  await expect(page.locator('[data-testid="value-row"][data-value="Excellent!!"]')).toHaveAttribute('data-status', 'rejected');
  await expect(page.locator('[data-testid="value-row"][data-value="3 - Skilled"]').first()).toHaveAttribute('data-status', 'level');
  await check('4-values');
  await next(page, 4);
  await page.getByTestId('import-kind').getByText('Pre-assessment').click();
  await page.getByTestId('import-date').fill('2026-05-01');
  await check('5-kind');
  await next(page, 5);
  await expect(page.getByTestId('import-counts')).toBeVisible();
  await check('6-review');
}

test('import the messy CSV and the workbook: error report, heat-map, one undo step, save and reopen', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'imported.plp');
  mkdirSync(dirname(target), { recursive: true });
  const { page, dialogs } = await launch(browser, { dialogs: { spreadsheet: [CSV, CSV, XLSX], save: [target] } });
  const before = await heatmapValues(page);

  // 1. The CSV: every rejected cell with its row and column; nothing applied yet.
  await walkCsvToReview(page, { shots: 'light' });
  await expect(page.getByTestId('count-learners-created')).toHaveText('2');
  await expect(page.getByTestId('count-learners-updated')).toHaveText('2');
  await expect(page.getByTestId('count-assessments-added')).toHaveText('48');
  const rejected = page.getByTestId('rejected-row');
  await expect(rejected).toHaveCount(2);
  const excellent = page.locator('[data-testid="rejected-row"][data-row="6"][data-column="L"]');
  await expect(excellent).toContainText('Excellent!!');
  await expect(excellent).toContainText('Strategic Business Acumen');
  await expect(page.locator('[data-testid="rejected-row"][data-row="11"]')).toContainText('no name and no e-mail');
  await expect(page.getByTestId('warning-row')).toContainText('Sales Director');
  await expect(page.getByTestId('undo-button')).toBeDisabled();
  await page.getByTestId('import-confirm').click();
  await expect(wizard(page)).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Assessments imported' })).toBeVisible();

  // 2. The heat-map follows.
  const afterCsv = await heatmapValues(page);
  expect(afterCsv).not.toEqual(before);
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 2);

  // 3. The same file again: 0 changes, and nothing to import.
  await walkCsvToReview(page);
  await expect(page.getByTestId('import-no-changes')).toContainText('0 changes');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await expect(wizard(page)).toHaveCount(0);

  // 4. The workbook: its first sheet is notes; choose the data sheet.
  await openWizard(page);
  await page.getByTestId('import-choose-file').click();
  await expect(page.getByTestId('import-file-name')).toHaveText('messy-manager-ratings.xlsx');
  await expect(page.getByTestId('import-sheet')).toHaveValue('Notes');
  await pickOption(page, 'import-sheet', 'Manager ratings');
  await expect(page.getByTestId('import-sheet')).toHaveValue('Manager ratings');
  await next(page, 1);
  await expect(page.locator('[data-testid="preview-row"][data-header="true"]')).toContainText('Employee');
  await next(page, 2);
  await expect(page.getByTestId('column-target-6')).toHaveValue('Executive communication');
  await next(page, 3);
  await next(page, 4);
  await page.getByTestId('import-kind').getByText('Manager rating').click();
  await page.getByTestId('import-date').fill('2026-04-22');
  await next(page, 5);
  await expect(page.getByTestId('count-learners-created')).toHaveText('1');
  await expect(page.getByTestId('count-assessments-added')).toHaveText('30');
  await expect(page.locator('[data-testid="rejected-row"][data-row="6"][data-column="N"]')).toContainText('outside the numeric scale');
  await screenshot(page, 'import-light-xlsx-review');
  await page.getByTestId('import-confirm').click();
  await expect(wizard(page)).toHaveCount(0);
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 3);
  expect(dialogs.remaining()).toMatchObject({ open: 0, save: 1, spreadsheet: 0 });

  // Manager ratings show in the heat-map when it is switched to them.
  await openWorkspace(page, 'needs-analysis');
  await pickOption(page, 'gap-source', 'Manager ratings');
  await expect(page.getByTestId('gap-definition')).toContainText('manager rating');
  const cell = page.getByTestId('gap-heatmap').locator('[data-testid="gap-cell"]:not([data-value=""])').first();
  await cell.click();
  await expect(page.getByTestId('gap-details')).toBeVisible();
  await expect(page.getByTestId('gap-detail-row').first()).toBeVisible();
  await screenshot(page, 'import-light-heatmap-manager');

  // 5. Undo removes the whole workbook import in one step; redo brings it back.
  await page.getByTestId('undo-button').click();
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 2);
  await page.getByTestId('redo-button').click();
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 3);
  // Undo twice: back to the sample as it opened (the CSV import was one step too).
  await page.getByTestId('undo-button').click();
  await page.getByTestId('undo-button').click();
  expect(await heatmapValues(page)).toEqual(before);
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS);
  await page.getByTestId('redo-button').click();
  await page.getByTestId('redo-button').click();
  expect(await learnerCount(page)).toBe(SAMPLE_LEARNERS + 3);
  const afterAll = await heatmapValues(page);
  expect(afterAll).toEqual(afterCsv); // pre-assessments: the workbook was manager ratings

  // 6. Save and reopen: all there.
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  const parsed = parseProjectText(readFileSync(target, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const saved = parsed.value.project;
  expect(saved.learners).toHaveLength(SAMPLE_LEARNERS + 3);
  expect(saved.assessments.filter((a) => a.kind === 'pre' && a.date === '2026-05-01')).toHaveLength(48);
  expect(saved.assessments.filter((a) => a.kind === 'manager' && a.date === '2026-04-22')).toHaveLength(30);
  await studios.closeAll();

  const second = await launch(browser);
  await expect(second.page.getByTestId('file-name')).toHaveText('imported.plp');
  expect(await learnerCount(second.page)).toBe(SAMPLE_LEARNERS + 3);
  expect(await heatmapValues(second.page)).toEqual(afterAll);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every wizard step and the heat-map pass axe-core in ${colorScheme} mode`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme, dialogs: { spreadsheet: [CSV] } });
    await openWorkspace(page, 'needs-analysis');
    await page.getByTestId('gap-heatmap').scrollIntoViewIfNeeded();
    await settleAnimations(page);
    const heatmap = await new AxeBuilder({ page }).include('[data-testid="gap-heatmap"]').analyze();
    expect(heatmap.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByTestId('gap-heatmap').screenshot({ path: join(resolve(import.meta.dirname, '../artifacts/e2e'), `import-${colorScheme}-heatmap.png`) });
    await walkCsvToReview(page, { axe: colorScheme, shots: colorScheme });
  });
}

test('the wizard is operable from the keyboard alone', async ({ browser }) => {
  const { page } = await launch(browser, { dialogs: { spreadsheet: [CSV] } });
  await page.getByTestId('project-menu').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('menu-import-assessments').focus();
  await page.keyboard.press('Enter');
  await expect(wizard(page)).toBeVisible();
  await page.getByTestId('import-choose-file').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-file-name')).toHaveText('messy-assessments.csv');
  for (const step of [1, 2, 3, 4, 5]) {
    await page.getByTestId('import-next').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`import-step-${step}`)).toBeVisible();
  }
  await expect(page.getByTestId('import-rejected')).toContainText('Excellent!!');
  await page.keyboard.press('Escape');
  await expect(wizard(page)).toHaveCount(0);
  await expect(page.getByTestId('undo-button')).toBeDisabled();
});
