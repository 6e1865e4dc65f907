/**
 * The browser twin of electron/preload: the same `createPlpApi` builds the same fixed object,
 * but its transport is a Playwright binding to the main-process services instead of
 * ipcRenderer. Bundled and injected before the renderer loads.
 */
import { createPlpApi, type ResponseEnvelope } from '../../../shared/ipc/api';

interface TestWindow {
  __plpInvoke(channel: string, payload: unknown): Promise<ResponseEnvelope>;
  __plpEmit(channel: string, payload: unknown): void;
  plp: unknown;
}

const testWindow = window as unknown as TestWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

testWindow.__plpEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

testWindow.plp = createPlpApi({
  // Structured like Electron's invoke: the payload crosses a serialization boundary.
  invoke: (channel, payload) => testWindow.__plpInvoke(channel, JSON.parse(JSON.stringify(payload ?? {}))),
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});
