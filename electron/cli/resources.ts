/** Finds files shipped in resources/ whether the CLI runs from a checkout or a packaged app. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function locateResource(relativePath: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    resolve(here, '../../resources', relativePath), // electron/cli → repo root
    resolve(here, '../../../resources', relativePath),
    join(process.cwd(), 'resources', relativePath),
  ];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.unshift(join(resourcesPath, relativePath));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`PLP Studio's resource "${relativePath}" is missing (looked in ${candidates.join(', ')}).`);
  return found;
}

export const SAMPLE_PROJECT = 'sample/executive-presence.plp';
