#!/usr/bin/env node
/**
 * Screenshots of the renderer shell, for looking at the design: every workspace in light and
 * dark at 1440×900, plus the states that matter (empty project, unsaved changes, prompts,
 * recovery, welcome, errors).
 *
 * The production build has no API twin, so this script bundles renderer/src/platform/memory-twin.ts
 * to an IIFE with esbuild and injects it with `addInitScript` as `window.plp`, then serves
 * out/renderer from 127.0.0.1.
 *
 *   node tests/visual/screenshot-shell.mjs [--no-build] [--only=name,name]
 * Output: tests/artifacts/screens/*.png
 */
/* global window, document -- page.evaluate callbacks run in the browser */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'out/renderer');
const screensDir = join(root, 'tests/artifacts/screens');
const args = new Set(process.argv.slice(2));
const only = [...args].find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

if (!args.has('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
mkdirSync(screensDir, { recursive: true });

const twinBundle = await build({
  entryPoints: [join(root, 'renderer/src/platform/memory-twin.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'PlpMemoryTwin',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const twinCode = twinBundle.outputFiles[0].text;
const samplePath = join(root, 'resources/sample/executive-presence.plp');
const fallbackPath = join(root, 'tests/visual/fixture-project.plp');
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const sampleText = readFileSync(existsSync(samplePath) ? samplePath : fallbackPath, 'utf8');

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const path = normalize(join(outDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (!path.startsWith(outDir) || !existsSync(path)) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
  response.end(readFileSync(path));
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const address = server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const problems = [];
let lastPage = null;


/** A page whose window.plp is a fresh memory twin built from `options` (JSON-able; `sample` is added). */
async function openStudio(scheme, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const report = (problem) => {
    problems.push(problem);
    console.log(`  ! ${problem}`);
  };
  page.on('pageerror', (error) => report(`${scheme}: page error: ${error.message}`));
  page.on('console', (message) => {
    // A <meta> CSP cannot carry frame-ancestors; Electron's header-delivered CSP can. Not a problem of the page.
    if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored")) report(`${scheme}: console error: ${message.text()}`);
  });
  const options$ = JSON.stringify({ sample: sampleText, appVersion: '0.1.0', ...options });
  // Plain script text (no eval: the page's CSP forbids it, and the CSP stays on here). The twin
  // is created on first use of window.plp, after the page's CSP applies, exactly as in the app.
  await page.addInitScript({
    content: `(() => {
      const load = () => { ${twinCode}; return PlpMemoryTwin; };
      let twin = null;
      Object.defineProperty(window, 'plp', {
        configurable: true,
        get() {
          if (!twin) {
            twin = load().createMemoryTwin(${options$});
            window.plpTwin = twin.control;
          }
          return twin.api;
        },
      });
    })();`,
  });
  await page.goto(baseUrl);
  lastPage = page;
  return { page, context };
}

/** axe-core on the page as it is (evaluate runs outside the page's CSP); violations are reported. */
async function audit(page, name) {
  const violations = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' ') + (node.failureSummary ? ` [${node.failureSummary.split('\n').slice(1).join(' ').slice(0, 160)}]` : ''))
      .join(' | ')}`);
  }, axeSource);
  for (const violation of violations) {
    problems.push(`${name}: axe ${violation}`);
    console.log(`  ! axe ${name}: ${violation}`);
  }
}

async function shot(page, name) {
  if (only && !only.some((prefix) => name.startsWith(prefix))) return;
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screensDir, `${name}.png`) });
  console.log(`  ${name}.png`);
}

const WORKSPACES = ['needs-analysis', 'capability-model', 'pathways', 'learners-plans', 'export'];

async function scenarios() {
  for (const scheme of ['light', 'dark']) {
    console.log(`${scheme}:`);
    // First launch: the sample project opens.
    {
      const { page, context } = await openStudio(scheme, { preferences: { theme: 'system', backupIntervalSeconds: 5 } });
      await page.getByTestId('workspace-needs-analysis').waitFor();
      for (const [index, id] of WORKSPACES.entries()) {
        await page.getByTestId(`nav-${id}`).click();
        await page.getByTestId(`workspace-${id}`).waitFor();
        await shot(page, `${scheme}-${index + 1}-${id}`);
        await audit(page, `${scheme}-${id}`);
      }
      // An edit: rename a capability inline, then look at the unsaved marker and undo tooltip.
      await page.getByTestId('nav-capability-model').click();
      await page.getByTestId('capability-name').first().click();
      await page.getByTestId('capability-name-input').fill('Commanding the room with calm authority');
      await shot(page, `${scheme}-6-editing-capability`);
      await page.keyboard.press('Enter');
      await page.getByTestId('status-backup').waitFor({ timeout: 8000 });
      await page.getByTestId('undo-button').hover();
      await page.waitForTimeout(600);
      await shot(page, `${scheme}-7-unsaved-undo-tooltip`);
      // New project while unsaved: the prompt.
      await page.mouse.move(10, 400);
      await page.keyboard.press('Control+n');
      await page.getByTestId('unsaved-save').waitFor();
      await shot(page, `${scheme}-8-unsaved-prompt`);
      await audit(page, `${scheme}-unsaved-prompt`);
      await page.getByTestId('unsaved-discard').click();
      await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
      await page.keyboard.press('Control+1');
      await page.getByTestId('empty-needs-analysis').waitFor();
      await shot(page, `${scheme}-9-blank-needs-analysis`);
      await audit(page, `${scheme}-blank-needs-analysis`);
      await page.keyboard.press('Control+2');
      await shot(page, `${scheme}-10-blank-capability-model`);
      // Title editing with F2.
      await page.keyboard.press('F2');
      await page.getByTestId('project-title-input').fill('Negotiation skills for key account managers');
      await shot(page, `${scheme}-11-title-editing`);
      await page.keyboard.press('Enter');
      // A save that fails: red persistent toast, still unsaved.
      await page.evaluate(() => window.plpTwin.failSaves({ code: 'disk-full', message: 'The disk is full (ENOSPC): the file was left as it was.' }));
      await page.keyboard.press('Control+s');
      await page.getByTestId('toast').first().waitFor();
      await shot(page, `${scheme}-12-save-failed`);
      await context.close();
    }
    // Crash recovery at startup: two backups; recover one.
    {
      const project = JSON.parse(sampleText);
      const backups = [
        { backupId: 'b1', documentId: null, title: project.meta.title, filePath: '/Users/dana/Projects/Meridian/executive-presence.plp', backedUpAt: '2026-04-24T16:42:00Z', project },
        { backupId: 'b2', documentId: null, title: 'Onboarding pathway 2026 (draft)', filePath: null, backedUpAt: '2026-04-23T09:05:00Z', project },
      ];
      const { page, context } = await openStudio(scheme, { backups });
      await page.getByTestId('recover-backup').first().waitFor();
      await shot(page, `${scheme}-14-recovery`);
      await audit(page, `${scheme}-recovery`);
      await page.getByTestId('recover-backup').first().click();
      await page.getByTestId('dirty-marker').waitFor();
      await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
      await shot(page, `${scheme}-15-recovered`);
      await context.close();
    }
    {
      const { page, context } = await openStudio(scheme, { recentFiles: ['/Users/dana/Projects/Meridian/missing-project.plp', '/Users/dana/Projects/Ardent/onboarding-2026.plp'] });
      await page.getByTestId('welcome').waitFor();
      await shot(page, `${scheme}-13-welcome-after-failed-open`);
      await audit(page, `${scheme}-welcome`);
      await context.close();
    }
  }
}

try {
  await scenarios();
} catch (error) {
  console.error(error);
  if (lastPage) await lastPage.screenshot({ path: join(screensDir, 'FAILED.png') }).catch(() => {});
  process.exitCode = 1;
}
await browser.close();
server.close();
if (problems.length > 0) {
  console.log('\nProblems seen in the page:');
  for (const problem of problems) console.log(`  ${problem}`);
  process.exitCode = 1;
}
