import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditElectronSources as audit, balancedSpan, stripComments, type Finding } from '../../../scripts/electron-audit-rules.mjs';

/** A minimal main + preload that satisfy every rule; each bad case changes one thing. */
const GOOD_MAIN = `
import { BrowserWindow, shell } from 'electron';
import { isSafeExternalUrl } from './app-url';
export function open() {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.cjs' },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      void shell.openExternal(url);
    }
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.webContents.session.setPermissionRequestHandler((_w, _p, cb) => cb(false));
  // A comment may mention nodeIntegration: true or webSecurity: false without tripping a rule.
  /* new BrowserWindow(options) in a comment is fine too */
  return win;
}
`;
const GOOD_PRELOAD = `
import { contextBridge, ipcRenderer } from 'electron';
const api = { ping: () => ipcRenderer.invoke('ping') };
contextBridge.exposeInMainWorld('plp', api);
`;

function run(main: string, preload: string = GOOD_PRELOAD): Finding[] {
  return audit([
    { file: 'electron/main/index.ts', text: main },
    { file: 'electron/preload/index.ts', text: preload },
  ]);
}

function rules(findings: Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.rule))].sort();
}

describe('the Electron audit rules', () => {
  it('pass a locked-down main process and preload', () => {
    expect(run(GOOD_MAIN)).toEqual([]);
  });

  it("pass the project's own electron/ sources", () => {
    const files: { file: string; text: string }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push({ file: path.relative(process.cwd(), full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    };
    walk(path.resolve('electron'));
    expect(files.length).toBeGreaterThan(5);
    expect(audit(files)).toEqual([]);
  });

  it.each([
    ['nodeIntegration: true next to sandbox: false (which Electronegativity misses)', 'contextIsolation: true, sandbox: true, nodeIntegration: false', 'contextIsolation: true, sandbox: false, nodeIntegration: true', ['no-node-integration', 'no-sandbox-off', 'web-preferences-locked']],
    ['contextIsolation: false', 'contextIsolation: true,', 'contextIsolation: false,', ['no-context-isolation-off', 'web-preferences-locked']],
    ['a missing sandbox setting', 'sandbox: true, ', '', ['web-preferences-locked']],
    ['nodeIntegrationInWorker: true', 'preload:', 'nodeIntegrationInWorker: true, preload:', ['no-node-integration-in-worker']],
    ['webSecurity: false', 'preload:', 'webSecurity: false, preload:', ['no-web-security-off']],
    ['allowRunningInsecureContent: true', 'preload:', 'allowRunningInsecureContent: true, preload:', ['no-insecure-content']],
    ['enableRemoteModule', 'preload:', 'enableRemoteModule: false, preload:', ['no-remote-module']],
    ['webviewTag: true', 'preload:', 'webviewTag: true, preload:', ['no-webview']],
    ['experimental Blink features', 'preload:', "enableBlinkFeatures: 'CSSVariables', preload:", ['no-experimental-features']],
    ['webPreferences that are not an inline object', "webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.cjs' }", 'webPreferences: prefs', ['web-preferences-locked']],
    ['a window built from an options variable', "new BrowserWindow({\n    show: false,\n    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.cjs' },\n  })", 'new BrowserWindow(options)', ['web-preferences-explicit']],
    ['openExternal without the scheme check', 'if (isSafeExternalUrl(url)) {', 'if (url) {', ['open-external-checked']],
    ['loading from file://', "return win;", "win.loadFile('index.html');\n  return win;", ['no-file-protocol']],
    ['an insecure command-line switch', "return win;", "app.commandLine.appendSwitch('disable-web-security');\n  return win;", ['no-insecure-switches']],
    ['a raw IPC channel', "return win;", "ipcMain.handle('exec', () => 1);\n  return win;", ['no-raw-ipc']],
    ['no window-open handler', 'win.webContents.setWindowOpenHandler', 'win.webContents.setSomethingElse', ['window-open-denied']],
    ['no navigation guard', "'will-navigate'", "'did-navigate'", ['navigation-limited']],
    ['no permission handler', 'setPermissionRequestHandler', 'setSomethingElse', ['permissions-denied']],
  ])('flag %s', (_name, find, replace, expected) => {
    const bad = GOOD_MAIN.replace(find, replace);
    expect(bad).not.toBe(GOOD_MAIN);
    expect(rules(run(bad))).toEqual(expected);
  });

  it('flag a preload that exposes more than one object, or ipcRenderer itself', () => {
    expect(rules(run(GOOD_MAIN, `${GOOD_PRELOAD}\ncontextBridge.exposeInMainWorld('extra', {});`))).toEqual(['preload-one-object']);
    expect(rules(run(GOOD_MAIN, `import { contextBridge } from 'electron';`))).toEqual(['preload-one-object']);
    expect(rules(run(GOOD_MAIN, GOOD_PRELOAD.replace("exposeInMainWorld('plp', api)", "exposeInMainWorld('plp', ipcRenderer)")))).toEqual(['preload-no-raw-ipc']);
    expect(rules(run(GOOD_MAIN, `${GOOD_PRELOAD}\nconst fs = require('fs');`))).toEqual(['preload-no-require']);
  });

  it('report the line of a finding', () => {
    const bad = GOOD_MAIN.replace('sandbox: true', 'sandbox: false');
    const finding = run(bad).find((entry) => entry.rule === 'no-sandbox-off');
    expect(finding?.line).toBe(bad.split('\n').findIndex((line) => line.includes('sandbox: false')) + 1);
  });
});

describe('the audit helpers', () => {
  it('strip comments but keep strings (including ones that look like comments)', () => {
    const text = "const a = 'app://studio'; // gone\n/* gone\n too */ const b = \"/* kept */\";";
    const stripped = stripComments(text);
    expect(stripped).toContain("'app://studio'");
    expect(stripped).toContain('"/* kept */"');
    expect(stripped).not.toContain('gone');
    expect(stripped.split('\n')).toHaveLength(3);
  });

  it('find the balanced span of a bracket, skipping brackets in strings', () => {
    expect(balancedSpan("f({ a: ')', b: [1, 2] }) + 1", 1)).toBe("{ a: ')', b: [1, 2] }");
    expect(balancedSpan('f((1)', 1)).toBeNull();
  });
});
