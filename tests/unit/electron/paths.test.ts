import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { studioPaths } from '../../../electron/main/paths';

describe('studioPaths', () => {
  it('finds the built bundles inside the app and the sample next to the repository in development', () => {
    const paths = studioPaths({ appPath: '/repo', isPackaged: false, resourcesPath: '/electron/resources' });
    expect(paths).toEqual({
      rendererDir: path.join('/repo', 'out', 'renderer'),
      preloadPath: path.join('/repo', 'out', 'preload', 'index.cjs'),
      iconPath: path.join('/repo', 'resources', 'icons', 'icon.png'),
      sampleProjectPath: path.join('/repo', 'resources', 'sample', 'executive-presence.plp'),
    });
  });

  it('reads the sample from the unpacked resources folder when packaged (electron-builder extraResources)', () => {
    const paths = studioPaths({ appPath: '/opt/PLP Studio/resources/app.asar', isPackaged: true, resourcesPath: '/opt/PLP Studio/resources' });
    expect(paths.rendererDir).toBe(path.join('/opt/PLP Studio/resources/app.asar', 'out', 'renderer'));
    expect(paths.sampleProjectPath).toBe(path.join('/opt/PLP Studio/resources', 'sample', 'executive-presence.plp'));
  });
});
