/**
 * The only code in the renderer that touches `window.plp`, the object the preload exposes.
 *
 * In Electron the preload always provides it. In a plain browser during development (the
 * Vite dev server) there is no preload, so an in-memory twin stands in: it is loaded by
 * dynamic import behind `import.meta.env.DEV`, so the production bundle never contains it.
 */
import type { PlpApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    plp?: PlpApi;
  }
}

export type ApiSource = 'preload' | 'memory-twin';
export type ApiResolution = { status: 'ready'; api: PlpApi; source: ApiSource } | { status: 'missing' };

let resolved: PlpApi | null = null;

/** Find the API: the preload's object, or in development the in-memory twin. */
export async function resolveStudioApi(): Promise<ApiResolution> {
  const fromPreload = window.plp;
  if (fromPreload && typeof fromPreload.getStartupState === 'function') {
    resolved = fromPreload;
    return { status: 'ready', api: fromPreload, source: 'preload' };
  }
  if (import.meta.env.DEV) {
    const [{ createMemoryTwin }, sample] = await Promise.all([import('./memory-twin'), loadDevSample()]);
    const twin = createMemoryTwin({ sample, latencyMs: 150, appVersion: 'dev' });
    (window as unknown as { plpTwin?: unknown }).plpTwin = twin.control;
    resolved = twin.api;
    return { status: 'ready', api: twin.api, source: 'memory-twin' };
  }
  return { status: 'missing' };
}

/** The sample project file, when the repository has one (development only). */
async function loadDevSample(): Promise<string | undefined> {
  const files = import.meta.glob<string>('../../../resources/sample/*.plp', { query: '?raw', import: 'default' });
  const load = Object.values(files)[0];
  return load ? load() : undefined;
}

/** The API once `resolveStudioApi` found it. */
export function getStudioApi(): PlpApi {
  if (!resolved) throw new Error('The PLP Studio API is not available yet.');
  return resolved;
}
