/**
 * Binds the IPC contract to Electron: one `ipcMain.handle` per request in the contract (no
 * other channel), each checking who sent it before `dispatchRequest` validates the payload
 * and calls the handler. Events to the renderer are validated against the contract too.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ResponseEnvelope } from '../../shared/ipc/api';
import { eventContract, requestContract, type EventName, type EventPayload, type RequestName } from '../../shared/ipc/contract';
import { dispatchRequest, type MainHandlers } from '../../shared/ipc/dispatch';
import { isAppUrl } from './app-url';

/** The parts of a sending frame (Electron's `WebFrameMain`) the trust check reads. */
export interface SenderFrame {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: object | null;
  readonly processId: number;
  readonly frameToken: string;
}

export interface IpcOptions {
  /** True only for the main frame of one of the studio's windows showing `app://studio/`. */
  isTrustedSender(frame: SenderFrame): boolean;
  /** The id of the window whose renderer sent the request (one document session per window). */
  windowIdFor(event: IpcMainInvokeEvent): number | null;
}

function refused(code: string, message: string): ResponseEnvelope {
  return { ok: false, error: { code, message } };
}

/**
 * Registers a handler for every request channel of the contract and returns the channels
 * registered. A request from an untrusted frame gets `{ ok: false, error: { code:
 * 'untrusted-sender' } }` and never reaches validation or the handler.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: MainHandlers, options: IpcOptions): string[] {
  const channels: string[] = [];
  for (const name of Object.keys(requestContract) as RequestName[]) {
    const { channel } = requestContract[name];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<ResponseEnvelope> => {
      const frame = event.senderFrame;
      if (frame === null || frame === undefined || !options.isTrustedSender(frame)) {
        return refused('untrusted-sender', `Refused "${name}": the request did not come from the PLP Studio window.`);
      }
      const windowId = options.windowIdFor(event);
      if (windowId === null) {
        return refused('untrusted-sender', `Refused "${name}": the sending window is not a PLP Studio window.`);
      }
      return dispatchRequest(handlers, name, payload, { windowId });
    });
    channels.push(channel);
  }
  return channels;
}

/**
 * The standard trust check: the frame is a top-level frame (no parent), it is the main
 * frame of one of `mainFrames()` (our windows), and it shows the studio's own origin.
 */
export function createSenderCheck(mainFrames: () => readonly SenderFrame[]): (frame: SenderFrame) => boolean {
  return (frame) => {
    if (frame.parent !== null) return false;
    if (!isAppUrl(frame.url)) return false;
    return mainFrames().some((main) => main.processId === frame.processId && main.frameToken === frame.frameToken);
  };
}

/**
 * Sends a contract event to one renderer. The payload is checked against the event's schema
 * first; an invalid payload (a bug in main) is logged and not sent. Returns whether it was sent.
 */
export function sendEvent<E extends EventName>(contents: Pick<WebContents, 'send' | 'isDestroyed'>, name: E, payload: EventPayload<E>): boolean {
  const { channel, payload: schema } = eventContract[name];
  const checked = schema.safeParse(payload);
  if (!checked.success) {
    console.error(`Not sending "${name}": invalid payload`, checked.error.issues);
    return false;
  }
  if (contents.isDestroyed()) return false;
  contents.send(channel, checked.data);
  return true;
}
