/**
 * The one object the preload exposes to the renderer (as `window.plp`), typed from the
 * contract. It has one fixed method per request and one subscription per event; there is no
 * way to name an arbitrary channel from the renderer.
 *
 * The same builder serves the Electron preload (transport = ipcRenderer) and the browser
 * twin used by the end-to-end tests (transport = a Playwright binding), so both expose the
 * identical object.
 */
import { EVENT_CHANNELS, REQUEST_CHANNELS } from './channels';
import type {
  EventName,
  EventPayload,
  RequestInput,
  RequestName,
  RequestOutput,
  StudioError,
} from './contract';

export type Unsubscribe = () => void;

export type PlpApi = {
  readonly [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>>;
} & {
  readonly events: { readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe };
};

/** What crosses the process boundary for every request. */
export type ResponseEnvelope = { ok: true; value: unknown } | { ok: false; error: StudioError };

export interface IpcTransport {
  invoke(channel: string, payload: unknown): Promise<ResponseEnvelope>;
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}

/** A request the main process refused or failed on unexpectedly (bad payload, a bug). */
export class StudioRequestError extends Error {
  readonly code: string;
  readonly details: string[];
  constructor(error: StudioError) {
    super(error.message);
    this.name = 'StudioRequestError';
    this.code = error.code;
    this.details = error.details ?? [];
  }
}

export function createPlpApi(transport: IpcTransport): PlpApi {
  const requests: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, channel] of Object.entries(REQUEST_CHANNELS)) {
    requests[name] = async (input: unknown) => {
      const envelope = await transport.invoke(channel, input);
      if (!envelope.ok) throw new StudioRequestError(envelope.error);
      return envelope.value;
    };
  }
  const events: Record<string, (listener: (payload: unknown) => void) => Unsubscribe> = {};
  for (const [name, channel] of Object.entries(EVENT_CHANNELS)) {
    events[name] = (listener) => transport.subscribe(channel, listener);
  }
  return Object.freeze({ ...requests, events: Object.freeze(events) }) as unknown as PlpApi;
}
