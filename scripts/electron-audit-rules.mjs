// The studio's own Electron security rules, as pure functions over source text, so they are
// unit-tested with good and bad snippets (tests/unit/electron/audit-rules.test.ts).
// They cover what Electronegativity misses (e.g. `nodeIntegration: true` next to
// `sandbox: false`) and the project's own policy. `scripts/audit-electron.mjs` runs them.

/**
 * @typedef {{ file: string, text: string }} SourceFile
 * @typedef {{ rule: string, file: string, line: number, message: string }} Finding
 */

/**
 * Replaces comments with spaces (keeping line breaks and offsets), so commented-out code and
 * prose never trigger a rule. String and template literals are kept as they are.
 * @param {string} text
 * @returns {string}
 */
export function stripComments(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\') j += 1;
        else if (ch !== '`' && text[j] === '\n') break;
        j += 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** @param {string} text @param {number} index */
function lineOf(text, index) {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/**
 * The text between the bracket at `open` and its matching closing bracket (exclusive), or
 * null if it is not closed. Brackets inside string literals are skipped.
 * @param {string} text @param {number} open
 */
export function balancedSpan(text, open) {
  const pairs = { '(': ')', '{': '}', '[': ']' };
  const stack = [];
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') stack.push(pairs[ch]);
    else if (ch === ')' || ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return null;
      if (stack.length === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}

const REQUIRED_WEB_PREFERENCES = [
  ['contextIsolation', 'true'],
  ['sandbox', 'true'],
  ['nodeIntegration', 'false'],
];

/** Settings that must never appear with this value anywhere in the Electron sources. */
const FORBIDDEN = [
  { rule: 'no-node-integration', pattern: /\bnodeIntegration\s*:\s*true\b/, message: 'nodeIntegration: true gives web content the whole of Node' },
  { rule: 'no-node-integration-in-worker', pattern: /\bnodeIntegrationInWorker\s*:\s*true\b/, message: 'nodeIntegrationInWorker: true gives workers Node' },
  { rule: 'no-node-integration-in-subframes', pattern: /\bnodeIntegrationInSubFrames\s*:\s*true\b/, message: 'nodeIntegrationInSubFrames: true' },
  { rule: 'no-context-isolation-off', pattern: /\bcontextIsolation\s*:\s*false\b/, message: 'contextIsolation: false lets pages reach the preload' },
  { rule: 'no-sandbox-off', pattern: /\bsandbox\s*:\s*false\b/, message: 'sandbox: false' },
  { rule: 'no-web-security-off', pattern: /\bwebSecurity\s*:\s*false\b/, message: 'webSecurity: false disables the same-origin policy' },
  { rule: 'no-insecure-content', pattern: /\ballowRunningInsecureContent\s*:\s*true\b/, message: 'allowRunningInsecureContent: true' },
  { rule: 'no-webview', pattern: /\bwebviewTag\s*:\s*true\b/, message: 'webviewTag: true enables <webview>' },
  { rule: 'no-experimental-features', pattern: /\b(?:experimentalFeatures\s*:\s*true|enableBlinkFeatures\s*:)/, message: 'experimental Blink features' },
  { rule: 'no-remote-module', pattern: /\benableRemoteModule\b|@electron\/remote|\bremote\s*[,}][^;]*from\s*['"]electron['"]|\.remote\b\s*\./, message: 'the remote module' },
  { rule: 'no-insecure-switches', pattern: /['"](?:--)?(?:no-sandbox|disable-web-security|ignore-certificate-errors|allow-file-access-from-files)['"]/, message: 'a command-line switch that weakens security' },
  { rule: 'no-file-protocol', pattern: /\bloadFile\s*\(|['"`]file:\/\//, message: 'the renderer is served from app://, not file://' },
  { rule: 'no-raw-ipc', pattern: /\bipcMain\s*\.\s*(?:on|once|handle|handleOnce)\s*\(\s*['"`]/, message: 'IPC channels come from the contract (registerIpcHandlers), not string literals' },
  { rule: 'no-certificate-bypass', pattern: /\bsetCertificateVerifyProc\s*\(|['"]certificate-error['"]/, message: 'certificate checks must not be overridden' },
];

/** How far back (lines) a scheme check must be from `openExternal(`. */
const OPEN_EXTERNAL_WINDOW = 6;
const SCHEME_CHECK = /\bisSafeExternalUrl\s*\(/;

/**
 * Runs every rule over the given sources (paths relative to the repository, `/` separated).
 * Files under `electron/preload/` get the preload rules; all files get the others.
 * @param {SourceFile[]} files
 * @returns {Finding[]}
 */
export function auditElectronSources(files) {
  /** @type {Finding[]} */
  const findings = [];
  const add = (rule, file, text, index, message) => findings.push({ rule, file, line: lineOf(text, index), message });

  let exposeCalls = 0;
  let preloadFiles = 0;
  let sawWindowOpenHandler = false;
  let sawNavigationGuard = false;
  let sawPermissionHandler = false;
  let sawWebviewGuard = false;

  for (const { file, text: original } of files) {
    const text = stripComments(original);
    const isPreload = file.includes('electron/preload/');

    // Every window or view is created with an inline options object holding the locked-down preferences.
    for (const match of text.matchAll(/\bnew\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/g)) {
      const open = match.index + match[0].length - 1;
      const args = balancedSpan(text, open);
      if (args === null || !/\bwebPreferences\s*:/.test(args)) {
        add('web-preferences-explicit', file, text, match.index, `new ${match[1]} must be given an inline options object with webPreferences`);
      }
    }
    for (const match of text.matchAll(/\bwebPreferences\s*:\s*\{/g)) {
      const open = match.index + match[0].length - 1;
      const body = balancedSpan(text, open) ?? '';
      for (const [key, value] of REQUIRED_WEB_PREFERENCES) {
        if (!new RegExp(`\\b${key}\\s*:\\s*${value}\\b`).test(body)) {
          add('web-preferences-locked', file, text, match.index, `webPreferences must set ${key}: ${value}`);
        }
      }
    }
    for (const match of text.matchAll(/\bwebPreferences\s*:(?!\s*\{)/g)) {
      add('web-preferences-locked', file, text, match.index, 'webPreferences must be an inline object literal so it can be checked');
    }

    for (const { rule, pattern, message } of FORBIDDEN) {
      const global = new RegExp(pattern.source, 'g');
      for (const match of text.matchAll(global)) add(rule, file, text, match.index, message);
    }

    // shell.openExternal only right after the http/https/mailto check.
    const lines = text.split('\n');
    lines.forEach((lineText, index) => {
      if (!/\bopenExternal\s*\(/.test(lineText)) return;
      if (/\bopenExternal\s*\([^)]*\)\s*:/.test(lineText)) return; // a type signature
      const before = lines.slice(Math.max(0, index - OPEN_EXTERNAL_WINDOW), index + 1).join('\n');
      if (!SCHEME_CHECK.test(before)) {
        findings.push({ rule: 'open-external-checked', file, line: index + 1, message: `openExternal must follow an isSafeExternalUrl() check within ${OPEN_EXTERNAL_WINDOW} lines` });
      }
    });

    if (/\bsetWindowOpenHandler\s*\(/.test(text)) sawWindowOpenHandler = true;
    if (/['"]will-navigate['"]/.test(text)) sawNavigationGuard = true;
    if (/\bsetPermissionRequestHandler\s*\(/.test(text)) sawPermissionHandler = true;
    if (/['"]will-attach-webview['"]/.test(text)) sawWebviewGuard = true;

    if (isPreload) {
      preloadFiles += 1;
      for (const match of text.matchAll(/\bexposeInMainWorld\s*\(/g)) {
        exposeCalls += 1;
        const args = balancedSpan(text, match.index + match[0].length - 1) ?? '';
        if (/,\s*(?:ipcRenderer|require|process|electron)\s*$/.test(args.trim()) || /\bipcRenderer\s*[,}]/.test(args)) {
          add('preload-no-raw-ipc', file, text, match.index, 'the preload must expose the typed API object, never ipcRenderer itself');
        }
      }
      for (const match of text.matchAll(/\brequire\s*\(/g)) {
        add('preload-no-require', file, text, match.index, 'the sandboxed preload bundles its code; no require()');
      }
    }
  }

  const summaryFile = files[0]?.file ?? 'electron/';
  if (preloadFiles > 0 && exposeCalls !== 1) {
    findings.push({ rule: 'preload-one-object', file: 'electron/preload/', line: 0, message: `the preload must call exposeInMainWorld exactly once (found ${exposeCalls})` });
  }
  const required = [
    [sawWindowOpenHandler, 'window-open-denied', 'no setWindowOpenHandler: window.open is not denied'],
    [sawNavigationGuard, 'navigation-limited', "no 'will-navigate' handler: navigation is not limited"],
    [sawPermissionHandler, 'permissions-denied', 'no setPermissionRequestHandler: permission requests are not denied'],
    [sawWebviewGuard, 'webview-denied', "no 'will-attach-webview' handler"],
  ];
  for (const [seen, rule, message] of required) {
    if (!seen) findings.push({ rule, file: summaryFile, line: 0, message });
  }
  return findings;
}
