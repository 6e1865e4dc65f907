/**
 * The layer rules are only real if lint fails on a violation. Lints snippets as if they lived
 * in each layer, through the project's own ESLint config.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, relativePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer rules', () => {
  it.each([
    ['renderer/src/features/x.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/features/x.ts', "import { x } from '../../../electron/services/files/atomic-write';\nexport const y = x;\n"],
    ['shared/domain/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/domain/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['shared/domain/x.ts', "import { x } from '../../renderer/src/state/project-store';\nexport const y = x;\n"],
    ['electron/services/files/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/cli/x.ts', "import { dialog } from 'electron';\nexport const x = dialog;\n"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ])('%s: a forbidden import fails lint', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports');
  });

  it('only renderer/src/platform may touch window.plp', async () => {
    expect(await ruleIdsFor('renderer/src/features/x.ts', 'export const api = window.plp;\n')).toContain('no-restricted-properties');
    expect(await ruleIdsFor('renderer/src/platform/x.ts', 'export const api = window.plp;\n')).not.toContain('no-restricted-properties');
  });

  it('allowed imports pass', async () => {
    expect(await ruleIdsFor('shared/domain/x.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
    expect(await ruleIdsFor('renderer/src/features/x.tsx', "import { useState } from 'react';\nexport const x = useState;\n")).toEqual([]);
    expect(await ruleIdsFor('electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
