import { contextBridge, ipcRenderer } from 'electron';
import { createPlpApi, type PlpApi, type ResponseEnvelope } from '../../shared/ipc/api';

const api: PlpApi = createPlpApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<ResponseEnvelope>,
  subscribe: (channel, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
});
contextBridge.exposeInMainWorld('plp', api);
