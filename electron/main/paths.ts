/**
 * Where the app's built files and resources are, in development (`electron .` from the
 * repository) and packaged (inside app.asar, with the sample unpacked next to it).
 */
import path from 'node:path';

export const SAMPLE_PROJECT_FILE = 'executive-presence.plp';

export interface StudioPaths {
  rendererDir: string;
  preloadPath: string;
  iconPath: string;
  sampleProjectPath: string;
}

export function studioPaths(options: { appPath: string; isPackaged: boolean; resourcesPath: string }): StudioPaths {
  const { appPath, isPackaged, resourcesPath } = options;
  return {
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preloadPath: path.join(appPath, 'out', 'preload', 'index.cjs'),
    iconPath: path.join(appPath, 'resources', 'icons', 'icon.png'),
    // electron-builder.yml copies resources/sample to <resources>/sample (extraResources).
    sampleProjectPath: isPackaged
      ? path.join(resourcesPath, 'sample', SAMPLE_PROJECT_FILE)
      : path.join(appPath, 'resources', 'sample', SAMPLE_PROJECT_FILE),
  };
}
