/**
 * The pathway builder as a designer uses it: a new framework built from the palette with real
 * mouse drags, connected by dragging handles, live validation going from problems to clean,
 * undo/redo (a drag is one step), save and reopen; the keyboard; axe; and a 1,000-step framework.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseProjectText, serializeProject } from '../../shared/domain/project-file';
import { withLargeFramework } from '../bench/large-framework';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const savedToast = (page: Page) => page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) });

const studios = useStudioSessions('plp-e2e-pathways-');
const launch = studios.launch;

async function openPathways(page: Page): Promise<void> {
  await expect(page.getByTestId('project-title')).toContainText('Executive Presence');
  await page.getByTestId('nav-pathways').click();
  await expect(page.getByTestId('workspace-pathways')).toBeVisible();
  await expect(page.locator('.react-flow__renderer')).toBeVisible();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag: press, move in steps, release. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** A node's box once the view has stopped moving (fit-to-view settles after the first paint, slower under load). */
async function settledBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    const box = await page.locator(selector).boundingBox();
    const key = JSON.stringify(box);
    if (box && key === previous) return box;
    previous = key;
    await page.waitForTimeout(100);
  }
  throw new Error(`${selector} never stopped moving`);
}

async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('pathway-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

const step = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const handle = (page: Page, kind: string, type: 'source' | 'target') => step(page, kind).locator(`.react-flow__handle.${type}`);

async function connect(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  await drag(page, await centre(handle(page, from, 'source')), await centre(handle(page, to, 'target')));
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
}

async function dragActivity(page: Page, search: string, activityId: string, to: { x: number; y: number }): Promise<void> {
  await page.getByTestId('catalog-search').fill(search);
  const item = page.locator(`[data-testid="catalog-activity"][data-id="${activityId}"]`);
  await expect(item).toBeVisible();
  await drag(page, await centre(item), to);
}

/** What Undo would undo, as its tooltip says ("Undo Move step"). */
async function expectUndo(page: Page, label: RegExp, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId('undo-button')).toBeEnabled({ timeout });
  await page.getByTestId('undo-button').hover();
  await expect(page.getByRole('tooltip')).toContainText(label, { timeout });
  await page.mouse.move(1, 899);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

function savedProjectAt(path: string) {
  const parsed = parseProjectText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the saved file does not parse: ${parsed.error.message}`);
  return parsed.value.project;
}

test('build a pathway from the palette by mouse, connect it, watch validation go clean, undo/redo, save and reopen', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'onboarding.plp');
  mkdirSync(dirname(target), { recursive: true });
  const { page } = await launch(browser, { dialogs: { save: [target] } });
  await openPathways(page);

  await page.getByTestId('new-framework').click();
  await page.getByTestId('new-framework-name').fill('Onboarding pathway');
  await page.getByTestId('new-framework-create').click();
  await expect(page.getByTestId('framework-picker')).toHaveValue('Onboarding pathway');
  await expect(page.getByTestId('canvas-empty')).toBeVisible();
  await expect(page.getByTestId('problem-summary')).toContainText('1 error');

  // Zoom out a little so the whole pathway fits in two rows.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom out' }).click();

  // Palette → canvas, by real mouse drags.
  await drag(page, await centre(page.getByTestId('palette-pre-assessment')), await canvasPoint(page, 0.15, 0.2));
  await expect(step(page, 'pre-assessment')).toHaveCount(1);
  await dragActivity(page, 'executive business review', 'act-ep-stretch-ebr', await canvasPoint(page, 0.45, 0.2));
  await expect(step(page, 'core')).toHaveCount(1);
  await expect(step(page, 'core')).toContainText('Lead an executive business review');
  await drag(page, await centre(page.getByTestId('palette-optional-group')), await canvasPoint(page, 0.75, 0.26));
  await expect(step(page, 'optional-group')).toHaveCount(1);
  await drag(page, await centre(page.getByTestId('palette-post-assessment')), await canvasPoint(page, 0.3, 0.7));
  await drag(page, await centre(page.getByTestId('palette-capstone')), await canvasPoint(page, 0.58, 0.66));
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  // Three activities from the catalog, dropped into the group.
  for (const [search, id] of [
    ['coaching', 'act-ep-coaching-exec'],
    ['presence in the room', 'act-ep-podcast-presence'],
    ['shadow a regional', 'act-ep-shadow-ral'],
  ] as const) {
    const group = step(page, 'optional-group');
    await dragActivity(page, search, id, await centre(group.locator('.plp-step-rule')));
  }
  await expect(step(page, 'optional-group')).toContainText('Choose 1 of 3');
  await expect(page.getByTestId('inspector-members').locator('li')).toHaveCount(3);
  await page.getByTestId('catalog-search').fill('');

  // Not connected yet: several starts and ends.
  await expect(page.getByTestId('problem-summary')).toContainText('error');
  await expect(page.locator('[data-testid="problem"][data-rule="single-start"]')).toBeVisible();
  await screenshot(page, 'pathways-building');

  // Connect by dragging from each step's right-hand handle to the next step's left-hand handle.
  await connect(page, 'pre-assessment', 'core');
  await connect(page, 'core', 'optional-group');
  await connect(page, 'optional-group', 'post-assessment');
  await connect(page, 'post-assessment', 'capstone');
  await expect(page.getByTestId('problems-clean')).toBeVisible();
  await expect(page.getByTestId('problem-summary')).toHaveText(/No problems/);
  await expect(page.getByTestId('mix-total')).toContainText('h');

  // Undo the last connection: problems again; redo: clean.
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.locator('[data-testid="problem"][data-rule="single-end"]')).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(page.getByTestId('problems-clean')).toBeVisible();

  // A node drag is one undo step, however many frames it took.
  const capstone = step(page, 'capstone');
  const before = await capstone.boundingBox();
  await drag(page, await centre(capstone.locator('.plp-step-title')), { x: before!.x + before!.width / 2 - 60, y: before!.y + before!.height / 2 + 40 });
  const moved = await capstone.boundingBox();
  expect(Math.abs(moved!.x - before!.x)).toBeGreaterThan(30);
  await expectUndo(page, /Move step/);
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => Math.round((await capstone.boundingBox())!.x)).toBe(Math.round(before!.x));
  await expectUndo(page, /Connect steps/);

  await screenshot(page, 'pathways-built');

  // Save (scripted dialog), then the next start reopens the most recent file.
  await page.keyboard.press('Control+S');
  await expect(savedToast(page)).toBeVisible();
  const saved = savedProjectAt(target).frameworks.find((framework) => framework.name === 'Onboarding pathway');
  expect(saved?.nodes.map((node) => node.kind).sort()).toEqual(['capstone', 'core', 'optional-group', 'post-assessment', 'pre-assessment']);
  expect(saved?.edges).toHaveLength(4);
  const group = saved?.nodes.find((node) => node.kind === 'optional-group');
  expect(group && 'activityIds' in group ? group.activityIds : []).toEqual(['act-ep-coaching-exec', 'act-ep-podcast-presence', 'act-ep-shadow-ral']);
  await studios.closeAll();

  const second = await launch(browser);
  await expect(second.page.getByTestId('status-file')).toContainText('onboarding.plp');
  await second.page.getByTestId('nav-pathways').click();
  await second.page.getByTestId('framework-picker').click();
  await second.page.getByRole('option', { name: 'Onboarding pathway' }).click();
  await expect(second.page.locator('.react-flow__node')).toHaveCount(5);
  await expect(second.page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(second.page.getByTestId('problems-clean')).toBeVisible();
});

test('the keyboard: Tab to a step, arrows move it (one undo step), copy/paste into another framework, duplicate, delete', async ({ browser }) => {
  const { page } = await launch(browser);
  await openPathways(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(8);

  // Tab from the canvas into the steps: the focused step becomes the selection.
  await page.getByTestId('pathway-canvas').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-id', 'node-pre');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-id', 'node-core-foundations');
  await expect(page.locator('.react-flow__node[data-id="node-core-foundations"]')).toBeFocused();

  // Arrow keys: three presses of one key-hold are one undo step.
  const node = page.locator('.react-flow__node[data-id="node-core-foundations"]');
  const before = (await node.boundingBox())!;
  await page.keyboard.down('ArrowDown');
  await page.keyboard.down('ArrowDown');
  await page.keyboard.down('ArrowDown');
  await page.keyboard.up('ArrowDown');
  await expect.poll(async () => Math.round((await node.boundingBox())!.y - before.y)).toBeGreaterThan(10);
  await expectUndo(page, /Move step/);
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => Math.round((await node.boundingBox())!.y)).toBe(Math.round(before.y));

  // Copy two steps (shift-click), paste them into a new framework with their connection.
  await node.focus();
  await page.locator('.react-flow__node[data-id="node-core-mentoring"]').click({ modifiers: ['Shift'], position: { x: 30, y: 12 } });
  await expect(page.getByTestId('multi-inspector')).toContainText('2 steps selected');
  await page.keyboard.press('Control+C');
  await page.getByTestId('duplicate').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(8);

  await page.getByTestId('new-framework').click();
  await page.getByTestId('new-framework-name').fill('Second framework');
  await page.getByTestId('new-framework-create').click();
  await expect(page.getByTestId('canvas-empty')).toBeVisible();
  await page.getByTestId('pathway-canvas').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+V');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expectUndo(page, /Paste 2 steps/);
  await page.keyboard.press('Control+D');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.keyboard.press('Control+A');
  await page.getByTestId('align-menu').click();
  await page.getByRole('menuitem', { name: 'Align top edges' }).click();
  await expectUndo(page, /Align top edges/);
});

test('box selection, reconnecting a connection by dragging its end, and dropping it on empty canvas removes it', async ({ browser }) => {
  const { page } = await launch(browser);
  await openPathways(page);
  const pre = await settledBox(page, '.react-flow__node[data-id="node-pre"]');
  const core = await settledBox(page, '.react-flow__node[data-id="node-core-foundations"]');

  // Shift + drag on empty canvas draws a selection box.
  await page.keyboard.down('Shift');
  await drag(page, { x: pre.x - 15, y: pre.y - 40 }, { x: core.x + core.width + 10, y: core.y + core.height + 30 });
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('multi-inspector')).toContainText('2 steps selected');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  // Zoom in around the check-in, then drag the end of "check-in → post-assessment" onto the capstone.
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(500);
  await page.mouse.move(...(Object.values(await centre(page.locator('.react-flow__node[data-id="node-post"]'))) as [number, number]));
  await page.mouse.wheel(0, -300);
  await expect(page.locator('.plp-flow')).not.toHaveAttribute('data-zoom', 'far');
  await page.waitForTimeout(400);
  const end = page.locator('.react-flow__edge[data-id="e-checkin-post"] .react-flow__edgeupdater-target');
  await drag(page, await centre(end), await centre(handle(page, 'capstone', 'target')));
  await expect(page.locator('[data-testid="problem"][data-rule="reachable"]').first()).toBeVisible();
  await expectUndo(page, /Reconnect steps/);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('problems-clean')).toBeVisible();

  // Dropping a connection's end on empty canvas removes it.
  const canvas = (await page.getByTestId('pathway-canvas').boundingBox())!;
  await drag(page, await centre(end), { x: canvas.x + 40, y: canvas.y + canvas.height - 60 });
  await expect(page.locator('.react-flow__edge[data-id="e-checkin-post"]')).toHaveCount(0);
  await expectUndo(page, /Disconnect steps/);
});

test('choosing a problem selects and frames its steps', async ({ browser }) => {
  const { page } = await launch(browser);
  await openPathways(page);
  // Disconnect the check-in from the post-assessment: two ends, and the post-assessment is stranded.
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(450);
  await page.locator('.react-flow__node[data-id="node-checkin"]').click();
  await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-id', 'node-checkin');
  await page.getByRole('button', { name: /Remove the connection to 360 post-assessment/ }).click();
  const problem = page.locator('[data-testid="problem"]').first();
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('Error');
  await problem.click();
  await expect(page.locator('.react-flow__node.selected')).not.toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('problems-clean')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the editor on the sample framework passes axe-core (${colorScheme})`, async ({ browser }) => {
    const { page } = await launch(browser, { colorScheme });
    await openPathways(page);
    await page.mouse.move(700, 400);
    await expect(page.locator('.react-flow__node')).toHaveCount(8);
    await screenshot(page, `pathways-sample-${colorScheme}`);
    const check = async (where: string) => {
      // Let view animations (fit, selection) settle, and keep the pointer off tooltips.
      await page.mouse.move(1, 899);
      await page.waitForTimeout(450);
      await settleAnimations(page);
      const results = await new AxeBuilder({ page }).include('[data-testid="workspace-pathways"]').analyze();
      const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      if (violations.length > 0) await screenshot(page, `pathways-axe-failure-${colorScheme}`);
      expect(violations, `${where} (${colorScheme})`).toEqual([]);
    };
    await check('sample framework');
    // The group is off screen at first: fit the pathway, zoom in on the group (wheel), select it.
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(450);
    const group = page.locator('.react-flow__node[data-id="node-options"]');
    await page.mouse.move(...(Object.values(await centre(group)) as [number, number]));
    await page.mouse.wheel(0, -400);
    await page.mouse.wheel(0, -400);
    await expect(page.locator('.plp-flow')).toHaveAttribute('data-zoom', 'near');
    await page.waitForTimeout(300);
    await group.locator('.plp-step-title').click();
    await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-id', 'node-options');
    await screenshot(page, `pathways-group-selected-${colorScheme}`);
    await check('optional group selected');
    await page.getByTestId('fit-view').click();
    await page.getByTestId('tab-framework').click();
    await screenshot(page, `pathways-framework-panel-${colorScheme}`);
    await check('framework panel');
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a 1,000-step framework opens, stays interactive and auto-lays out (${colorScheme})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const sample = parseProjectText(readFileSync(join(import.meta.dirname, '../../resources/sample/executive-presence.plp'), 'utf8'));
    if (!sample.ok) throw new Error(sample.error.message);
    const large = withLargeFramework(sample.value.project, { nodes: 1000, edges: 1200 });
    const file = join(studios.dir, 'large.plp');
    writeFileSync(file, serializeProject(large));
    const { page } = await launch(browser, { launchFile: file, colorScheme });
    await openPathways(page);
    await expect(page.getByTestId('stat-steps')).toContainText('1,000 steps');
    await expect(page.getByTestId('stat-steps')).toContainText('1,200 connections');
    await page.mouse.move(700, 400);
    await screenshot(page, `pathways-1000-${colorScheme}`);

    // Zoom in to readable steps and drag one: one undo step.
    const canvas = await canvasPoint(page, 0.5, 0.5);
    await page.mouse.move(canvas.x, canvas.y);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -240);
    await expect(page.locator('.plp-flow')).toHaveAttribute('data-zoom', /near|mid/);
    await page.waitForTimeout(300);
    await screenshot(page, `pathways-1000-zoomed-${colorScheme}`);
    const inView = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="pathway-canvas"]')!.getBoundingClientRect();
      for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const box = node.getBoundingClientRect();
        if (box.left > canvas.left + 40 && box.right < canvas.right - 220 && box.top > canvas.top + 40 && box.bottom < canvas.bottom - 40) return node.dataset.id!;
      }
      return null;
    });
    expect(inView).not.toBeNull();
    const node = page.locator(`.react-flow__node[data-id="${inView}"]`);
    const start = await centre(node.locator('.plp-step-title'));
    await drag(page, start, { x: start.x + 80, y: start.y + 30 });
    await expectUndo(page, /Move/);

    if (colorScheme === 'light') {
      await page.getByTestId('auto-layout').click();
      await expectUndo(page, /Auto-layout/, 90_000);
      const ms = await page.getByTestId('pathway-canvas').getAttribute('data-layout-total-ms');
      console.log(`auto-layout of 1,000 steps: ${ms} ms`);
      await page.waitForTimeout(500);
      await screenshot(page, 'pathways-1000-laid-out');
    }
  });
}
