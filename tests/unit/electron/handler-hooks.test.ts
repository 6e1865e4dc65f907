import { describe, expect, it, vi } from 'vitest';
import { RECENT_FILES_REQUESTS, runAfter } from '../../../electron/main/handler-hooks';
import { REQUEST_NAMES } from '../../../shared/ipc/contract';
import { spyHandlers } from './helpers';

describe('runAfter', () => {
  it('runs the hook after the named requests only, returning the handler answer unchanged', async () => {
    const handlers = spyHandlers();
    const after = vi.fn();
    const wrapped = runAfter(handlers, RECENT_FILES_REQUESTS, after);
    expect(Object.keys(wrapped).sort()).toEqual([...REQUEST_NAMES].sort());

    await expect(wrapped.clearRecentFiles({}, { windowId: 2 })).resolves.toEqual({ handled: 'clearRecentFiles' });
    expect(after).toHaveBeenCalledWith('clearRecentFiles', { handled: 'clearRecentFiles' }, { windowId: 2 });
    await wrapped.listRecentFiles({}, { windowId: 2 });
    expect(after).toHaveBeenCalledTimes(1);
    expect(handlers.listRecentFiles).toHaveBeenCalledTimes(1);
  });

  it('still runs the hook when the handler throws, and rethrows its error', async () => {
    const handlers = spyHandlers();
    handlers.openProject.mockRejectedValueOnce(new Error('boom'));
    const after = vi.fn();
    const wrapped = runAfter(handlers, ['openProject'], after);
    await expect(wrapped.openProject({}, { windowId: 1 })).rejects.toThrow('boom');
    expect(after).toHaveBeenCalledWith('openProject', undefined, { windowId: 1 });
  });

  it('never lets a failing hook change the answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wrapped = runAfter(spyHandlers(), ['saveProject'], () => {
      throw new Error('menu broke');
    });
    await expect(wrapped.saveProject({} as never, { windowId: 1 })).resolves.toEqual({ handled: 'saveProject' });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
