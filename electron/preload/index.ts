/**
 * The preload: the only bridge between the sandboxed renderer and the main process. It exposes
 * one fixed, frozen object as `window.plp` (one method per request of the contract, one
 * subscription per event) and nothing else: no ipcRenderer, no channel names, no Node. The
 * renderer never sees the IPC event object, only the payload.
 *
 * Bundled to a single CommonJS file (out/preload/index.cjs): a sandboxed preload cannot load
 * ES modules or anything from node_modules besides `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPlpApi, type PlpApi, type ResponseEnvelope } from '../../shared/ipc/api';

const api: PlpApi = createPlpApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<ResponseEnvelope>,
  subscribe: (channel, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld('plp', api);
