/**
 * The studio's main-process handlers over a temp folder, called exactly as the IPC layer does
 * (`dispatchRequest`, which validates payloads), with every answer checked against the contract's
 * output schema.
 */
import { createStudioHandlers, createStudioServices, type StudioDeps } from '../../../electron/services/studio/handlers';
import { createMemorySettings, createScriptedDialogs, type DialogScript, type MemorySettingsInit, type ScriptedDialogs, type SettingsPort } from '../../../electron/services/studio/ports';
import type { AtomicWriter } from '../../../electron/services/projects/project-documents';
import { serializeProject } from '../../../shared/domain/project-file';
import type { ResponseEnvelope } from '../../../shared/ipc/api';
import { eventContract, requestContract, type EventName, type RequestInput, type RequestName, type RequestOutput } from '../../../shared/ipc/contract';
import { dispatchRequest } from '../../../shared/ipc/dispatch';
import { buildRichProject } from '../domain/rich-project';

export const APP_VERSION = '0.2.0';

export interface HarnessOptions {
  backupDir: string;
  dialogs?: DialogScript;
  settings?: MemorySettingsInit;
  now?: () => Date;
  write?: AtomicWriter;
  launchFile?: string | null;
  settingsRecoveredFrom?: string | null;
  sampleText?: string;
  /** What WindowPort.confirmClose answers. */
  closing?: boolean;
  /** Called for every event main sends (after it is recorded in `sent`). */
  onEvent?: (event: SentEvent) => void;
}

export interface SentEvent {
  windowId: number;
  name: EventName;
  payload: unknown;
}

export interface Harness {
  dialogs: ScriptedDialogs;
  settings: SettingsPort;
  deps: StudioDeps;
  closeRequests: number[];
  warnings: string[];
  /** Events main sent to renderers (export progress), in order. */
  sent: SentEvent[];
  /** Calls through dispatchRequest; throws on a refused request or an answer outside the contract. */
  call<K extends RequestName>(name: K, payload: RequestInput<K>, windowId?: number): Promise<RequestOutput<K>>;
  /** The raw envelope, for refused requests. */
  raw(name: RequestName, payload: unknown, windowId?: number): Promise<ResponseEnvelope>;
}

export function createHarness(options: HarnessOptions): Harness {
  const dialogs = createScriptedDialogs(options.dialogs);
  const settings = createMemorySettings(options.settings);
  const closeRequests: number[] = [];
  const warnings: string[] = [];
  const sent: SentEvent[] = [];
  const services = createStudioServices({
    backupDir: options.backupDir,
    appVersion: APP_VERSION,
    ...(options.now ? { now: options.now } : {}),
    ...(options.write ? { write: options.write } : {}),
  });
  const deps: StudioDeps = {
    ...services,
    dialogs,
    settings,
    windows: {
      confirmClose: (windowId) => {
        closeRequests.push(windowId);
        return options.closing ?? true;
      },
    },
    launchFile: () => options.launchFile ?? null,
    settingsRecoveredFrom: options.settingsRecoveredFrom ?? null,
    appVersion: APP_VERSION,
    platform: 'linux',
    sampleProjectText: () => Promise.resolve(options.sampleText ?? serializeProject(buildRichProject())),
    warn: (message) => warnings.push(message),
    events: {
      send: (windowId, name, payload) => {
        // Main validates what it sends (sendEvent); so does the harness.
        const event = { windowId, name, payload: eventContract[name].payload.parse(payload) };
        sent.push(event);
        options.onEvent?.(event);
      },
    },
    ...(options.now ? { now: options.now } : {}),
  };
  const handlers = createStudioHandlers(deps);

  const raw = (name: RequestName, payload: unknown, windowId = 1) => dispatchRequest(handlers, name, payload, { windowId });
  const call = async <K extends RequestName>(name: K, payload: RequestInput<K>, windowId = 1): Promise<RequestOutput<K>> => {
    const envelope = await raw(name, payload, windowId);
    if (!envelope.ok) throw new Error(`${name} was refused: [${envelope.error.code}] ${envelope.error.message}`);
    const checked = requestContract[name].output.safeParse(envelope.value);
    if (!checked.success) throw new Error(`${name} answered outside the contract: ${checked.error.message}`);
    return envelope.value as RequestOutput<K>;
  };
  return { dialogs, settings, deps, closeRequests, warnings, sent, call, raw };
}
