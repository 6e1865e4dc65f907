#!/usr/bin/env node
// `npm run audit:electron`: the Electron security audit, offline.
//  1. Electronegativity (static analysis of the main/preload TypeScript and the renderer's
//     index.html, assuming Electron 45). Any HIGH finding fails unless it is in ALLOWLIST
//     below with a reason.
//  2. The studio's own rules (scripts/electron-audit-rules.mjs), for what Electronegativity
//     misses: every window locked down, no insecure switches, openExternal only after the
//     scheme check, exactly one object exposed by the preload, and more. Any finding fails.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditElectronSources } from './electron-audit-rules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VERSION = '45.0.0';

/**
 * HIGH Electronegativity findings accepted on purpose. Each entry: the check id, the file
 * (relative, `/` separated) and a one-line reason. Keep it short.
 * @type {{ issue: string, file: string, reason: string }[]}
 */
const ALLOWLIST = [];

/** Checks that would need the network (they look up Electron's release list on GitHub). */
const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function listSources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !/\.(test|spec)\.[cm]?[tj]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/**
 * Runs Electronegativity through its programmatic entry (the runner its CLI uses) and returns
 * its findings. Not the CLI: its CSV writer starts the header and the rows as two concurrent
 * writes, which can interleave and garble the report.
 */
async function runElectronegativity(files) {
  const require = createRequire(import.meta.url);
  let run;
  try {
    run = require('@doyensec/electronegativity');
  } catch {
    throw new Error('Electronegativity is not installed (npm install).');
  }
  const work = mkdtempSync(path.join(tmpdir(), 'plp-electron-audit-'));
  const log = console.log;
  try {
    const stage = path.join(work, 'input');
    for (const file of files) {
      const target = path.join(stage, path.relative(root, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
    const html = path.join(root, 'renderer', 'index.html');
    if (existsSync(html)) {
      mkdirSync(path.join(stage, 'renderer'), { recursive: true });
      cpSync(html, path.join(stage, 'renderer', 'index.html'));
    }
    // It tries to fetch translations (1 s timeout) and says so when offline; that is expected here.
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    const result = await run(
      {
        input: stage,
        isRelative: true,
        isVerbose: false,
        customScan: [],
        excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
        electronVersionOverride: ELECTRON_VERSION,
        parserPlugins: [],
      },
      false,
    );
    if (result.errors.some((error) => !error.tolerable)) {
      throw new Error(`Electronegativity could not parse: ${result.errors.map((error) => `${error.file}: ${error.message}`).join('; ')}`);
    }
    return result.issues.map((issue) => ({
      issue: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      filename: String(issue.file).split(path.sep).join('/'),
      location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
      description: issue.description,
    }));
  } finally {
    console.log = log;
    rmSync(work, { recursive: true, force: true });
  }
}

const sourceFiles = listSources(path.join(root, 'electron'));
let failed = false;

// 1. Electronegativity.
console.log(`Electronegativity (Electron ${ELECTRON_VERSION}, offline) on ${sourceFiles.length} files in electron/ + renderer/index.html`);
let findings = [];
try {
  findings = await runElectronegativity(sourceFiles);
} catch (error) {
  console.error(`  ✗ ${error.message}`);
  failed = true;
}
const bySeverity = {};
for (const finding of findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
console.log(`  findings: ${Object.entries(bySeverity).map(([severity, count]) => `${count} ${severity}`).join(', ') || 'none'}`);
for (const finding of findings) {
  const where = `${finding.filename}:${finding.location}`;
  if (finding.severity !== 'HIGH') {
    console.log(`  · ${finding.severity.padEnd(13)} ${finding.issue} ${where} — ${finding.description}`);
    continue;
  }
  const allowed = ALLOWLIST.find((entry) => entry.issue === finding.issue && entry.file === finding.filename);
  if (allowed) {
    console.log(`  ✓ HIGH (allowed) ${finding.issue} ${where} — ${allowed.reason}`);
  } else {
    console.error(`  ✗ HIGH ${finding.issue} ${where} — ${finding.description}`);
    failed = true;
  }
}

// 2. The studio's own rules.
const sources = sourceFiles.map((file) => ({ file: path.relative(root, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));
const violations = auditElectronSources(sources);
console.log(`Studio rules on ${sources.length} files: ${violations.length === 0 ? 'all pass' : `${violations.length} violation(s)`}`);
for (const violation of violations) {
  console.error(`  ✗ ${violation.rule} ${violation.file}:${violation.line} — ${violation.message}`);
  failed = true;
}

console.log(failed ? '\nElectron audit FAILED.' : '\nElectron audit passed.');
process.exit(failed ? 1 : 0);
