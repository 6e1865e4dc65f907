/**
 * Learners & plans, as a consultant uses them: generate a sample learner's plan, override an
 * optional pick (the timeline follows), agree the plan, record a post-assessment, see the gain on
 * the dashboard, save and reopen. axe-core on every view, screenshots in light and dark.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const PRIYA = 'learner-priya-nair';

const studios = useStudioSessions('plp-plans-e2e-');
const launch = studios.launch;

async function openWorkspace(page: Page): Promise<void> {
  await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
  await page.getByTestId('nav-learners-plans').click();
  await expect(page.getByTestId('workspace-learners-plans')).toBeVisible();
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  // A hover tooltip left over from the last click is transient, not part of the view.
  await page.mouse.move(1300, 120);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
}

const learnerRow = (page: Page, id: string) => page.locator(`[data-testid="learner-row"][data-id="${id}"]`);

test('generate, override, agree, assess, see the gain; save and reopen', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'cohort.plp');
  mkdirSync(dirname(target), { recursive: true });
  const first = await launch(browser, { dialogs: { save: [target] } });
  const { page } = first;
  await openWorkspace(page);
  await expect(page.getByTestId('learner-row')).toHaveCount(12);
  await expectAccessible(page, 'roster');

  // Search narrows the roster.
  await page.getByTestId('learner-search').fill('priya');
  await expect(page.getByTestId('learner-row')).toHaveCount(1);
  await page.getByTestId('learner-search').fill('');

  // Generate Priya's plan: one step.
  await learnerRow(page, PRIYA).getByTestId('learner-generate').click();
  await expect(page.getByRole('dialog', { name: /Generate the plan of Priya Nair/ })).toBeVisible();
  await page.getByTestId('generate-confirm').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(learnerRow(page, PRIYA).getByTestId('plan-status-badge')).toHaveText('Draft');

  await learnerRow(page, PRIYA).getByTestId('learner-open').click();
  const editor = page.getByTestId('plan-editor');
  await expect(editor).toBeVisible();
  for (const number of [1, 2, 3, 4, 5, 6]) await expect(page.getByTestId(`plan-section-${number}`)).toBeVisible();
  await expect(page.getByTestId('plan-timeline')).toBeVisible();
  await expectAccessible(page, 'plan editor');

  // Override an optional pick: swap it for another member of its group.
  const pick = page.getByTestId('plan-item').filter({ has: page.getByTestId('item-swap') }).first();
  const pickedTitle = (await pick.locator('p').first().textContent())!.trim();
  await pick.getByTestId('item-swap').click();
  await page.getByTestId('override-activity').click();
  const option = page.getByRole('option').first();
  const chosenTitle = (await option.textContent())!.trim();
  await option.click();
  await page.getByTestId('override-reason').fill('Priya prefers practising live with peers.');
  await page.getByTestId('override-confirm').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const swapped = page.locator('[data-testid="plan-item"][data-status="planned"]').filter({ hasText: chosenTitle });
  await expect(swapped.getByTestId('manual-badge')).toHaveText('Manual override');
  await expect(page.getByTestId('plan-item').filter({ hasText: pickedTitle }).first()).toHaveAttribute('data-status', 'skipped');
  // The timeline follows: the chosen option is drawn, marked manual; the swapped-out pick is gone.
  const timeline = page.getByTestId('plan-timeline');
  await expect(timeline).toContainText(chosenTitle.slice(0, 20));
  await expect(timeline).toContainText('manual');
  await expect(timeline).not.toContainText(pickedTitle.slice(0, 20));
  await screenshot(page, 'plans-editor-light');

  // Regenerating shows what would change and keeps the override.
  await page.getByTestId('plan-generate').click();
  await expect(page.getByTestId('generate-keep-overrides')).toBeChecked();
  await screenshot(page, 'plans-regenerate-review-light');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Agree the plan.
  await page.getByTestId('plan-status').getByText('Agreed', { exact: true }).click();
  await expect(page.getByTestId('plan-status-badge').first()).toHaveText('Agreed');

  // Record a post-assessment: Composure intermediate (pre) → skilled (post).
  await page.getByTestId('view-assessments').click();
  const post = page.locator('[data-testid="assessment-level"][data-capability="cap-composure"][data-kind="post"]');
  await post.selectOption('skilled');
  await expect(post).toHaveValue('skilled');
  await expectAccessible(page, 'assessment grid');
  await screenshot(page, 'plans-assessments-light');

  // The gain on the dashboard.
  await page.getByTestId('tab-progress').click();
  const gain = page.locator(`[data-testid="gain-row"][data-learner="${PRIYA}"][data-capability="cap-composure"]`);
  await expect(gain.getByTestId('gain-value')).toHaveText('+1 level');
  await expect(gain).toContainText('50%');
  await expect(page.getByTestId('plan-status-counts')).toContainText('Agreed');
  await expectAccessible(page, 'progress dashboard');
  await screenshot(page, 'plans-gain-light');

  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('cohort-row')).toHaveCount(1);
  await expectAccessible(page, 'cohort timeline');

  // Save, then the next start reopens the file with everything in it.
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) })).toBeVisible();
  await first.close();

  const second = await launch(browser);
  await expect(second.page.getByTestId('status-file')).toContainText('cohort.plp');
  await openWorkspace(second.page);
  await expect(learnerRow(second.page, PRIYA).getByTestId('plan-status-badge')).toHaveText('Agreed');
  await learnerRow(second.page, PRIYA).getByTestId('learner-open').click();
  await expect(second.page.locator('[data-testid="plan-item"][data-status="planned"]').filter({ hasText: chosenTitle }).getByTestId('manual-badge')).toBeVisible();
  await second.page.getByTestId('tab-progress').click();
  await expect(second.page.locator(`[data-testid="gain-row"][data-learner="${PRIYA}"][data-capability="cap-composure"]`).getByTestId('gain-value')).toHaveText('+1 level');
});

test('cohort generation is one undo step; deleting a learner says what goes with them', async ({ browser }) => {
  const { page } = await launch(browser);
  await openWorkspace(page);
  await page.getByTestId('generate-cohort').click();
  await expect(page.getByTestId('generate-confirm')).toHaveText('Generate 12 plans');
  await page.getByTestId('generate-confirm').click();
  await expect(page.getByTestId('plan-status-badge')).toHaveCount(12);
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('plan-status-badge')).toHaveCount(0);
  await page.getByTestId('redo-button').click();
  await expect(page.getByTestId('plan-status-badge')).toHaveCount(12);

  await learnerRow(page, PRIYA).getByTestId('learner-delete').click();
  await expect(page.getByTestId('delete-learner-dialog')).toContainText('6 assessments and their learning plan');
  await page.getByTestId('delete-learner-confirm').click();
  await expect(page.getByTestId('learner-row')).toHaveCount(11);
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('learner-row')).toHaveCount(12);
  await expect(learnerRow(page, PRIYA).getByTestId('plan-status-badge')).toHaveText('Draft');

  // Add a learner through the drawer.
  await page.getByTestId('add-learner').click();
  await page.getByTestId('learner-name').fill('Ana Silva');
  await page.getByTestId('learner-save').click();
  await expect(page.getByTestId('learner-row')).toHaveCount(13);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every Learners & plans view passes axe-core in ${colorScheme} mode`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme });
    await openWorkspace(page);
    await page.getByTestId('generate-cohort').click();
    await page.getByTestId('generate-confirm').click();
    await expect(page.getByTestId('plan-status-badge')).toHaveCount(12);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expectAccessible(page, `roster (${colorScheme})`);
    await screenshot(page, `plans-roster-${colorScheme}`);

    await learnerRow(page, PRIYA).getByTestId('learner-open').click();
    await expect(page.getByTestId('plan-editor')).toBeVisible();
    await screenshot(page, `plans-plan-top-${colorScheme}`);
    await page.getByTestId('plan-section-2').scrollIntoViewIfNeeded();
    await screenshot(page, `plans-goals-${colorScheme}`);
    await page.getByTestId('plan-edit-dates').click();
    await expectAccessible(page, `plan (${colorScheme})`);
    await screenshot(page, `plans-plan-${colorScheme}`);
    await page.getByTestId('plan-section-4').scrollIntoViewIfNeeded();
    await screenshot(page, `plans-timeline-${colorScheme}`);

    await page.getByTestId('view-assessments').click();
    await expectAccessible(page, `assessments (${colorScheme})`);
    await screenshot(page, `plans-assessments-${colorScheme}`);

    await page.getByTestId('tab-timeline').click();
    await expect(page.getByTestId('cohort-row')).toHaveCount(12);
    await expectAccessible(page, `cohort timeline (${colorScheme})`);
    await screenshot(page, `plans-cohort-${colorScheme}`);

    await page.getByTestId('tab-progress').click();
    await expectAccessible(page, `progress (${colorScheme})`);
    await screenshot(page, `plans-progress-${colorScheme}`);
  });
}
