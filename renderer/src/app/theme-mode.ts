/** Light or dark, from the preference ('system' follows the OS). */
import type { Preferences } from '../../../shared/ipc/contract';

export type Scheme = 'light' | 'dark';

export function systemScheme(): Scheme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function resolveScheme(preference: Preferences['theme'], system: Scheme = systemScheme()): Scheme {
  return preference === 'system' ? system : preference;
}
