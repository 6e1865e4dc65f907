/**
 * Every e2e spec's setup in one place: a fresh temp folder per test (removed after it), studios
 * launched with their user data inside it, and every launched studio closed after the test.
 */
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { makeTempDir } from '../../support/temp';
import { launchStudio, type LaunchOptions, type StudioSession } from './studio';

export interface StudioSessions {
  /** This test's temp folder. */
  readonly dir: string;
  /** Launches a studio (user data in `dir/user-data` unless given) that is closed after the test. */
  launch(browser: Browser, options?: Partial<LaunchOptions>): Promise<StudioSession>;
  /** Close every studio launched so far (quit before relaunching on the same user data). */
  closeAll(): Promise<void>;
}

export interface SessionOptions {
  /** Wait after each launch until the first project is shown (no startup spinner). */
  waitForProject?: boolean;
}

export function useStudioSessions(prefix: string, options: SessionOptions = {}): StudioSessions {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let sessions: StudioSession[] = [];

  test.beforeEach(() => {
    temp = makeTempDir(prefix);
    sessions = [];
  });

  test.afterEach(async () => {
    for (const session of sessions) await session.close();
    temp?.remove();
    temp = null;
  });

  const dir = (): string => {
    if (!temp) throw new Error('useStudioSessions: the temp folder exists only while a test runs');
    return temp.dir;
  };

  return {
    get dir() {
      return dir();
    },
    async launch(browser, launchOptions = {}) {
      const session = await launchStudio(browser, { userDataDir: join(dir(), 'user-data'), ...launchOptions });
      sessions.push(session);
      if (options.waitForProject) {
        await expect(session.page.getByTestId('project-title')).toBeVisible();
        await expect(session.page.getByTestId('startup-loading')).toHaveCount(0);
      }
      return session;
    },
    async closeAll() {
      for (const session of sessions.splice(0)) await session.close();
    },
  };
}
