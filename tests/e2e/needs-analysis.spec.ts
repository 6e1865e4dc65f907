/**
 * Needs analysis and the capability model, as a consultant runs them in a workshop: findings
 * captured by keyboard with completion, role targets set in the matrix like a spreadsheet, a
 * capability added and described level by level, a referenced capability deleted and brought
 * back with every reference, the scale edited, everything saved and reopened. Axe on every
 * view, screenshots in both schemes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseProjectText } from '../../shared/domain/project-file';
import type { Project } from '../../shared/domain/schema';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const AM = 'role-am-cell-therapy';
const COMPOSURE = 'cap-composure';
const STORYTELLING = 'cap-data-storytelling';

// Long, realistic flows with axe-core runs on large pages.
test.describe.configure({ timeout: 180_000 });

const studios = useStudioSessions('plp-e2e-na-', { waitForProject: true });
const launch = studios.launch;

/** Park the mouse where it opens no tooltip (the navigation's shortcut hints are portals outside any landmark). */
async function parkMouse(page: Page): Promise<void> {
  await page.mouse.move(1000, 100);
  await expect(page.locator('.mantine-Tooltip-tooltip')).toHaveCount(0);
}

async function openWorkspace(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`workspace-${id}`)).toBeVisible();
  await parkMouse(page);
}

/** Axe-core on what is on screen now; fails with every violation and where it is. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
}

const cell = (page: Page, roleId: string, capabilityId: string): Locator => page.locator(`[data-testid="target-cell"][data-role="${roleId}"][data-capability="${capabilityId}"]`);
const capabilityRow = (page: Page, id: string): Locator => page.locator(`[data-testid="capability-row"][data-id="${id}"]`);
const savedToast = (page: Page) => page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) });

function savedProject(path: string): Project {
  const parsed = parseProjectText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

/** Everything but the save time. */
const content = (project: Project) => ({ ...project, meta: { ...project.meta, modifiedAt: '' } });

test('a workshop: capture, link, set targets, describe a new capability, delete and undo, save and reopen', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'workshop.plp');
  mkdirSync(dirname(target), { recursive: true });
  const first = await launch(browser, { dialogs: { save: [target] } });
  const { page } = first;
  await expect(page.getByTestId('finding-row')).toHaveCount(12);

  // ---- Quick capture, keyboard only: "/" jumps to the box.
  await page.keyboard.press('/');
  const capture = page.getByTestId('quick-capture-input');
  await expect(capture).toBeFocused();

  await page.keyboard.type('Pricing conversations stall with hospital finance leads ');
  await page.keyboard.type('#strat');
  await expect(page.getByTestId('completion-option').first()).toContainText('Strategic business acumen');
  await screenshot(page, 'light-needs-analysis-completion');
  await expectAccessible(page, 'quick capture with the completion list open');
  await page.keyboard.press('Enter'); // picks the capability
  await page.keyboard.type('@senior');
  await expect(page.getByTestId('completion-option').first()).toContainText('Senior Account Manager');
  await page.keyboard.press('Enter'); // picks the role
  await expect(page.getByTestId('capture-link')).toHaveCount(2);
  await expect(capture).toHaveValue('Pricing conversations stall with hospital finance leads ');
  await page.keyboard.press('Enter'); // adds the finding
  await expect(page.getByTestId('finding-row')).toHaveCount(13);
  await expect(capture).toBeFocused();
  await expect(capture).toHaveValue('');
  const newest = page.getByTestId('finding-row').first();
  await expect(newest.getByTestId('finding-statement')).toContainText('Pricing conversations stall with hospital finance leads');
  await expect(newest.getByTestId('finding-capabilities')).toContainText('Strategic business acumen');
  await expect(newest.getByTestId('finding-roles')).toContainText('Senior Account Manager, Cell Therapy');

  // Second finding at high priority: Tab to the priority control, pick High with the arrows, Shift+Tab back.
  await page.keyboard.press('Tab'); // source
  await page.keyboard.press('Tab'); // priority (the checked option)
  await page.keyboard.press('ArrowLeft'); // High
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(capture).toBeFocused();
  await page.keyboard.type('Few account managers have ever attended a tumour board meeting');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding-row')).toHaveCount(14);
  await expect(page.getByTestId('finding-row').first().locator('.plp-priority')).toHaveText('High');

  // Third: a plain tag via "#".
  await page.keyboard.type('Follow-up notes after executive meetings arrive late #followup');
  await expect(page.getByTestId('completion-option').last()).toContainText('#followup');
  await page.keyboard.press('ArrowUp'); // wraps to the last option: the tag
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding-row')).toHaveCount(15);
  await expect(page.getByTestId('finding-row').first().getByTestId('finding-tags')).toContainText('#followup');
  await expect(page.getByTestId('capture-status')).toContainText('3 this session');
  await screenshot(page, 'light-needs-analysis-captured');
  await expectAccessible(page, 'needs analysis after capture');

  // ---- Role targets, in the matrix by keyboard.
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('workspace-capability-model')).toBeVisible();
  await page.getByTestId('tab-roles').click();
  await parkMouse(page);
  const composure = cell(page, AM, COMPOSURE);
  await expect(composure).toContainText('Skilled');
  await expect(composure).toContainText('Important');
  await cell(page, AM, 'cap-exec-communication').focus();
  await page.keyboard.press('ArrowDown');
  await expect(composure).toBeFocused();
  await page.keyboard.press('4'); // level 4 (Expert), editor open
  await expect(page.getByTestId('target-level-select')).toBeFocused();
  await expect(page.getByTestId('target-level-select')).toHaveValue('expert');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp'); // Important → Critical
  await expect(page.getByTestId('target-importance-select')).toHaveValue('critical');
  await screenshot(page, 'light-targets-editing');
  await page.keyboard.press('Enter');
  await expect(composure).toContainText('Expert');
  await expect(composure).toContainText('Critical');
  await expect(cell(page, AM, STORYTELLING)).toBeFocused(); // Enter moved down, like a spreadsheet
  // Escape cancels an edit.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(cell(page, AM, STORYTELLING)).toContainText('Skilled');
  await expect(cell(page, AM, STORYTELLING)).toBeFocused();
  // Delete clears; Ctrl+Z brings it back.
  await page.keyboard.press('Delete');
  await expect(cell(page, AM, STORYTELLING)).toContainText('No target');
  await page.keyboard.press('Control+Z');
  await expect(cell(page, AM, STORYTELLING)).toContainText('Skilled');
  await expectAccessible(page, 'roles and targets');

  // ---- A new capability, described at every level.
  await page.getByTestId('tab-capabilities').click();
  await page.locator('[data-testid="add-capability"][data-id="dom-presence"]').click();
  await page.keyboard.type('Handling hostile questions');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const added = page.getByTestId('capability-row').filter({ hasText: 'Handling hostile questions' });
  await expect(added).toHaveCount(1);
  await added.getByTestId('capability-details').click();
  const drawer = page.getByTestId('capability-drawer');
  await expect(page.getByTestId('detail-title')).toHaveText('Handling hostile questions');
  const indicators: Record<string, string> = {
    beginner: 'Answers a hostile question without getting defensive, with a prepared line.',
    intermediate: 'Acknowledges the concern, bridges to evidence, and checks it landed.',
    skilled: 'Reframes a hostile question into a shared problem in front of senior leaders.',
    expert: 'Coaches peers on handling hostile questions in high-stakes meetings.',
  };
  for (const [level, statement] of Object.entries(indicators)) {
    const field = drawer.locator(`[data-testid="indicator-input"][data-level="${level}"]`);
    await field.fill(`${statement}\nKeeps their voice level.`);
    await field.press('Tab');
  }
  await drawer.getByTestId('detail-external-id').fill('EP-COM-04');
  await drawer.getByTestId('detail-external-id').press('Enter');
  await expect(drawer.locator('[data-testid="indicator-level"][data-level="expert"]')).toContainText('2 statements');
  await screenshot(page, 'light-capability-details');
  await expectAccessible(page, 'capability details');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail-title')).toBeHidden();
  await expect(added.getByTestId('indicator-coverage')).toHaveText('4 of 4 levels');
  await expect(added.getByTestId('capability-external-id')).toHaveText('EP-COM-04');

  // Save before the deletion, to compare with after the undo (once the panel has gone: a dialog owns the keyboard).
  await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  await page.keyboard.press('Control+S');
  await expect(savedToast(page)).toBeVisible();
  const beforeDelete = savedProject(target);
  expect(beforeDelete.findings).toHaveLength(15);

  // ---- Delete a referenced capability: the dialog says what refers to it.
  await page.locator(`[data-testid="capability-menu"][data-id="${COMPOSURE}"]`).click();
  await page.getByTestId('capability-delete').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  const lines = dialog.getByTestId('reference-line');
  await expect(lines.filter({ hasText: '3 role targets' })).toHaveCount(1);
  await expect(lines.filter({ hasText: /link from \d+ findings/ })).toHaveCount(1);
  await expect(lines.filter({ hasText: /learner assessments/ })).toHaveCount(1);
  await expect(lines.filter({ hasText: /activities say they develop/ })).toHaveCount(1);
  await expect(lines.filter({ hasText: /framework/ })).toHaveCount(1);
  await expect(page.getByTestId('confirm-cancel')).toBeFocused();
  await screenshot(page, 'light-delete-capability-confirm');
  await expectAccessible(page, 'delete confirmation');
  await page.getByTestId('confirm-accept').click();
  await expect(capabilityRow(page, COMPOSURE)).toHaveCount(0);
  await page.getByTestId('tab-roles').click();
  await expect(cell(page, AM, COMPOSURE)).toHaveCount(0);

  // One undo brings the capability and every reference back.
  await page.keyboard.press('Control+Z');
  await expect(cell(page, AM, COMPOSURE)).toContainText('Expert');
  await page.getByTestId('tab-capabilities').click();
  await expect(capabilityRow(page, COMPOSURE)).toHaveCount(1);
  // Undo gave back the very snapshot that was saved: the project is clean again.
  await expect(page.getByTestId('status-saved')).toHaveAttribute('data-state', 'saved');
  await page.keyboard.press('Control+S');
  expect(content(savedProject(target))).toEqual(content(beforeDelete));
  await first.close();

  // ---- Next start: the most recent file opens, with all of it.
  const second = await launch(browser);
  const again = second.page;
  await expect(again.getByTestId('status-file')).toContainText('workshop.plp');
  await expect(again.getByTestId('finding-row')).toHaveCount(15);
  await expect(again.getByTestId('finding-row').nth(2).getByTestId('finding-capabilities')).toContainText('Strategic business acumen');
  await openWorkspace(again, 'capability-model');
  await expect(again.getByTestId('capability-row').filter({ hasText: 'Handling hostile questions' }).getByTestId('indicator-coverage')).toHaveText('4 of 4 levels');
  await again.getByTestId('tab-roles').click();
  await expect(cell(again, AM, COMPOSURE)).toContainText('Expert');
  await expect(cell(again, AM, COMPOSURE)).toContainText('Critical');
});

test('capabilities and domains reorder with Alt+arrows and buttons; delete from the panel; search filters', async ({ browser }) => {
  const { page } = await launch(browser);
  await openWorkspace(page, 'capability-model');
  const presence = page.locator('[data-testid="domain-section"][data-id="dom-presence"] [data-testid="capability-row"]');
  await expect(presence).toHaveCount(3);
  await expect(presence.first()).toHaveAttribute('data-id', 'cap-exec-communication');

  await page.locator('[data-testid="capability-name"][data-id="cap-exec-communication"]').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(presence.nth(1)).toHaveAttribute('data-id', 'cap-exec-communication');
  await expect(page.locator('[data-testid="capability-name"][data-id="cap-exec-communication"]')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown'); // past the end of the domain: into the next one
  await expect(capabilityRow(page, 'cap-exec-communication')).toHaveCount(1);
  await expect(page.locator('[data-testid="domain-section"][data-id="dom-influence"] [data-testid="capability-row"]').first()).toHaveAttribute('data-id', 'cap-exec-communication');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(presence.last()).toHaveAttribute('data-id', 'cap-exec-communication');

  // The buttons do the same.
  await page.locator('[data-testid="capability-move-up"][data-id="cap-exec-communication"]').click();
  await expect(presence.nth(1)).toHaveAttribute('data-id', 'cap-exec-communication');

  // Domains move the same way, from their header.
  await page.locator('[data-testid="domain-move-down"][data-id="dom-presence"]').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('domain-section').nth(1)).toHaveAttribute('data-id', 'dom-presence');
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('domain-section').first()).toHaveAttribute('data-id', 'dom-presence');

  // Deleting from the detail panel asks over it; Cancel keeps everything, Delete closes the panel.
  await page.locator('[data-testid="capability-details"][data-id="cap-data-storytelling"]').click();
  await page.getByTestId('detail-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await expect(page.getByTestId('confirm-cancel')).toBeFocused();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  await expect(page.getByTestId('detail-title')).toHaveText('Storytelling with data');
  await page.getByTestId('detail-delete').click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('detail-title')).toBeHidden();
  await expect(capabilityRow(page, 'cap-data-storytelling')).toHaveCount(0);
  await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(capabilityRow(page, 'cap-data-storytelling')).toHaveCount(1);

  await page.getByTestId('capability-search').fill('EP-CRD');
  await expect(page.getByTestId('capability-row')).toHaveCount(2);
  await expect(page.getByTestId('search-count')).toContainText('2 of 8 capabilities match');
  await page.getByTestId('capability-search').press('Escape');
  await expect(page.getByTestId('capability-row')).toHaveCount(8);
});

test('the scale: rename, reorder by keyboard, remove a level in use by remapping it, undo', async ({ browser }) => {
  const { page } = await launch(browser);
  await openWorkspace(page, 'capability-model');
  await page.getByTestId('edit-scale').click();
  await expect(page.getByTestId('scale-editor')).toBeVisible();
  const rows = page.getByTestId('level-row');
  await expect(rows).toHaveCount(4);

  const label = page.locator('[data-testid="level-label"][data-id="expert"]');
  await label.fill('Role model');
  await label.press('Enter');
  await expect(page.getByTestId('scale-levels')).toContainText('Role model');
  await label.press('Alt+ArrowUp');
  await expect(rows.nth(2)).toHaveAttribute('data-id', 'expert');
  await page.locator('[data-testid="level-move-down"][data-id="expert"]').focus();
  await page.keyboard.press('Control+Z'); // the project's undo (in a text field it would be the field's)
  await expect(rows.nth(3)).toHaveAttribute('data-id', 'expert');

  // Remove "Skilled": it is in use, so the studio asks where its uses go.
  await page.locator('[data-testid="level-remove"][data-id="skilled"]').click();
  const panel = page.getByTestId('remove-level-panel');
  await expect(panel).toContainText('role target');
  await expect(panel).toContainText('assessment');
  await expect(panel).toContainText('indicators in 8 capabilities');
  await expect(panel).toContainText('activity range');
  await page.getByTestId('remap-level').click();
  await page.getByRole('option', { name: '2 · Intermediate' }).click();
  await screenshot(page, 'light-scale-remove-level');
  await expectAccessible(page, 'scale editor with the remap panel');
  await page.getByTestId('remove-level-confirm').click();
  await expect(rows).toHaveCount(3);
  await page.getByTestId('tab-roles').click();
  await expect(cell(page, AM, 'cap-exec-communication')).toContainText('Intermediate');
  await page.keyboard.press('Control+Z');
  await expect(cell(page, AM, 'cap-exec-communication')).toContainText('Skilled');
  await page.getByTestId('tab-scale').click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('add-level')).toBeEnabled();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`both workspaces and their editors pass axe-core in ${colorScheme} mode`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme });
    await openWorkspace(page, 'needs-analysis');
    await expectAccessible(page, `needs analysis (${colorScheme})`);
    await screenshot(page, `${colorScheme}-na-findings`);

    await page.getByTestId('finding-edit').first().click();
    await expect(page.getByTestId('finding-form-statement')).toBeVisible();
    await expectAccessible(page, `finding editor (${colorScheme})`);
    await screenshot(page, `${colorScheme}-na-finding-editor`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('finding-form-statement')).toBeHidden();

    await openWorkspace(page, 'capability-model');
    await expectAccessible(page, `capabilities (${colorScheme})`);
    await screenshot(page, `${colorScheme}-cm-capabilities`);

    await page.locator('[data-testid="capability-details"][data-id="cap-exec-communication"]').click();
    await expect(page.getByTestId('detail-title')).toHaveText('Executive communication');
    await expectAccessible(page, `capability details (${colorScheme})`);
    await screenshot(page, `${colorScheme}-cm-details`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('detail-title')).toBeHidden();

    await page.getByTestId('tab-roles').click();
    await parkMouse(page);
    await screenshot(page, `${colorScheme}-cm-roles`);
    await cell(page, AM, COMPOSURE).click();
    await parkMouse(page);
    await expectAccessible(page, `roles and targets (${colorScheme})`);
    await screenshot(page, `${colorScheme}-cm-targets-matrix`);

    await page.getByTestId('tab-scale').click();
    await parkMouse(page);
    await expectAccessible(page, `scale (${colorScheme})`);
    await screenshot(page, `${colorScheme}-cm-scale`);
  });
}

test('a blank project teaches what each workspace is for and starts from the keyboard', async ({ browser }) => {
  const studio = await launch(browser);
  const { page } = studio;
  await studio.emit('menuCommand', { command: 'new-project' });
  await expect(page.getByTestId('empty-needs-analysis')).toBeVisible();
  await parkMouse(page);
  await expectAccessible(page, 'blank needs analysis');
  await screenshot(page, 'light-na-blank');

  // Capturing works before any capability exists: "#" then offers only a tag.
  await page.keyboard.press('/');
  await page.keyboard.type('Managers want shorter plans #brevity');
  await expect(page.getByTestId('completion-option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding-row')).toHaveCount(1);

  await openWorkspace(page, 'capability-model');
  await expect(page.getByTestId('empty-capability-model')).toBeVisible();
  await expectAccessible(page, 'blank capability model');
  await screenshot(page, 'light-cm-blank');
  await page.getByTestId('empty-capability-model').getByRole('button', { name: 'Add the first domain' }).click();
  await expect(page.getByTestId('new-domain-name')).toBeFocused();
  await page.keyboard.type('Customer engagement');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('domain-section')).toHaveCount(1);
  await expect(page.getByTestId('add-capability')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Discovery conversations');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Objection handling');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('capability-row')).toHaveCount(2);

  await page.getByTestId('tab-roles').click();
  await expect(page.getByTestId('matrix-empty')).toBeVisible();
  await page.getByTestId('new-role-name').fill('Field sales representative');
  await page.getByTestId('new-role-team').fill('Sales');
  await page.getByTestId('new-role-team').press('Enter');
  await expect(page.getByTestId('role-row')).toHaveCount(1);
  const first = page.getByTestId('target-cell').first();
  await first.click();
  await page.keyboard.press('2'); // Intermediate
  await page.keyboard.press('Enter');
  await expect(first).toContainText('Intermediate');
  await expect(first).toContainText('Important');
  await parkMouse(page);
  await screenshot(page, 'light-cm-first-role');
});
