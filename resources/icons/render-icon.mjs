#!/usr/bin/env node
// Renders icon.svg to the 512×512 icon.png electron-builder and the Linux window use, with a
// headless Chromium (`CHROMIUM=/path/to/chrome node resources/icons/render-icon.mjs`).
// Run it again after editing the SVG; the PNG is committed, so packaging needs no browser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = path.join(here, 'icon.svg');
const png = path.join(here, 'icon.png');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(path.join(tmpdir(), 'plp-icon-'));
const page = path.join(work, 'icon.html');
writeFileSync(
  page,
  `<!doctype html><html><head><style>html,body{margin:0;background:transparent;overflow:hidden}img{display:block;width:512px;height:512px}</style></head>` +
    `<body><img src="${pathToFileURL(svg).href}"></body></html>`,
);
const result = spawnSync(
  chromium,
  ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000', '--window-size=512,512', `--screenshot=${png}`, pathToFileURL(page).href],
  { encoding: 'utf8', timeout: 60_000 },
);
rmSync(work, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(`Chromium failed: ${result.error?.message ?? result.stderr}`);
  process.exit(1);
}
console.log(`Wrote ${png}`);
