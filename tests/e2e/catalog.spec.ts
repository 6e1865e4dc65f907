/**
 * The activity catalog as a designer uses it: create an activity and fill every field (a
 * javascript: link refused inline, then fixed), filter, duplicate, multi-select and bulk edit
 * with undo/redo, delete with the uses listed, the new activity in the pathway editor's rail,
 * save and reopen; and axe in light and dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseProjectText } from '../../shared/domain/project-file';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const savedToast = (page: Page) => page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) });

const studios = useStudioSessions('plp-e2e-catalog-');
const launch = studios.launch;

async function openCatalog(page: Page): Promise<void> {
  await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
  await page.getByTestId('nav-pathways').click();
  await expect(page.getByTestId('workspace-pathways')).toBeVisible();
  await page.getByTestId('pathways-view').getByText('Activity catalog').click();
  await expect(page.getByTestId('workspace-catalog')).toBeVisible();
}

/** Picks an option of a Mantine Select by its visible words. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

const row = (page: Page, id: string) => page.locator(`[data-testid="catalog-row"][data-id="${id}"]`);
const rowByTitle = (page: Page, title: string) => page.getByTestId('catalog-row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
const editor = (page: Page) => page.getByTestId('activity-editor');

async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.mouse.move(1300, 880);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).include('[data-testid="workspace-catalog"]').analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
}

function savedProjectAt(path: string) {
  const parsed = parseProjectText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the saved file does not parse: ${parsed.error.message}`);
  return parsed.value.project;
}

const TITLE = 'Negotiating access with hospital pharmacy';

test('create and fill an activity, refuse a javascript: link, filter, duplicate, bulk edit with undo/redo, save and reopen', async ({ browser }) => {
  test.setTimeout(180_000);
  const target = join(studios.dir, 'projects', 'catalog.plp');
  mkdirSync(dirname(target), { recursive: true });
  const { page } = await launch(browser, { dialogs: { save: [target] } });
  await openCatalog(page);
  await expect(page.getByTestId('catalog-row')).toHaveCount(22);

  // New activity: the editor opens with the title field focused.
  await page.getByTestId('catalog-new').click();
  await expect(editor(page)).toBeVisible();
  await expect(page.getByTestId('catalog-row')).toHaveCount(23);
  await expect(page.getByTestId('field-title')).toBeFocused();
  await page.getByTestId('field-title').fill(TITLE);
  await page.getByTestId('field-title').press('Enter');
  await expect(rowByTitle(page, TITLE)).toBeVisible();
  const id = (await editor(page).getAttribute('data-id'))!;
  // Typing the title was one undo step, not one per keystroke.
  await row(page, id).getByTestId('catalog-row-open').focus();
  await page.keyboard.press('Control+Z');
  await expect(row(page, id).getByTestId('catalog-row-open')).toHaveText('New activity');
  await page.keyboard.press('Control+Shift+Z');
  await expect(row(page, id).getByTestId('catalog-row-open')).toHaveText(TITLE);
  await page.getByTestId('field-description').fill('Role-play the formulary conversation with a pharmacy director.');
  await page.getByTestId('field-description').blur();

  // Modality: the category follows it while it is the default; then an override.
  await choose(page, 'field-modality', 'Workshop');
  await expect(page.getByTestId('field-category')).toHaveValue(/Formal/);
  await expect(editor(page)).toContainText('The usual one for workshop');
  await choose(page, 'field-category', /Social/);
  await expect(editor(page)).toContainText('Overridden (usually formal)');
  await page.getByTestId('field-hours').fill('20000');
  await page.getByTestId('field-hours').press('Tab');
  await expect(editor(page).getByText('Hours must be a number from 0 to 10,000.')).toBeVisible();
  await page.getByTestId('field-hours').fill('3.5');
  await page.getByTestId('field-hours').press('Tab');
  await choose(page, 'field-delivery', 'Live');

  // A javascript: link is refused inline with the reason, then fixed.
  await page.getByTestId('field-link').fill('javascript:alert(1)');
  await page.getByTestId('field-link').press('Tab');
  await expect(editor(page).getByText('Links must start with http://, https:// or mailto:')).toBeVisible();
  await page.getByTestId('field-link').fill('https://learning.example.com/pharmacy-access');
  await page.getByTestId('field-link').press('Tab');
  await expect(editor(page).getByText('Links must start with http://, https:// or mailto:')).toHaveCount(0);
  await page.getByTestId('field-provider').fill('Meridian Academy');
  await page.getByTestId('field-provider').press('Tab');
  await page.getByTestId('field-cost').fill('€450 per seat');
  await page.getByTestId('field-cost').press('Tab');

  // Capabilities developed, with a level range that may not go down.
  await choose(page, 'develops-add', 'Composure under pressure');
  const composure = editor(page).locator('[data-testid="develops-row"][data-capability="cap-composure"]');
  await expect(composure).toBeVisible();
  await choose(page, 'develops-add', 'Stakeholder influence');
  await composure.getByTestId('develops-to').click();
  await page.getByRole('option', { name: 'Expert' }).click();
  await composure.getByTestId('develops-from').click();
  await page.getByRole('option', { name: 'Skilled' }).click();
  await composure.getByTestId('develops-to').click();
  await page.getByRole('option', { name: 'Beginner' }).click();
  await expect(composure.getByTestId('develops-error')).toHaveText('For Composure under pressure, the from-level (Skilled) must not be above the to-level (Beginner).');
  await expect(composure.getByTestId('develops-to')).toHaveValue('Expert');

  await screenshot(page, 'catalog-new-activity');
  // Beside the editor the table is compact; closed, every column shows.
  await page.getByTestId('editor-close').click();
  await expect(editor(page)).toHaveCount(0);
  const created = row(page, id);
  await expect(created).toContainText('Workshop');
  await expect(created).toContainText('Social');
  await expect(created).toContainText('3.5 h');
  await expect(created).toContainText('Live');
  await expect(created).toContainText('Meridian Academy');
  await expect(created).toContainText('Composure under pressure, Stakeholder influence');
  await screenshot(page, 'catalog-table-full');

  // Filters: by modality, then by capability; a search that matches nothing offers to clear.
  await choose(page, 'catalog-filter-modality', 'Workshop');
  await expect(page.getByTestId('catalog-row')).toHaveCount(4);
  await expect(created).toBeVisible();
  await page.getByTestId('catalog-filter-modality').locator('xpath=..').locator('button').click();
  await expect(page.getByTestId('catalog-row')).toHaveCount(23);
  await choose(page, 'catalog-filter-capability', 'Composure under pressure');
  await expect(created).toBeVisible();
  const withComposure = await page.getByTestId('catalog-row').count();
  expect(withComposure).toBeLessThan(23);
  await expect(row(page, 'act-ep-webinar-access')).toHaveCount(0);
  await page.getByTestId('catalog-filter-search').fill('no such activity anywhere');
  await expect(page.getByTestId('catalog-no-match')).toBeVisible();
  await page.getByTestId('catalog-clear-filters').click();
  await expect(page.getByTestId('catalog-row')).toHaveCount(23);

  // Duplicate from the keyboard (Ctrl+D on the row), then delete the copy with the Delete key.
  await created.getByTestId('catalog-row-open').focus();
  await page.keyboard.press('Control+D');
  await expect(page.getByTestId('catalog-row')).toHaveCount(24);
  const copy = rowByTitle(page, `${TITLE} (copy)`);
  await expect(copy).toBeVisible();
  await expect(editor(page).getByTestId('field-title')).toHaveValue(`${TITLE} (copy)`);
  await page.getByTestId('editor-close').click();
  await expect(copy).toContainText('Composure under pressure, Stakeholder influence');
  const copyId = (await copy.getAttribute('data-id'))!;
  expect(copyId).not.toBe(id);
  // The copy sits right after its original.
  const order = await page.getByTestId('catalog-row').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-id')));
  expect(order.indexOf(copyId)).toBe(order.indexOf(id) + 1);
  await copy.getByTestId('catalog-row-open').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-dialog')).toContainText('It is not used in any pathway or plan.');
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('catalog-row')).toHaveCount(23);

  // Deleting an activity a pathway uses lists where, and what happens there.
  await row(page, 'act-ep-podcast-presence').getByTestId('catalog-row-open').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-uses')).toContainText('Option step');
  await expect(page.getByTestId('delete-uses')).toContainText('taken out of the group’s choices');
  await page.getByTestId('confirm-cancel').click();
  await expect(row(page, 'act-ep-podcast-presence')).toBeVisible();

  // Multi-select two rows (and a shift-click range), bulk-set the category; undo and redo it.
  await expect(editor(page)).toHaveCount(0);
  await row(page, 'act-ep-workshop-boardroom').getByTestId('catalog-row-check').click();
  await row(page, 'act-ep-video-hard-questions').getByTestId('catalog-row-check').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('2 selected');
  await choose(page, 'bulk-category', /Experiential/);
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).toContainText('Experiential');
  await expect(row(page, 'act-ep-podcast-presence')).toContainText('Formal');
  await screenshot(page, 'catalog-bulk');
  await page.getByTestId('catalog-table').click({ position: { x: 300, y: 10 } });
  await page.keyboard.press('Control+Z');
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).toContainText('Formal');
  await page.keyboard.press('Control+Shift+Z');
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).toContainText('Experiential');
  // Add a capability to both at once.
  await page.getByTestId('bulk-capability').click();
  await page.getByTestId('bulk-capability-select').click();
  await page.getByRole('option', { name: 'Scientific credibility in clinical conversations' }).click();
  await page.getByTestId('bulk-capability-apply').click();
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).toContainText('Scientific credibility');
  // …and remove it from both; undo puts it back.
  await page.getByTestId('bulk-capability').click();
  await page.getByTestId('bulk-capability-select').click();
  await page.getByRole('option', { name: 'Scientific credibility in clinical conversations' }).click();
  await page.getByTestId('bulk-capability-remove').click();
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).not.toContainText('Scientific credibility');
  await page.getByTestId('catalog-table').click({ position: { x: 300, y: 10 } });
  await page.keyboard.press('Control+Z');
  for (const activityId of ['act-ep-workshop-boardroom', 'act-ep-video-hard-questions']) await expect(row(page, activityId)).toContainText('Scientific credibility');
  await row(page, 'act-ep-micro-daily').getByTestId('catalog-row-check').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText(/selected/);
  const rangeCount = await page.locator('[data-testid="catalog-row"][data-selected]').count();
  expect(rangeCount).toBeGreaterThanOrEqual(3);
  await page.getByTestId('bulk-clear').click();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);

  // Ctrl+A selects every shown activity.
  await row(page, 'act-ep-360-pre').getByTestId('catalog-row-open').focus();
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('bulk-count')).toHaveText('23 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);

  // The new activity is in the pathway editor's catalog rail.
  await page.getByTestId('pathways-view').getByText('Frameworks').click();
  await expect(page.locator('.react-flow__renderer')).toBeVisible();
  await page.getByTestId('catalog-search').fill('hospital pharmacy');
  await expect(page.locator(`[data-testid="catalog-activity"][data-id="${id}"]`)).toBeVisible();

  // Save, reopen: everything is there.
  await page.keyboard.press('Control+S');
  await expect(savedToast(page)).toBeVisible();
  const saved = savedProjectAt(target);
  expect(saved.activities.find((activity) => activity.id === id)).toEqual({
    id,
    title: TITLE,
    description: 'Role-play the formulary conversation with a pharmacy director.',
    modality: 'workshop',
    category: 'social',
    hours: 3.5,
    link: 'https://learning.example.com/pharmacy-access',
    provider: 'Meridian Academy',
    cost: '€450 per seat',
    delivery: 'live',
    develops: [
      { capabilityId: 'cap-composure', fromLevelId: 'skilled', toLevelId: 'expert' },
      { capabilityId: 'cap-stakeholder-influence', fromLevelId: 'beginner', toLevelId: 'intermediate' },
    ],
  });
  const boardroom = saved.activities.find((activity) => activity.id === 'act-ep-workshop-boardroom');
  expect(boardroom?.category).toBe('experiential');
  expect(boardroom?.develops.map((development) => development.capabilityId)).toContain('cap-scientific-credibility');
  await studios.closeAll();

  const second = await launch(browser);
  await expect(second.page.getByTestId('status-file')).toContainText('catalog.plp');
  await second.page.getByTestId('nav-pathways').click();
  await second.page.getByTestId('pathways-view').getByText('Activity catalog').click();
  await expect(second.page.getByTestId('catalog-row')).toHaveCount(23);
  await row(second.page, id).getByTestId('catalog-row-open').click();
  await expect(second.page.getByTestId('field-title')).toHaveValue(TITLE);
  await expect(second.page.getByTestId('field-link')).toHaveValue('https://learning.example.com/pharmacy-access');
  await expect(second.page.getByTestId('field-cost')).toHaveValue('€450 per seat');
  await expect(second.page.getByTestId('field-category')).toHaveValue(/Social/);
  await expect(editor(second.page).getByTestId('develops-row')).toHaveCount(2);
  await expect(row(second.page, 'act-ep-workshop-boardroom')).toContainText('Experiential');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the catalog passes axe-core with the detail editor and the bulk bar open (${colorScheme})`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme });
    await openCatalog(page);
    await expectAccessible(page, `table (${colorScheme})`);
    await row(page, 'act-ep-mentoring-senior').getByTestId('catalog-row-open').click();
    await expect(editor(page)).toBeVisible();
    await expectAccessible(page, `table with the detail editor (${colorScheme})`);
    await screenshot(page, `catalog-editor-${colorScheme}`);
    await row(page, 'act-ep-coaching-exec').getByTestId('catalog-row-check').click();
    await row(page, 'act-ep-cop-case-clinic').getByTestId('catalog-row-check').click();
    await expect(page.getByTestId('bulk-bar')).toBeVisible();
    await expectAccessible(page, `bulk bar (${colorScheme})`);
    await screenshot(page, `catalog-bulk-${colorScheme}`);
    await page.getByTestId('catalog-filter-search').fill('nothing matches this');
    await expect(page.getByTestId('catalog-no-match')).toBeVisible();
    await expectAccessible(page, `no match (${colorScheme})`);

    // Delete everything (the uses are listed and detached), see the empty state, undo.
    await page.getByTestId('catalog-clear-filters').click();
    await row(page, 'act-ep-360-pre').getByTestId('catalog-row-open').focus();
    await page.keyboard.press('Control+A');
    await expect(page.getByTestId('bulk-count')).toHaveText('22 selected');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('delete-uses').locator('li')).toHaveCount(16);
    await expect(page.getByTestId('delete-uses')).toContainText('the step is removed, with its connections');
    await page.getByTestId('confirm-accept').click();
    await expect(page.getByTestId('catalog-empty')).toBeVisible();
    await expectAccessible(page, `empty catalog (${colorScheme})`);
    await screenshot(page, `catalog-empty-${colorScheme}`);
    await page.getByTestId('undo-button').click();
    await expect(page.getByTestId('catalog-row')).toHaveCount(22);
  });
}
