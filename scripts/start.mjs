#!/usr/bin/env node
// `npm start`: make sure the Electron binary is present (the electron package fetches it
// lazily, on first use), build the three bundles, then launch the app. Works the same on
// Windows, macOS and Linux: every child is `node <script>` or the Electron binary itself,
// so no shell is needed. Extra arguments go to the app: `npm start -- path/to/project.plp`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const electronViteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function electronBinaryPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** The reason for a failed download, in one line, without the stack trace. */
function firstErrorLine(output) {
  const line = output
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at ') && !/^Downloading/i.test(text))
    ?.replace(/^[A-Za-z]*Error: /, '');
  return line ? line.slice(0, 200) : 'the download did not complete';
}

// (a) The Electron binary.
if (!existsSync(path.join(electronDir, 'package.json')) || !existsSync(electronViteBin)) {
  fail('PLP Studio is not installed yet. Run `npm install` first, then `npm start`.');
}
let electronPath = electronBinaryPath();
if (electronPath === null) {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) fail('The electron package is incomplete. Delete node_modules and run `npm install` again.');
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  console.log(`Downloading Electron ${version} (first start only, about 100 MB)…`);
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  electronPath = electronBinaryPath();
  if (result.status !== 0 || electronPath === null) {
    const reason = result.error ? result.error.message : firstErrorLine(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
    fail(
      `PLP Studio needs internet once to download Electron ${version} (${reason}).\n` +
        'Connect and run npm start again.',
    );
  }
}

// (b) Build main, preload and renderer.
console.log('Building PLP Studio…');
const build = spawnSync(process.execPath, [electronViteBin, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('The build failed (see the messages above).');

// (c) Launch. `.` is the app folder; package.json "main" points at out/main/index.js.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env, windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => fail(`Could not start Electron (${error.message}).`));
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
