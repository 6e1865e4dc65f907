/**
 * The foundation, as a user meets it: first launch, editing with undo/redo, saving and
 * reopening, a save that fails on a full disk, a file changed behind the studio's back, and
 * recovery after a crash. Real services, real files, the production renderer in Chromium.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseProjectText } from '../../shared/domain/project-file';
import { mountTmpfs } from '../support/temp';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const CAPABILITY_ID = 'cap-exec-communication';
const ORIGINAL_NAME = 'Executive communication';
const NEW_NAME = 'Executive communication & gravitas';

/** The "Saved" toast (not "Work recovered… not saved", which also contains the word). */
const savedToast = (page: Page) => page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) });

const capabilityName = (page: Page) => page.locator(`[data-testid="capability-name"][data-id="${CAPABILITY_ID}"]`);

async function openWorkspace(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`workspace-${id}`)).toBeVisible();
}

async function renameCapability(page: Page, name: string): Promise<void> {
  await openWorkspace(page, 'capability-model');
  await capabilityName(page).click();
  const input = page.getByTestId('capability-name-input');
  await input.fill(name);
  await input.press('Enter');
  await expect(capabilityName(page)).toContainText(name);
}

async function expectUnsaved(page: Page, unsaved: boolean): Promise<void> {
  await expect(page.getByTestId('status-saved')).toHaveAttribute('data-state', unsaved ? 'unsaved' : 'saved');
  if (unsaved) await expect(page.getByTestId('dirty-marker')).toBeVisible();
  else await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
}

function savedProjectAt(path: string) {
  const parsed = parseProjectText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the saved file does not parse: ${parsed.error.message}`);
  return parsed.value.project;
}

const studios = useStudioSessions('plp-e2e-');
const launch = studios.launch;

test('first launch opens the sample project', async ({ browser }) => {
  const { page } = await launch(browser);
  await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
  await expect(page.getByTestId('workspace-needs-analysis')).toBeVisible();
  await expect(page.getByTestId('finding-row')).toHaveCount(12);
  await openWorkspace(page, 'learners-plans');
  await expect(page.getByTestId('learner-row')).toHaveCount(12);
  await expectUnsaved(page, false);
  await screenshot(page, 'first-launch-learners');
});

test('rename a capability, undo it, redo it', async ({ browser }) => {
  const { page } = await launch(browser);
  await renameCapability(page, NEW_NAME);
  await expectUnsaved(page, true);

  await page.getByTestId('undo-button').click();
  await expect(capabilityName(page)).toContainText(ORIGINAL_NAME);
  await expect(capabilityName(page)).not.toContainText('gravitas');
  await expectUnsaved(page, false); // undone back to the state on disk: clean again

  await page.keyboard.press('Control+Shift+Z');
  await expect(capabilityName(page)).toContainText(NEW_NAME);
  await expectUnsaved(page, true);
  await page.keyboard.press('Control+Z');
  await expect(capabilityName(page)).not.toContainText('gravitas');
  await page.getByTestId('redo-button').click();
  await expect(capabilityName(page)).toContainText(NEW_NAME);
  await screenshot(page, 'renamed-capability');
});

test('save, reopen: the change is there', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'workshop.plp');
  mkdirSync(dirname(target), { recursive: true });
  const first = await launch(browser, { dialogs: { save: [target] } });
  await renameCapability(first.page, NEW_NAME);
  await first.page.keyboard.press('Control+S');
  await expect(savedToast(first.page)).toBeVisible();
  await expectUnsaved(first.page, false);
  await expect(first.page.getByTestId('status-file')).toContainText('workshop.plp');
  expect(savedProjectAt(target).capabilities.find((c) => c.id === CAPABILITY_ID)?.name).toBe(NEW_NAME);
  expect(first.dialogs.remaining()).toEqual({ open: 0, save: 0, spreadsheet: 0, folder: 0, brandingFile: 0, exportFile: 0 });
  await first.close();

  // Next start: the most recent file opens, with the change.
  const second = await launch(browser);
  await expect(second.page.getByTestId('status-file')).toContainText('workshop.plp');
  await openWorkspace(second.page, 'capability-model');
  await expect(capabilityName(second.page)).toContainText(NEW_NAME);
  await expectUnsaved(second.page, false);
});

test('a save that fails on a full disk says so, keeps the edits unsaved and the file intact', async ({ browser }) => {
  const disk = mountTmpfs('256k');
  try {
    const target = join(disk.dir, 'project.plp');
    const { page } = await launch(browser, { dialogs: { save: [target] } });
    await page.getByTestId('save-button').click();
    await expect(savedToast(page)).toBeVisible();
    const before = readFileSync(target);
    // Leave less free space than one more copy of the project needs.
    writeFileSync(join(disk.dir, 'filler.bin'), Buffer.alloc(256 * 1024 - before.length - 16 * 1024));

    await renameCapability(page, NEW_NAME);
    await page.getByTestId('save-button').click();
    const error = page.getByTestId('toast').filter({ hasText: /disk is full/i });
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('data-kind', 'error');
    await expectUnsaved(page, true);
    await expect(capabilityName(page)).toContainText(NEW_NAME);
    await screenshot(page, 'save-failed-disk-full');

    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(disk.dir).sort()).toEqual(['filler.bin', 'project.plp']);
  } finally {
    await studios.closeAll();
    disk.unmount();
  }
});

test('saving over a file changed on disk asks first; Overwrite replaces it', async ({ browser }) => {
  const target = join(studios.dir, 'shared-drive', 'team.plp');
  mkdirSync(dirname(target), { recursive: true });
  const { page } = await launch(browser, { dialogs: { save: [target] } });
  await page.getByTestId('save-button').click();
  await expect(savedToast(page)).toBeVisible();

  // A colleague edits the same file.
  const theirs = readFileSync(target, 'utf8').replace('"Executive communication"', '"Executive communication (edited by a colleague)"');
  writeFileSync(target, theirs);

  await renameCapability(page, NEW_NAME);
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('conflict-overwrite')).toBeVisible();
  await screenshot(page, 'save-conflict');
  await page.getByTestId('conflict-cancel').click();
  expect(readFileSync(target, 'utf8')).toBe(theirs);
  await expectUnsaved(page, true);

  await page.getByTestId('save-button').click();
  await page.getByTestId('conflict-overwrite').click();
  await expect(savedToast(page)).toBeVisible();
  expect(savedProjectAt(target).capabilities.find((c) => c.id === CAPABILITY_ID)?.name).toBe(NEW_NAME);
});

test('after a crash the unsaved work is offered back and recovered', async ({ browser }) => {
  const backups = join(studios.dir, 'user-data', 'backups');
  const target = join(studios.dir, 'projects', 'recovered.plp');
  mkdirSync(dirname(target), { recursive: true });
  const first = await launch(browser, { backupIntervalSeconds: 5 });
  await renameCapability(first.page, NEW_NAME);
  await expect(first.page.getByTestId('status-backup')).toContainText('Backed up', { timeout: 15_000 });
  await first.crash();
  expect(readdirSync(backups).filter((name) => name.endsWith('.json'))).toHaveLength(1);

  const second = await launch(browser, { dialogs: { save: [target] } });
  await expect(second.page.getByTestId('backup-row')).toHaveCount(1);
  await screenshot(second.page, 'recovery-offered');
  await second.page.getByTestId('recover-backup').click();
  await openWorkspace(second.page, 'capability-model');
  await expect(capabilityName(second.page)).toContainText(NEW_NAME);
  await expectUnsaved(second.page, true);

  // The backup stays until the work is saved.
  expect(readdirSync(backups).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  await second.page.keyboard.press('Control+S');
  await expect(savedToast(second.page)).toBeVisible();
  await expect.poll(() => readdirSync(backups).filter((name) => name.endsWith('.json')).length).toBe(0);
  expect(existsSync(target)).toBe(true);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every workspace passes axe-core in ${colorScheme} mode`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme });
    await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
    await expect(page.getByTestId('startup-loading')).toHaveCount(0);
    for (const id of ['needs-analysis', 'capability-model', 'pathways', 'learners-plans', 'export']) {
      await openWorkspace(page, id);
      await settleAnimations(page);
      const results = await new AxeBuilder({ page }).analyze();
      const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(violations, `${id} (${colorScheme})`).toEqual([]);
      await screenshot(page, `${colorScheme}-${id}`);
    }
  });
}

test('closing the window with unsaved changes asks first: Cancel keeps working, Don\'t save closes and drops the backup', async ({ browser }) => {
  const backups = join(studios.dir, 'user-data', 'backups');
  const studio = await launch(browser, { backupIntervalSeconds: 5 });
  const { page } = studio;
  await renameCapability(page, NEW_NAME);
  await expect(page.getByTestId('status-backup')).toContainText('Backed up', { timeout: 15_000 });

  await studio.emit('closeRequested', {});
  await expect(page.getByTestId('unsaved-cancel')).toBeVisible();
  await screenshot(page, 'close-unsaved-prompt');
  await page.getByTestId('unsaved-cancel').click();
  expect(studio.closeConfirmations).toEqual([]);
  await expectUnsaved(page, true);

  await studio.emit('closeRequested', {});
  await page.getByTestId('unsaved-discard').click();
  await expect.poll(() => studio.closeConfirmations).toEqual([1]);
  await expect.poll(() => readdirSync(backups).filter((name) => name.endsWith('.json')).length).toBe(0);
});
