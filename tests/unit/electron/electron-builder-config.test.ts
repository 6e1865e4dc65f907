/**
 * electron-builder.yml: valid for electron-builder's own schema, with the fuses and the
 * file association the studio relies on. Packaging itself needs internet (it downloads
 * Electron), so this is what can be checked offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Both come with electron-builder (a devDependency): its YAML reader and its config validator.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  fileAssociations: Record<string, unknown>[];
  files: string[];
};
const config = yaml.load(readFileSync(path.resolve('electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the security fuses at packaging', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app into an asar and opens .plp files', () => {
    expect(config).toMatchObject({ appId: 'studio.plp.app', productName: 'PLP Studio', asar: true });
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'plp', name: 'PLP Studio project', role: 'Editor' })]);
  });
});
