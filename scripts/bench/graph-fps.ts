/**
 * Frames per second of the pathway editor at 500 / 1,000 / 2,000 steps (1.2 connections per
 * step), against a bare React Flow page with default nodes drawing the same graph, in the same
 * run and the same headless Chromium; plus ELK auto-layout time in the studio's worker. Then the
 * needs-analysis mapping graph at 200 findings / 100 capabilities / 20 roles: panning at the
 * overview and at zoom 1, and the mouse sweeping over nodes (the neighbour highlight).
 *
 *   npm run build && npx tsx scripts/bench/graph-fps.ts [--sizes=500,1000,2000] [--seconds=2]
 *       [--mapping=200,100,20 | --mapping=none] [--sizes=none]
 *
 * Not part of `npm test`: timings depend on the machine (and on whatever else it is doing).
 *
 * What is measured, for each page and size, at two zoom levels — "overview" (the whole graph in
 * view, every step drawn) and "working" (zoom 1, what a designer edits at):
 *   pan   the mouse drags the empty canvas around a circle for N seconds;
 *   drag  the mouse drags one step around a circle for N seconds (the studio records this as
 *         one undo step, updating the project on every frame, as in real use).
 * FPS is requestAnimationFrame callbacks per second during the interaction; p95 is the 95th
 * percentile frame time. The studio runs the production renderer build with the in-memory API
 * twin (renderer/src/platform/memory-twin.ts) opening a generated project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseProjectText, serializeProject } from '../../shared/domain/project-file';
import { withLargeFramework, largeFramework } from '../../tests/bench/large-framework';
import { withLargeMapping } from '../../tests/bench/large-mapping';
import { buildMappingGraph } from '../../shared/domain/analysis/mapping';

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out/renderer');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = option('sizes', '500,1000,2000') === 'none' ? [] : option('sizes', '500,1000,2000').split(',').map(Number);
const MAPPING = option('mapping', '200,100,20') === 'none' ? null : option('mapping', '200,100,20').split(',').map(Number);
const SECONDS = Number(option('seconds', '2'));
const VIEWPORT = { width: 1440, height: 900 };

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built: run `npm run build` first.');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Pages

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

async function serve(handler: (path: string) => { type: string; body: string | Buffer } | null): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const found = handler(path);
    if (!found) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': found.type }).end(found.body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

function studioServer() {
  return serve((path) => {
    const file = resolve(rendererDir, '.' + (path === '/' ? '/index.html' : path));
    if (!file.startsWith(rendererDir + sep) || !existsSync(file)) return null;
    return { type: MIME[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
  });
}

async function bareServer() {
  const bundle = await build({
    entryPoints: [join(root, 'tests/bench/bare-flow.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  const css = readFileSync(join(root, 'node_modules/@xyflow/react/dist/style.css'), 'utf8');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} html,body{margin:0}</style></head><body><div id="root"></div><script src="/bundle.js"></script></body></html>`;
  const js = bundle.outputFiles[0]!.text;
  return serve((path) => (path === '/' ? { type: 'text/html', body: html } : path === '/bundle.js' ? { type: 'text/javascript', body: js } : null));
}

async function twinCode(): Promise<string> {
  const bundle = await build({
    entryPoints: [join(root, 'renderer/src/platform/memory-twin.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'PlpMemoryTwin',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return bundle.outputFiles[0]!.text;
}

// ---------------------------------------------------------------------------------------------
// Measuring (in-page code is plain text: this script is type-checked without DOM types)

const START_FPS = `(() => {
  const state = { frames: 0, times: [], last: performance.now(), start: performance.now(), running: true };
  window.__fps = state;
  const tick = (time) => {
    if (!state.running) return;
    state.frames++;
    state.times.push(time - state.last);
    state.last = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FPS = `(() => {
  const state = window.__fps;
  state.running = false;
  const seconds = (performance.now() - state.start) / 1000;
  const times = state.times.slice(1).sort((a, b) => a - b);
  return { fps: state.frames / seconds, p95: times[Math.floor(times.length * 0.95)] ?? 0, max: times[times.length - 1] ?? 0 };
})()`;

interface Sample {
  fps: number;
  p95: number;
  max: number;
}

/** Moves the pressed mouse around a circle for SECONDS, counting frames. */
async function measureDrag(page: Page, from: { x: number; y: number }, radius = 110): Promise<Sample> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 2, { steps: 3 });
  await page.evaluate(START_FPS);
  const started = performance.now();
  let angle = 0;
  while (performance.now() - started < SECONDS * 1000) {
    angle += 0.12;
    await page.mouse.move(from.x + radius * Math.sin(angle), from.y + radius * (1 - Math.cos(angle)) * 0.6);
  }
  const sample = (await page.evaluate(STOP_FPS)) as Sample;
  await page.mouse.up();
  await page.waitForTimeout(300);
  return sample;
}

/** A point of empty canvas (the pane itself is under the pointer), near the middle if possible. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const box = pane.getBoundingClientRect();
    const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
    for (let r = 0; r < Math.max(box.width, box.height) / 2; r += 12) {
      for (let a = 0; a < Math.PI * 2; a += Math.PI / 12) {
        const x = cx + r * Math.cos(a), y = cy + r * Math.sin(a) * 0.6;
        if (x < box.left + 20 || x > box.right - 260 || y < box.top + 20 || y > box.bottom - 180) continue;
        const element = document.elementFromPoint(x, y);
        if (element && element.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: box.left + 30, y: box.top + 30 };
  })()`)) as { x: number; y: number } | null;
  if (!point) throw new Error('no pane');
  return point;
}

/** The centre of a step fully in view, away from the edges (the drag circle must stay on the canvas). */
async function nodeInView(page: Page): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const midX = pane.left + pane.width / 2, midY = pane.top + pane.height / 3;
    let best = null, bestDistance = Infinity;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      const x = box.left + Math.min(box.width / 2, 60), y = box.top + Math.min(box.height / 2, 14);
      if (box.width < 4 || x < pane.left + 100 || x > pane.right - 180 || y < pane.top + 20 || y > pane.bottom - 200) continue;
      if (document.elementFromPoint(x, y)?.closest('.react-flow__node') !== node) continue;
      const distance = Math.hypot(x - midX, y - midY);
      if (distance < bestDistance) { best = { x, y }; bestDistance = distance; }
    }
    return best;
  })()`)) as { x: number; y: number } | null;
  if (!point) {
    await page.screenshot({ path: join(root, 'tests/artifacts/bench-no-step.png') });
    throw new Error('no step in view (screenshot: tests/artifacts/bench-no-step.png)');
  }
  return point;
}

async function zoomOf(page: Page): Promise<number> {
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
}

/** From the overview, zoom in with the zoom controls until about 1. */
async function zoomToWorking(page: Page, zoomIn: () => Promise<void>): Promise<void> {
  for (let guard = 0; guard < 40 && (await zoomOf(page)) < 0.9; guard++) {
    await zoomIn();
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(600);
}

interface Measured {
  overviewPan: Sample;
  overviewDrag: Sample;
  workingPan: Sample;
  workingDrag: Sample;
  domNodesOverview: number;
  domNodesWorking: number;
}

async function measurePage(page: Page, fit: () => Promise<void>, zoomIn: () => Promise<void>): Promise<Measured> {
  await fit();
  await page.waitForTimeout(1200);
  const domNodesOverview = await page.locator('.react-flow__node').count();
  const overviewPan = await measureDrag(page, await emptyPanePoint(page));
  await fit();
  await page.waitForTimeout(800);
  const overviewDrag = await measureDrag(page, await nodeInView(page), 60);
  await fit();
  await page.waitForTimeout(800);
  await zoomToWorking(page, zoomIn);
  const domNodesWorking = await page.locator('.react-flow__node').count();
  const workingPan = await measureDrag(page, await emptyPanePoint(page));
  const workingDrag = await measureDrag(page, await nodeInView(page));
  return { overviewPan, overviewDrag, workingPan, workingDrag, domNodesOverview, domNodesWorking };
}

// ---------------------------------------------------------------------------------------------

async function studio(browser: Browser, url: string, twin: string, projectText: string, nodeCount: number) {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  ! page error: ${error.message}`));
  const options = JSON.stringify({ sample: projectText, appVersion: '0.1.0' });
  await page.addInitScript({
    content: `(() => {
      const load = () => { ${twin}; return PlpMemoryTwin; };
      let twin = null;
      Object.defineProperty(window, 'plp', { configurable: true, get() { if (!twin) twin = load().createMemoryTwin(${options}); return twin.api; } });
    })();`,
  });
  await page.goto(url);
  await page.getByTestId('nav-pathways').click();
  await page.getByTestId('pathway-canvas').waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  const fit = () => page.getByTestId('fit-view').click();
  const zoomIn = () => page.getByRole('button', { name: 'Zoom in' }).click();
  const measured = await measurePage(page, fit, zoomIn);

  // Auto-layout in the worker: worker time, and until the positions are in the project.
  const started = performance.now();
  await page.getByTestId('auto-layout').click();
  await page.locator('[data-testid="pathway-canvas"][data-layout-ms]').waitFor({ timeout: 300_000 });
  const total = performance.now() - started;
  const worker = Number(await page.getByTestId('pathway-canvas').getAttribute('data-layout-ms'));
  await context.close();
  return { ...measured, layout: { worker, total }, nodeCount };
}

async function bare(browser: Browser, url: string, graph: unknown) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  ! page error: ${error.message}`));
  await page.addInitScript({ content: `window.__benchGraph = ${JSON.stringify(graph)};` });
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  const fit = () => page.locator('.react-flow__controls-fitview').click();
  const zoomIn = () => page.locator('.react-flow__controls-zoomin').click();
  const measured = await measurePage(page, fit, zoomIn);
  await context.close();
  return measured;
}

/** Moves the mouse (no button) up and down a column of nodes for SECONDS, counting frames. */
async function measureSweep(page: Page, x: number, top: number, bottom: number): Promise<Sample> {
  await page.mouse.move(x, top);
  await page.evaluate(START_FPS);
  const started = performance.now();
  let t = 0;
  while (performance.now() - started < SECONDS * 1000) {
    t += 0.05;
    await page.mouse.move(x, top + ((Math.sin(t) + 1) / 2) * (bottom - top));
  }
  return (await page.evaluate(STOP_FPS)) as Sample;
}

async function mappingStudio(browser: Browser, url: string, twin: string, projectText: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  ! page error: ${error.message}`));
  const options = JSON.stringify({ sample: projectText, appVersion: '0.1.0' });
  await page.addInitScript({
    content: `(() => {
      const load = () => { ${twin}; return PlpMemoryTwin; };
      let twin = null;
      Object.defineProperty(window, 'plp', { configurable: true, get() { if (!twin) twin = load().createMemoryTwin(${options}); return twin.api; } });
    })();`,
  });
  await page.goto(url);
  await page.getByTestId('nav-needs-analysis').click();
  const opened = performance.now();
  await page.getByTestId('findings-view').getByText('Mapping graph').click();
  await page.locator('.react-flow__node').first().waitFor();
  const openMs = performance.now() - opened;
  await page.getByTestId('mapping-canvas').scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  const domNodes = await page.locator('.react-flow__node').count();
  const domEdges = await page.locator('.react-flow__edge').count();
  const workingPan = await measureDrag(page, await emptyPanePoint(page));
  const canvas = (await page.getByTestId('mapping-canvas').boundingBox())!;
  const firstFinding = (await page.locator('.react-flow__node-finding').first().boundingBox())!;
  const sweep = await measureSweep(page, firstFinding.x + firstFinding.width / 2, canvas.y + 60, canvas.y + canvas.height - 60);
  await page.getByTestId('mapping-fit').click();
  await page.waitForTimeout(1000);
  const overviewPan = await measureDrag(page, await emptyPanePoint(page));
  await context.close();
  return { openMs, domNodes, domEdges, workingPan, sweep, overviewPan };
}

/** Panning only, on the bare page: the whole graph in view, then at about zoom 1. */
async function barePans(browser: Browser, url: string, graph: unknown) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: `window.__benchGraph = ${JSON.stringify(graph)};` });
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(1000);
  const overviewPan = await measureDrag(page, await emptyPanePoint(page));
  await zoomToWorking(page, () => page.locator('.react-flow__controls-zoomin').click());
  const workingPan = await measureDrag(page, await emptyPanePoint(page));
  await context.close();
  return { overviewPan, workingPan };
}

const format = (sample: Sample): string => `${sample.fps.toFixed(1).padStart(5)} fps (p95 ${sample.p95.toFixed(0).padStart(3)} ms)`;
const ratio = (a: Sample, b: Sample): string => `${((a.fps / b.fps) * 100).toFixed(0)}%`;

const sampleText = readFileSync(join(root, 'resources/sample/executive-presence.plp'), 'utf8');
const sample = parseProjectText(sampleText);
if (!sample.ok) throw new Error(sample.error.message);

const browser = await chromium.launch({ executablePath: process.env.PLP_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const studioSite = await studioServer();
const bareSite = await bareServer();
const twin = await twinCode();
const rows: string[] = [];
try {
  console.log(`Pathway editor vs bare React Flow, ${SECONDS} s per interaction, ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium --disable-gpu\n`);
  for (const size of SIZES) {
    const edges = Math.round(size * 1.2);
    const project = withLargeFramework(sample.value.project, { nodes: size, edges });
    const framework = largeFramework(
      sample.value.project.activities.map((activity) => activity.id),
      { nodes: size, edges },
    );
    const graph = {
      nodes: framework.nodes.map((node) => ({ id: node.id, x: node.position.x, y: node.position.y, label: node.label || node.kind })),
      edges: framework.edges,
    };
    console.log(`${size.toLocaleString('en-US')} steps, ${edges.toLocaleString('en-US')} connections`);
    const ours = await studio(browser, studioSite.url, twin, serializeProject(project), size);
    const theirs = await bare(browser, bareSite.url, graph);
    const lines = [
      ['overview pan ', ours.overviewPan, theirs.overviewPan],
      ['overview drag', ours.overviewDrag, theirs.overviewDrag],
      ['working pan  ', ours.workingPan, theirs.workingPan],
      ['working drag ', ours.workingDrag, theirs.workingDrag],
    ] as const;
    for (const [name, a, b] of lines) {
      const line = `  ${name}  studio ${format(a)}   bare ${format(b)}   studio/bare ${ratio(a, b)}`;
      console.log(line);
      rows.push(`${size}\t${name.trim()}\t${a.fps.toFixed(1)}\t${b.fps.toFixed(1)}\t${ratio(a, b)}`);
    }
    console.log(`  steps in the DOM: studio ${ours.domNodesOverview} overview / ${ours.domNodesWorking} working; bare ${theirs.domNodesOverview} / ${theirs.domNodesWorking}`);
    console.log(`  auto-layout (ELK in a worker): ${ours.layout.worker.toFixed(0)} ms in the worker, ${ours.layout.total.toFixed(0)} ms until applied\n`);
    rows.push(`${size}\tlayout\t${ours.layout.worker.toFixed(0)} ms worker\t${ours.layout.total.toFixed(0)} ms total`);
  }
  if (MAPPING) {
    const [findings = 200, capabilities = 100, roles = 20] = MAPPING;
    const project = withLargeMapping(sample.value.project, { findings, capabilities, roles });
    console.log(`Mapping graph: ${findings} findings, ${capabilities} capabilities, ${roles} roles`);
    const result = await mappingStudio(browser, studioSite.url, twin, serializeProject(project));
    console.log(`  opened in ${result.openMs.toFixed(0)} ms; ${result.domNodes} nodes and ${result.domEdges} edges in the DOM`);
    console.log(`  working pan (zoom ~0.9)   ${format(result.workingPan)}`);
    console.log(`  hover sweep (highlight)   ${format(result.sweep)}`);
    console.log(`  overview pan (fit)        ${format(result.overviewPan)}`);
    // The same nodes and edges on a bare React Flow page (default nodes), in the same run.
    const graph = buildMappingGraph(project);
    const theirs = await barePans(browser, bareSite.url, {
      nodes: graph.nodes.map((node) => ({ id: node.id, x: node.position.x, y: node.position.y, label: node.view.kind === 'finding' ? node.view.statement : node.view.name })),
      edges: graph.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
    });
    console.log(`  bare React Flow, same graph: working pan ${format(theirs.workingPan)}, overview pan ${format(theirs.overviewPan)}`);
    console.log(`  studio/bare: working pan ${ratio(result.workingPan, theirs.workingPan)}, overview pan ${ratio(result.overviewPan, theirs.overviewPan)}\n`);
    rows.push(`mapping ${findings}/${capabilities}/${roles}\tworking pan\t${result.workingPan.fps.toFixed(1)}`);
    rows.push(`mapping ${findings}/${capabilities}/${roles}\thover sweep\t${result.sweep.fps.toFixed(1)}`);
    rows.push(`mapping ${findings}/${capabilities}/${roles}\toverview pan\t${result.overviewPan.fps.toFixed(1)}`);
  }
  console.log('TSV');
  console.log('steps\tinteraction\tstudio fps\tbare fps\tratio');
  for (const row of rows) console.log(row);
} finally {
  await browser.close();
  studioSite.server.close();
  bareSite.server.close();
}
