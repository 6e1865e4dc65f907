import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutLabel } from '../../../renderer/src/app/shortcuts';

const key = (init: Partial<{ key: string; code: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...init,
});

describe('shortcuts (Windows/Linux notation: tests run without navigator.platform = Mac)', () => {
  it('maps chords to commands', () => {
    expect(matchShortcut(key({ key: 's', ctrlKey: true }))).toBe('save');
    expect(matchShortcut(key({ key: 'S', ctrlKey: true, shiftKey: true }))).toBe('save-as');
    expect(matchShortcut(key({ key: 'o', ctrlKey: true }))).toBe('open-project');
    expect(matchShortcut(key({ key: 'n', ctrlKey: true }))).toBe('new-project');
    expect(matchShortcut(key({ key: 'z', ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key({ key: 'y', ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(key({ key: '3', code: 'Digit3', ctrlKey: true }))).toBe('workspace-3');
    expect(matchShortcut(key({ key: 'F2' }))).toBe('rename-project');
  });

  it('ignores plain typing and Alt chords', () => {
    expect(matchShortcut(key({ key: 's' }))).toBeNull();
    expect(matchShortcut(key({ key: 's', ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: '1', code: 'Digit1' }))).toBeNull();
  });

  it('labels shortcuts for tooltips', () => {
    expect(shortcutLabel('save-as')).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('workspace-2')).toBe('Ctrl+2');
    expect(shortcutLabel('rename-project')).toBe('F2');
  });
});
