/**
 * The needs-analysis mapping graph as a consultant uses it after a workshop: three findings
 * captured, one linked to a capability by a real mouse drag between handles, undone and redone,
 * a role's target level changed on its edge (and seen in the roles × capabilities matrix), a
 * filter by role, a link deleted from the keyboard, saved and reopened. Axe and screenshots in
 * both schemes, and the 200 findings / 100 capabilities / 20 roles project.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseProjectText, serializeProject } from '../../shared/domain/project-file';
import type { Project } from '../../shared/domain/schema';
import { withLargeMapping } from '../bench/large-mapping';
import { screenshot, settleAnimations } from './support/studio';
import { useStudioSessions } from './support/sessions';

const AM = 'role-am-cell-therapy';

test.describe.configure({ timeout: 180_000 });

const studios = useStudioSessions('plp-e2e-mapping-', { waitForProject: true });
const launch = studios.launch;

/** Axe-core on the whole page, the gap heat-map included. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, what).toEqual([]);
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
  await page.mouse.move(to.x, to.y, { steps: 14 });
  await page.mouse.up();
}

async function openMapping(page: Page): Promise<void> {
  await page.getByTestId('findings-view').getByText('Mapping graph').click();
  await expect(page.getByTestId('mapping-canvas')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** What Undo would undo, as its tooltip says. */
async function expectUndo(page: Page, label: RegExp): Promise<void> {
  await page.getByTestId('undo-button').hover();
  await expect(page.getByRole('tooltip')).toContainText(label);
  await page.mouse.move(1, 899);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const matrixCell = (page: Page, roleId: string, capabilityId: string) => page.locator(`[data-testid="target-cell"][data-role="${roleId}"][data-capability="${capabilityId}"]`);
const savedToast = (page: Page) => page.getByTestId('toast').filter({ has: page.getByText('Saved', { exact: true }) });

function savedProject(path: string): Project {
  const parsed = parseProjectText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

test('capture three findings, link one by dragging, undo and redo, change a target level, filter, save and reopen', async ({ browser }) => {
  const target = join(studios.dir, 'projects', 'mapping.plp');
  mkdirSync(dirname(target), { recursive: true });
  const { page } = await launch(browser, { dialogs: { save: [target] } });
  await expect(page.getByTestId('finding-row')).toHaveCount(12);

  // ---- Three findings by quick capture.
  const statements = ['Hospital CFOs cut meetings short when the value story runs long', 'Few account managers prepare for tumour board questions', 'Follow-up e-mails after executive meetings go out a week late'];
  await page.keyboard.press('/');
  const capture = page.getByTestId('quick-capture-input');
  await expect(capture).toBeFocused();
  for (const statement of statements) {
    await page.keyboard.type(statement);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('finding-row')).toHaveCount(15);
  const newest = page.getByTestId('finding-row').first();
  await expect(newest.getByTestId('finding-statement')).toContainText(statements[2]!);
  const findingId = (await newest.getAttribute('data-id'))!;
  const unlinkedId = (await page.getByTestId('finding-row').nth(1).getAttribute('data-id'))!;
  await expect(newest.getByTestId('finding-capabilities')).not.toContainText('Executive communication');

  // ---- The mapping graph: three columns, the new findings at the top of theirs.
  await openMapping(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(15 + 8 + 3);
  await expect(page.getByTestId('mapping-column-finding')).toContainText('Findings 15');
  await expect(page.getByTestId('mapping-column-capability')).toContainText('Capabilities 8');
  await expect(page.getByTestId('mapping-column-role')).toContainText('Roles 3');
  await expect(page.getByTestId('mapping-domain-heading')).toHaveCount(3);
  await page.mouse.move(1, 899);
  await screenshot(page, 'mapping-sample-light');

  // ---- Link the newest finding to the first capability: a real drag from handle to handle.
  const capabilityNode = page.getByTestId('mapping-capability').first();
  const capabilityId = (await capabilityNode.getAttribute('data-entity'))!;
  const capabilityName = (await capabilityNode.locator('.plp-map-name').innerText()).trim();
  const evidenceId = `evidence:${findingId}->${capabilityId}`;
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await expect(edge(page, evidenceId)).toHaveCount(0);
  await drag(page, await centre(node(page, `finding:${findingId}`).locator('.react-flow__handle.source')), await centre(node(page, `capability:${capabilityId}`).locator('.react-flow__handle.target')));
  await expect(edge(page, evidenceId)).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expectUndo(page, /Link finding to capability/);

  // A drop on a role is refused: a finding links to capabilities only.
  await drag(page, await centre(node(page, `finding:${findingId}`).locator('.react-flow__handle.source')), await centre(node(page, `role:${AM}`)));
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);

  // Hovering the capability highlights its neighbours and dims the rest.
  await node(page, `capability:${capabilityId}`).hover();
  await expect(page.getByTestId('mapping-highlight')).toHaveCount(1);
  await expect(node(page, `finding:${findingId}`)).toHaveCSS('opacity', '1');
  await expect(node(page, `finding:${unlinkedId}`)).not.toHaveCSS('opacity', '1');
  await screenshot(page, 'mapping-sample-highlight-light');
  await page.mouse.move(1, 899);
  await expect(page.getByTestId('mapping-highlight')).toHaveCount(0);

  // The link is the finding's, in the table too.
  await page.getByTestId('findings-view').getByText('Findings table').click();
  await expect(page.getByTestId('finding-row').first().getByTestId('finding-capabilities')).toContainText(capabilityName);
  await openMapping(page);

  // ---- Undo: gone (graph and table); redo: back.
  await page.keyboard.press('Control+Z');
  await expect(edge(page, evidenceId)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(edge(page, evidenceId)).toHaveCount(1);

  // ---- Filter by role: that role, its target capabilities, the findings linked to them.
  await page.getByTestId('mapping-role-filter').click();
  await page.getByRole('option', { name: /^Account Manager, Cell Therapy/ }).click();
  await expect(page.locator('.react-flow__node-role')).toHaveCount(1);
  await expect(node(page, `role:${AM}`)).toHaveCount(1);
  await expect(page.locator('.react-flow__node-capability')).toHaveCount(8);
  await expect(node(page, `finding:${findingId}`)).toHaveCount(1);
  // Findings captured without a link are not evidence for this role.
  await expect(page.locator('.react-flow__node-finding')).toHaveCount(12); // 11 of the sample's + the one just linked

  // ---- The target level, changed on the capability → role edge (one undo step).
  const level = page.locator(`[data-testid="mapping-level-select"][data-capability="cap-composure"][data-role="${AM}"]`);
  await expect(level).toHaveValue('skilled');
  await level.selectOption('expert');
  await expect(level).toHaveValue('expert');
  await expectUndo(page, /Set role target/);
  await page.mouse.move(1, 899);
  await screenshot(page, 'mapping-filtered-light');
  await expectAccessible(page, 'mapping graph, filtered by role');

  // ---- A link deleted from the keyboard: focus the edge, Enter selects it, Delete removes it.
  const composureTarget = edge(page, `target:cap-composure->${AM}`);
  await composureTarget.focus();
  await page.keyboard.press('Enter');
  await expect(composureTarget).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(composureTarget).toHaveCount(0);
  await expect(page.locator('.react-flow__node-capability')).toHaveCount(7); // no longer this role's
  await page.keyboard.press('Control+Z');
  await expect(composureTarget).toHaveCount(1);
  await expect(level).toHaveValue('expert');
  // Enter on a selected role target goes to its level; the arrow keys change it (one step), Ctrl+Z back.
  await composureTarget.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(level).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(level).toHaveValue('skilled');
  await composureTarget.focus();
  await page.keyboard.press('Control+Z');
  await expect(level).toHaveValue('expert');

  // ---- The level is the matrix's too.
  await page.getByTestId('nav-capability-model').click();
  await page.getByTestId('tab-roles').click();
  await expect(matrixCell(page, AM, 'cap-composure')).toContainText('Expert');
  await page.getByTestId('nav-needs-analysis').click();

  // ---- Save, reopen: all there.
  await page.keyboard.press('Control+S');
  await expect(savedToast(page)).toBeVisible();
  const saved = savedProject(target);
  expect(saved.findings).toHaveLength(15);
  expect(saved.findings.find((finding) => finding.id === findingId)?.capabilityIds).toEqual([capabilityId]);
  expect(saved.roles.find((role) => role.id === AM)?.targets.find((t) => t.capabilityId === 'cap-composure')?.levelId).toBe('expert');
  await studios.closeAll();

  const second = await launch(browser, { colorScheme: 'dark' });
  const again = second.page;
  await expect(again.getByTestId('status-file')).toContainText('mapping.plp');
  await openMapping(again);
  await expect(edge(again, evidenceId)).toHaveCount(1);
  await expect(again.locator(`[data-testid="mapping-level-select"][data-capability="cap-composure"][data-role="${AM}"]`)).toHaveValue('expert');
  await again.mouse.move(1, 899);
  await screenshot(again, 'mapping-sample-dark');
  await expectAccessible(again, 'mapping graph, dark');
});

test('200 findings, 100 capabilities and 20 roles: every node, filters, zoom to fit, light and dark', async ({ browser }) => {
  const sample = parseProjectText(readFileSync(join(import.meta.dirname, '../../resources/sample/executive-presence.plp'), 'utf8'));
  if (!sample.ok) throw new Error(sample.error.message);
  const file = join(studios.dir, 'large-mapping.plp');
  writeFileSync(file, serializeProject(withLargeMapping(sample.value.project, { findings: 200, capabilities: 100, roles: 20 })));

  for (const colorScheme of ['light', 'dark'] as const) {
    const { page } = await launch(browser, { launchFile: file, colorScheme });
    await expect(page.getByTestId('project-title')).toContainText('Mapping 200/100/20');
    await openMapping(page);
    await expect(page.locator('.react-flow__node')).toHaveCount(320);
    await expect(page.locator('.react-flow__edge-target')).toHaveCount(300);
    await page.mouse.move(1, 899);
    await screenshot(page, `mapping-large-top-${colorScheme}`);
    await page.getByTestId('mapping-fit').click();
    await page.waitForTimeout(500);
    await screenshot(page, `mapping-large-fit-${colorScheme}`);
    await page.getByTestId('mapping-domain-filter').click();
    await page.getByRole('option', { name: 'Domain 3', exact: true }).click();
    await expect(page.locator('.react-flow__node-capability')).toHaveCount(13);
    await expect(page.getByTestId('mapping-domain-heading')).toHaveCount(1);
    await screenshot(page, `mapping-large-domain-${colorScheme}`);
    if (colorScheme === 'dark') await expectAccessible(page, 'large mapping graph, one domain, dark');
    await studios.closeAll();
  }
});
