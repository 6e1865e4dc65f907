import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { CreateStoreOptions, KeyValueStore } from '../../../electron/services/settings/settings-service';

/** A fresh temporary directory; remove it with `removeTempDir`. */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'plp-settings-'));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The real store library electron-store is built on, configured like the Electron main does. */
export function createConfStore({ cwd, name }: CreateStoreOptions): KeyValueStore {
  return new Conf<Record<string, unknown>>({ cwd, configName: name, projectName: 'plp-studio-test' });
}

/** An in-memory store for fast property tests. */
export class MemoryStore implements KeyValueStore {
  readonly path = '/memory/settings.json';
  writes = 0;
  failWrites = false;
  #data: Record<string, unknown>;

  constructor(initial: Record<string, unknown> = {}) {
    this.#data = structuredClone(initial);
  }

  get store(): Record<string, unknown> {
    return structuredClone(this.#data);
  }

  set store(value: Record<string, unknown>) {
    if (this.failWrites) throw new Error('disk full');
    this.writes += 1;
    this.#data = structuredClone(value);
  }
}

export const fixedClock = (iso: string) => () => new Date(iso);
