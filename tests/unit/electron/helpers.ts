import { vi, type Mock } from 'vitest';
import { REQUEST_NAMES, type RequestName } from '../../../shared/ipc/contract';
import type { MainHandlers } from '../../../shared/ipc/dispatch';

export type SpyHandlers = MainHandlers & { readonly [K in RequestName]: Mock };

/** A handler for every request that records its calls and answers `{ handled: name }`. */
export function spyHandlers(): SpyHandlers {
  return Object.fromEntries(REQUEST_NAMES.map((name) => [name, vi.fn(async () => ({ handled: name }))])) as unknown as SpyHandlers;
}
