import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../../shared/domain/project-file';
import { createDocumentActions } from '../../../renderer/src/app/document-actions';
import { runStartup, type RecoveryHandlers, type StartupUi } from '../../../renderer/src/app/startup';
import { createUiStore } from '../../../renderer/src/app/ui-store';
import { createMemoryTwin, type MemoryTwinOptions } from '../../../renderer/src/platform/memory-twin';
import { createProjectStore, selectIsUnsaved, selectTitle } from '../../../renderer/src/state/project-store';
import type { BackupSummary } from '../../../shared/ipc/contract';
import { FakeUi, smallProject } from './helpers';

type RecoveryScript = (backups: readonly BackupSummary[], handlers: RecoveryHandlers) => Promise<void>;

async function start(options: MemoryTwinOptions, recovery: RecoveryScript = async () => {}) {
  const twin = createMemoryTwin({ sample: smallProject('Sample'), ...options });
  const store = createProjectStore();
  const uiStore = createUiStore();
  const fake = new FakeUi();
  const offered: BackupSummary[][] = [];
  const ui: StartupUi = {
    notify: (toast) => fake.notify(toast),
    askRecovery: async (backups, handlers) => {
      offered.push([...backups]);
      await recovery(backups, handlers);
    },
  };
  const actions = createDocumentActions({ api: twin.api, store, ui: fake, uiStore });
  const result = await runStartup({ api: twin.api, store, uiStore, actions, ui });
  return { result, store, uiStore, fake, offered, twin };
}

const backup = { backupId: 'b1', documentId: null, title: 'Lost work', filePath: '/disk/a.plp', backedUpAt: '2026-01-05T10:00:00Z', project: smallProject('Lost work') };

describe('startup', () => {
  it('first launch opens the sample', async () => {
    const { result, store, uiStore } = await start({});
    expect(result).toBe('sample');
    expect(selectTitle(store.getState())).toBe('Sample');
    expect(uiStore.getState().phase).toBe('ready');
  });

  it('applies the preferences', async () => {
    const { uiStore } = await start({ preferences: { theme: 'dark', backupIntervalSeconds: 10 } });
    expect(uiStore.getState().preferences).toMatchObject({ theme: 'dark', backupIntervalSeconds: 10 });
  });

  it('opens the most recent file; if that fails, shows the welcome screen with a toast', async () => {
    const ok = await start({ recentFiles: ['/disk/a.plp'], files: { '/disk/a.plp': serializeProject(smallProject('Recent')) } });
    expect(ok.result).toBe('recent');
    expect(selectTitle(ok.store.getState())).toBe('Recent');

    const missing = await start({ recentFiles: ['/disk/gone.plp'] });
    expect(missing.result).toBe('welcome');
    expect(missing.store.getState().document).toBeNull();
    expect(missing.fake.kinds()).toEqual(["error:Couldn't open \u201cgone.plp\u201d"]);
  });

  it('a launch file wins over the recent list', async () => {
    const files = { '/disk/a.plp': serializeProject(smallProject('Recent')), '/disk/b.plp': serializeProject(smallProject('Launched')) };
    const { result, store } = await start({ recentFiles: ['/disk/a.plp'], launchFile: '/disk/b.plp', files });
    expect(result).toBe('launch-file');
    expect(selectTitle(store.getState())).toBe('Launched');
  });

  it('warns when the settings were reset', async () => {
    const { fake } = await start({ settingsRecoveredFrom: '/cfg/settings.broken.json' });
    expect(fake.toasts[0]).toMatchObject({ kind: 'warning', persistent: true });
    expect(fake.toasts[0]?.message).toContain('/cfg/settings.broken.json');
  });

  it('offers crash backups; Recover opens the work as unsaved', async () => {
    const { result, store, offered } = await start({ backups: [backup] }, async (backups, handlers) => {
      expect(await handlers.recover(backups[0]!)).toBe(true);
    });
    expect(offered[0]?.map((item) => item.title)).toEqual(['Lost work']);
    expect(result).toBe('recovered');
    expect(selectTitle(store.getState())).toBe('Lost work');
    expect(selectIsUnsaved(store.getState())).toBe(true);
    expect(store.getState().document?.filePath).toBe('/disk/a.plp');
  });

  it('Discard drops the backup, then startup goes on as usual', async () => {
    const { result, twin, store } = await start({ backups: [backup] }, async (backups, handlers) => {
      expect(await handlers.discard(backups[0]!)).toBe(true);
    });
    expect(twin.control.backups.size).toBe(0);
    expect(result).toBe('sample');
    expect(selectTitle(store.getState())).toBe('Sample');
  });

  it('a broken API still ends on the welcome screen with an explanation', async () => {
    const twin = createMemoryTwin({});
    const api = { ...twin.api, getStartupState: () => Promise.reject(new Error('main is gone')) };
    const store = createProjectStore();
    const uiStore = createUiStore();
    const fake = new FakeUi();
    const actions = createDocumentActions({ api, store, ui: fake, uiStore });
    const result = await runStartup({ api, store, uiStore, actions, ui: { notify: (toast) => fake.notify(toast), askRecovery: async () => {} } });
    expect(result).toBe('welcome');
    expect(uiStore.getState().phase).toBe('ready');
    expect(fake.toasts[0]?.message).toContain('main is gone');
  });
});
