/**
 * The keyboard shortcuts, declared once: the key handler matches against this table and the
 * tooltips and menus show the same keys, in the platform's own notation.
 */
export type ShortcutId =
  | 'new-project'
  | 'open-project'
  | 'save'
  | 'save-as'
  | 'undo'
  | 'redo'
  | 'rename-project'
  | 'workspace-1'
  | 'workspace-2'
  | 'workspace-3'
  | 'workspace-4'
  | 'workspace-5';

interface Chord {
  /** `event.key` lower-cased, or `event.code` for digits. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  /** Ctrl exactly (Ctrl+Y is a Windows/Linux redo). */
  ctrl?: boolean;
}

export const SHORTCUTS: Record<ShortcutId, readonly Chord[]> = {
  'new-project': [{ key: 'n', mod: true }],
  'open-project': [{ key: 'o', mod: true }],
  save: [{ key: 's', mod: true }],
  'save-as': [{ key: 's', mod: true, shift: true }],
  undo: [{ key: 'z', mod: true }],
  redo: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', ctrl: true },
  ],
  'rename-project': [{ key: 'f2' }],
  'workspace-1': [{ key: 'Digit1', mod: true }],
  'workspace-2': [{ key: 'Digit2', mod: true }],
  'workspace-3': [{ key: 'Digit3', mod: true }],
  'workspace-4': [{ key: 'Digit4', mod: true }],
  'workspace-5': [{ key: 'Digit5', mod: true }],
};

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(chord: Chord, event: KeyLike): boolean {
  if (event.altKey) return false;
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (chord.ctrl ? !event.ctrlKey : Boolean(chord.mod) !== mod) return false;
  if (!chord.ctrl && isMac && event.ctrlKey) return false;
  if (Boolean(chord.shift) !== event.shiftKey) return false;
  return chord.key.startsWith('Digit') ? event.code === chord.key : event.key.toLowerCase() === chord.key;
}

export function matchShortcut(event: KeyLike): ShortcutId | null {
  for (const [id, chords] of Object.entries(SHORTCUTS) as [ShortcutId, readonly Chord[]][]) {
    if (chords.some((chord) => matches(chord, event))) return id;
  }
  return null;
}

/** "Ctrl+Shift+S" / "⇧⌘S" for the first chord of a shortcut. */
export function shortcutLabel(id: ShortcutId): string {
  const chord = SHORTCUTS[id][0];
  if (!chord) return '';
  const key = chord.key.startsWith('Digit') ? chord.key.slice(5) : chord.key.toUpperCase();
  if (isMac) return `${chord.shift ? '⇧' : ''}${chord.mod || chord.ctrl ? '⌘' : ''}${key}`;
  return [chord.mod || chord.ctrl ? 'Ctrl' : null, chord.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/** Whether focus is in a text field: there the browser's own text undo applies. */
export function isTextEditingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly;
  if (target instanceof HTMLInputElement) {
    return !target.readOnly && ['text', 'search', 'email', 'url', 'tel', 'password', 'number'].includes(target.type);
  }
  return false;
}
