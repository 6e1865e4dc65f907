/** Bootstrap: find the API, create the stores and actions once, render. */
import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createDocumentActions } from './app/document-actions';
import { showToast, mantineUi } from './app/mantine-ui';
import type { Services } from './app/services';
import { ApiMissing } from './app/StartScreens';
import { cssVariablesResolver, theme } from './app/theme';
import { resolveScheme } from './app/theme-mode';
import { createUiStore } from './app/ui-store';
import { resolveStudioApi } from './platform/api';
import { createProjectStore } from './state/project-store';

async function bootstrap(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const root = createRoot(container);
  const resolution = await resolveStudioApi();

  if (resolution.status === 'missing') {
    root.render(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme={resolveScheme('system')}>
        <ApiMissing />
      </MantineProvider>,
    );
    return;
  }

  const { api } = resolution;
  const store = createProjectStore({
    onCommandError: (message, label) => showToast({ kind: 'error', id: 'command-error', title: label ? `Couldn't ${label.toLowerCase()}` : "That change wasn't made", message }),
  });
  const uiStore = createUiStore();
  const actions = createDocumentActions({ api, store, ui: mantineUi, uiStore });
  const services: Services = {
    api,
    store,
    uiStore,
    actions,
    toggleTheme: () => {
      const { preferences, setPreferences } = uiStore.getState();
      const next = resolveScheme(preferences.theme) === 'dark' ? 'light' : 'dark';
      setPreferences({ ...preferences, theme: next });
      api
        .updatePreferences({ theme: next })
        .then((saved) => uiStore.getState().setPreferences(saved))
        .catch((error: unknown) =>
          showToast({ kind: 'warning', title: "The theme choice wasn't remembered", message: error instanceof Error ? error.message : String(error) }),
        );
    },
  };

  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

void bootstrap();
