/**
 * Small wrappers around the studio's request handlers for what the main process must do after
 * some requests (rebuild the Open Recent menu, forget a launch file once it was handed over,
 * follow the theme). Pure: no Electron.
 */
import type { RequestName } from '../../shared/ipc/contract';
import type { MainHandlers, RequestContext } from '../../shared/ipc/dispatch';

/** Requests after which the recent-files list may have changed. */
export const RECENT_FILES_REQUESTS = ['openProject', 'saveProject', 'saveProjectAs', 'clearRecentFiles', 'restoreBackup'] as const satisfies readonly RequestName[];

function wrapOne<K extends RequestName>(
  handlers: MainHandlers,
  name: K,
  after: (result: Awaited<ReturnType<MainHandlers[K]>> | undefined, context: RequestContext) => void,
): MainHandlers[K] {
  const original = handlers[name] as (input: unknown, context: RequestContext) => unknown;
  const wrapped = async (input: unknown, context: RequestContext) => {
    let result: Awaited<ReturnType<MainHandlers[K]>> | undefined;
    try {
      result = (await original(input, context)) as Awaited<ReturnType<MainHandlers[K]>>;
      return result;
    } finally {
      try {
        after(result, context);
      } catch (error) {
        console.warn(`After "${name}":`, error);
      }
    }
  };
  return wrapped as unknown as MainHandlers[K];
}

/**
 * Returns a copy of `handlers` where each request in `names` runs `after` once it has finished
 * (succeeded or failed; `result` is undefined when it threw). The handler's own answer is
 * returned unchanged, and an error in `after` is logged, never sent to the renderer.
 */
export function runAfter<K extends RequestName>(
  handlers: MainHandlers,
  names: readonly K[],
  after: (name: K, result: Awaited<ReturnType<MainHandlers[K]>> | undefined, context: RequestContext) => void,
): MainHandlers {
  const copy: Record<string, unknown> = { ...handlers };
  for (const name of names) {
    copy[name] = wrapOne(handlers, name, (result, context) => after(name, result, context));
  }
  return copy as MainHandlers;
}
