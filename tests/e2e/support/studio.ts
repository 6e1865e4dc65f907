/**
 * Launches "the studio" for an end-to-end test: the production renderer in Chromium, with the
 * preload's API object (built by the same `createPlpApi`) bound through a Playwright binding to
 * the real main-process handlers running here, over a temp user-data folder, real settings
 * (conf, as electron-store uses) and scripted OS dialogs.
 *
 * A "crash" closes the page without any of the studio's own shutdown; launching again over the
 * same user-data folder is the next start of the app.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import Conf from 'conf';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createStudioHandlers, createStudioServices } from '../../../electron/services/studio/handlers';
import { createScriptedDialogs, type DialogScript, type ScriptedDialogs } from '../../../electron/services/studio/ports';
import { openSettingsFile, type KeyValueStore } from '../../../electron/services/settings';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { eventContract, type EventName, type EventPayload } from '../../../shared/ipc/contract';
import { dispatchRequest, requestNameForChannel } from '../../../shared/ipc/dispatch';
import { serveRenderer } from './static-server';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/** The production renderer build; PLP_RENDERER_DIR lets parallel work build into its own folder. */
const rendererDir = process.env.PLP_RENDERER_DIR ?? join(repoRoot, 'out/renderer');
export const APP_VERSION = '0.1.0';
export const artifactsDir = join(repoRoot, 'tests/artifacts/e2e');

let preloadBundle: Promise<string> | null = null;
function browserPreload(): Promise<string> {
  preloadBundle ??= build({
    entryPoints: [join(repoRoot, 'tests/e2e/support/browser-preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  }).then((result) => result.outputFiles[0]!.text);
  return preloadBundle;
}

export interface LaunchOptions {
  userDataDir: string;
  dialogs?: DialogScript;
  launchFile?: string | null;
  /** Backups every N seconds (the preference); tests use the minimum. */
  backupIntervalSeconds?: number;
  colorScheme?: 'light' | 'dark';
  /** Each PDF takes this much longer to render, so a 12-learner cohort lasts long enough to cancel half-way. */
  pdfDelayMs?: number;
}

export interface StudioSession {
  page: Page;
  context: BrowserContext;
  dialogs: ScriptedDialogs;
  userDataDir: string;
  /** Window ids for which the renderer confirmed closing. */
  closeConfirmations: number[];
  /** What the main process would send: a menu command, an open-file request, a close request. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): Promise<void>;
  /** Kill the window without any shutdown (a crash, a power cut). */
  crash(): Promise<void>;
  close(): Promise<void>;
}

function slowPdfRenderer(delayMs: number): () => Promise<PdfRenderer> {
  const real = createPdfRenderer();
  return async () => {
    const renderer = await real;
    return {
      render: async (model) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return renderer.render(model);
      },
    };
  };
}

export async function launchStudio(browser: Browser, options: LaunchOptions): Promise<StudioSession> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before the end-to-end tests.');
  }
  mkdirSync(options.userDataDir, { recursive: true });
  mkdirSync(artifactsDir, { recursive: true });

  const { service: settings, recoveredFrom } = openSettingsFile({
    dir: options.userDataDir,
    createStore: ({ cwd, name }) => new Conf({ cwd, configName: name, projectName: 'plp-studio' }) as unknown as KeyValueStore,
  });
  if (options.backupIntervalSeconds !== undefined) settings.updatePreferences({ backupIntervalSeconds: options.backupIntervalSeconds });

  const dialogs = createScriptedDialogs(options.dialogs);
  const closeConfirmations: number[] = [];
  const services = createStudioServices({ backupDir: join(options.userDataDir, 'backups'), appVersion: APP_VERSION });
  const handlers = createStudioHandlers({
    ...services,
    dialogs,
    settings,
    windows: {
      confirmClose: (windowId) => {
        closeConfirmations.push(windowId);
        return true;
      },
    },
    launchFile: () => options.launchFile ?? null,
    settingsRecoveredFrom: recoveredFrom ?? null,
    appVersion: APP_VERSION,
    platform: process.platform,
    sampleProjectText: () => readFile(join(repoRoot, 'resources/sample/executive-presence.plp'), 'utf8'),
    ...(options.pdfDelayMs ? { pdfRenderer: slowPdfRenderer(options.pdfDelayMs) } : {}),
    // What main's sendEvent does for the window: validate, then deliver to the renderer.
    events: {
      send: (_windowId, name, payload) => {
        void emitToPage(name, payload).catch(() => undefined);
      },
    },
  });
  let pageForEvents: Page | null = null;
  async function emitToPage<E extends EventName>(name: E, payload: EventPayload<E>): Promise<void> {
    if (!pageForEvents) return;
    const parsed = eventContract[name].payload.parse(payload);
    await pageForEvents.evaluate(([channel, body]) => (window as unknown as { __plpEmit(c: string, p: unknown): void }).__plpEmit(channel, body), [eventContract[name].channel, parsed] as const);
  }

  const server = await serveRenderer(rendererDir);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  await context.exposeBinding('__plpInvoke', async (_source, channel: string, payload: unknown) => {
    const name = requestNameForChannel(channel);
    if (!name) return { ok: false, error: { code: 'unknown-channel', message: `No request on channel ${channel}` } };
    return dispatchRequest(handlers, name, payload, { windowId: 1 });
  });
  await context.addInitScript({ content: await browserPreload() });
  const page = await context.newPage();
  pageForEvents = page;
  await page.goto(server.url);

  let closed = false;
  const shutdown = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    await server.close();
  };
  return {
    page,
    context,
    dialogs,
    userDataDir: options.userDataDir,
    closeConfirmations,
    emit: emitToPage,
    crash: shutdown,
    close: shutdown,
  };
}

/** Saves a screenshot to tests/artifacts/e2e, once modal and toast transitions have settled. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(artifactsDir, `${name}.png`);
  await page.waitForTimeout(400);
  await page.screenshot({ path });
  return path;
}

/**
 * Waits until no CSS transition or animation is running (drawers sliding in, modals fading):
 * an accessibility scan taken mid-fade measures blended colours and reports false contrast
 * failures, which a loaded CI machine makes likely.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        // Endless ones (a spinner) never settle and change no colours worth measuring.
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .every((animation) => animation.playState !== 'running'),
    undefined,
    { timeout: 10_000 },
  );
}
