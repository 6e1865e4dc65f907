import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from '../../../electron/main/launch-args';

const cwd = path.resolve('/home/ann/work');

describe('projectPathFromArgv', () => {
  it('finds a .plp path after the executable (packaged)', () => {
    expect(projectPathFromArgv(['/opt/PLP Studio/plp-studio', '/data/Plan.plp'], { skip: 1, workingDirectory: cwd })).toBe(path.resolve('/data/Plan.plp'));
  });

  it('skips the app path in development and resolves relative paths against the working folder', () => {
    expect(projectPathFromArgv(['/x/electron', '.', 'plans/q3.PLP'], { skip: 2, workingDirectory: cwd })).toBe(path.join(cwd, 'plans', 'q3.PLP'));
    expect(projectPathFromArgv(['/x/electron', 'app.plp'], { skip: 2, workingDirectory: cwd })).toBeNull();
  });

  it('ignores flags (including those Chromium appends on a second launch) and other files', () => {
    const argv = ['/x/plp', '--allow-file-access-from-files', '--inspect=9229', '-x', '--file=/evil.plp', 'notes.txt', 'README'];
    expect(projectPathFromArgv(argv, { skip: 1, workingDirectory: cwd })).toBeNull();
    expect(projectPathFromArgv([...argv, '/data/a.plp'], { skip: 1, workingDirectory: cwd })).toBe(path.resolve('/data/a.plp'));
  });

  it('takes the last project path when several are given', () => {
    expect(projectPathFromArgv(['/x/plp', '/a.plp', '/b.plp'], { skip: 1, workingDirectory: cwd })).toBe(path.resolve('/b.plp'));
  });

  it('returns null for an empty command line or NUL bytes', () => {
    expect(projectPathFromArgv([], { skip: 1, workingDirectory: cwd })).toBeNull();
    expect(projectPathFromArgv(['/x/plp', '/a\0b.plp'], { skip: 1, workingDirectory: cwd })).toBeNull();
  });
});
