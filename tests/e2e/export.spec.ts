/**
 * Export, as an L&D lead uses it: preview a learner's plan as the exported PDF, brand it, export
 * one document, then export the sample cohort with the progress bar, cancel half-way, export
 * again over the same folder (overwrite), and read every file back.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readDocx, readPdf, squeeze } from '../unit/export/support';
import { repoRoot, screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const studios = useStudioSessions('plp-export-e2e-');
const launch = studios.launch;

async function openExport(page: Page): Promise<void> {
  await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('workspace-export')).toBeVisible();
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.mouse.move(1300, 120);
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
}

const previewText = (page: Page) => page.getByTestId('preview-page-text').allTextContents().then((texts) => squeeze(texts.join(' ')));

test('preview exactly what is exported, brand it, export one plan as Word', async ({ browser }) => {
  const out = join(studios.dir, 'single');
  mkdirSync(out, { recursive: true });
  const session = await launch(browser, {
    dialogs: { exportFile: [join(out, 'Priya plan.docx')], brandingFile: [join(repoRoot, 'tests/fixtures/export/logo.png')] },
  });
  const { page } = session;
  await openExport(page);

  // The first learner's plan, drawn from the exported PDF.
  const pages = page.getByTestId('preview-pages');
  await expect(pages).toBeVisible({ timeout: 30_000 });
  expect(Number(await pages.getAttribute('data-page-count'))).toBeGreaterThan(1);
  const learner = (await page.getByTestId('export-learner').inputValue()).trim();
  expect(await previewText(page)).toContain(squeeze(learner));
  expect(await previewText(page)).toContain(squeeze('Prioritized learning goals'));
  await expect(page.getByTestId('preview-note')).toContainText('has no saved plan');
  await screenshot(page, 'export-preview-light');
  await expectAccessible(page, 'preview');

  // The manager summary is one page.
  await page.getByTestId('export-kind').getByText('Manager summary').click();
  await expect(pages).toHaveAttribute('data-page-count', '1', { timeout: 30_000 });

  // Branding: organisation, colour, template, logo; each an undoable edit the preview follows.
  await page.getByTestId('export-tab-branding').click();
  await page.getByTestId('branding-organisation').fill('Meridian Bio L&D');
  await page.getByTestId('branding-organisation').press('Enter');
  await page.getByTestId('branding-template-modern').click();
  await expect(page.getByTestId('branding-template-modern')).toHaveAttribute('data-checked', 'true');
  await page.getByTestId('branding-choose-logo').click();
  await expect(page.getByTestId('branding-logo-preview')).toBeVisible();
  await page.getByTestId('branding-accent').fill('#0B6E4F');
  await page.getByTestId('branding-accent').press('Tab');
  await screenshot(page, 'export-branding-light');
  await expectAccessible(page, 'branding');

  // Undo puts the accent colour back, redo brings it again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('branding-accent')).toHaveValue('#1F4E79');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('branding-accent')).toHaveValue('#0B6E4F');

  // Back to the plan: the preview carries the new organisation name.
  await page.getByTestId('export-tab-document').click();
  await page.getByTestId('export-kind').getByText('Learner plan').click();
  await expect.poll(() => previewText(page), { timeout: 30_000 }).toContain(squeeze('Meridian Bio L&D'));

  // Export Word to the file the (scripted) save dialog answers.
  await page.getByTestId('export-docx').click();
  await expect(page.getByText('Word document exported')).toBeVisible();
  const docx = await readDocx(new Uint8Array(readFileSync(join(out, 'Priya plan.docx'))));
  expect(docx.problems.size).toBe(0);
  expect(squeeze(docx.text)).toContain(squeeze(learner));
  expect([...docx.parts.values()].join('')).toContain('0B6E4F');
  expect(docx.zip.file(/^word\/media\//).length).toBeGreaterThan(0);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await settleAnimations(page);
  await screenshot(page, 'export-preview-dark');
  await expectAccessible(page, 'preview, dark');
});

test('cohort pack: progress, cancel half-way, then export fully over the same folder', async ({ browser }) => {
  const folder = join(studios.dir, 'cohort');
  const session = await launch(browser, { dialogs: { folder: [folder, folder] }, pdfDelayMs: 350 });
  const { page } = session;
  await openExport(page);
  await page.getByTestId('export-tab-cohort').click();
  await expect(page.getByTestId('cohort-row')).toHaveCount(12);
  await expect(page.getByTestId('cohort-selected-count')).toHaveText('12 of 12 selected');
  await expectAccessible(page, 'cohort');

  await page.getByTestId('cohort-export').click();
  const progress = page.getByTestId('cohort-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Exporting [2-9] of 12/, { timeout: 30_000 });
  await screenshot(page, 'export-cohort-progress-light');
  await page.getByTestId('cohort-cancel').click();
  const result = page.getByTestId('cohort-result');
  await expect(result).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(progress).toHaveCount(0);

  const partial = readdirSync(folder);
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(24);
  expect(partial).not.toContain('roster.csv');
  for (const file of partial) {
    const bytes = new Uint8Array(readFileSync(join(folder, file)));
    if (file.endsWith('.docx')) expect((await readDocx(bytes)).problems.size).toBe(0);
    else expect((await readPdf(bytes, { quick: true })).pages).toBeGreaterThan(0);
  }

  // Again into the same folder: the studio lists what is there and asks.
  await page.getByTestId('cohort-export').click();
  const conflict = page.getByRole('dialog', { name: 'Some files are already in this folder' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(partial[0]!);
  await screenshot(page, 'export-cohort-conflict-light');
  await page.getByTestId('conflict-overwrite').click();
  await expect(result).toHaveAttribute('data-status', 'exported', { timeout: 60_000 });
  await expect(result).toContainText('Exported 12 learners');
  await screenshot(page, 'export-cohort-done-light');

  const files = readdirSync(folder).sort();
  expect(files).toHaveLength(25);
  expect(files).toContain('roster.csv');
  for (const file of files.filter((name) => name.endsWith('.pdf'))) {
    const pdf = await readPdf(new Uint8Array(readFileSync(join(folder, file))), { quick: true });
    expect(squeeze(pdf.text)).toContain(squeeze(file.replace(/\.pdf$/, '')));
  }
  for (const file of files.filter((name) => name.endsWith('.docx'))) {
    expect((await readDocx(new Uint8Array(readFileSync(join(folder, file))))).problems.size).toBe(0);
  }
  const roster = readFileSync(join(folder, 'roster.csv'), 'utf8');
  expect(roster.trim().split(/\r?\n/)).toHaveLength(13);
});

test('the organisation’s Word template: misspelt placeholders listed when chosen and asked about at export, then filled', async ({ browser }) => {
  const templates = join(repoRoot, 'tests/fixtures/templates');
  const out = join(studios.dir, 'template');
  mkdirSync(out, { recursive: true });
  const session = await launch(browser, {
    dialogs: { brandingFile: [join(templates, 'misspelt.docx'), join(templates, 'client-template.docx')], exportFile: [join(out, 'Priya.docx')] },
  });
  const { page } = session;
  await openExport(page);
  await page.getByTestId('export-tab-branding').click();
  await page.getByTestId('branding-choose-template').click();
  const unknown = page.getByTestId('template-unknown');
  await expect(unknown).toContainText('{{lerner.name}} — did you mean {{learner.name}}?');
  await expect(page.getByTestId('branding-client-template')).toHaveText('misspelt.docx');
  await screenshot(page, 'export-template-unknown-light');
  await expectAccessible(page, 'branding with unknown placeholders');

  // Exporting with it asks first; Cancel writes nothing.
  await page.getByTestId('export-tab-document').click();
  await page.getByTestId('export-docx').click();
  const question = page.getByRole('dialog', { name: 'Your Word template has placeholders the studio does not know' });
  await expect(question).toContainText('did you mean {{learner.name}}');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(readdirSync(out)).toEqual([]);

  // The corrected template: every placeholder known, the Word file filled.
  await page.getByTestId('export-tab-branding').click();
  await page.getByTestId('branding-choose-template').click();
  await expect(page.getByTestId('template-ok')).toContainText('all known');
  await page.getByTestId('export-tab-document').click();
  await page.getByTestId('export-docx').click();
  await expect(page.getByText('Word document exported')).toBeVisible();
  const docx = await readDocx(new Uint8Array(readFileSync(join(out, 'Priya.docx'))));
  expect(docx.problems.size).toBe(0);
  expect(docx.text).toContain('Priya Nair');
  expect(docx.text).not.toContain('{{');
});
