/** The application: providers, the shell, and the wiring that runs for the app's whole life. */
import { AppShell, MantineProvider } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { ServicesProvider, useProject, useServices, useUi, type Services } from './services';
import { StartingUp } from './StartScreens';
import { StatusBar } from './StatusBar';
import { cssVariablesResolver, theme } from './theme';
import { resolveScheme } from './theme-mode';
import { Welcome } from './Welcome';
import { WORKSPACES } from './workspaces';
import { useCrashBackups, useKeyboardShortcuts, usePlatformEvents, useStartup } from './effects';

/** Mantine, themed, in the scheme the preferences ask for ('system' follows the OS live). */
export function ThemedProviders({ services, children }: { services: Pick<Services, 'uiStore'>; children: ReactNode }) {
  const preference = useStore(services.uiStore, (state) => state.preferences.theme);
  const system = useColorScheme('light');
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme={resolveScheme(preference, system)}>
      {children}
    </MantineProvider>
  );
}

function ActiveWorkspace() {
  const active = useUi((state) => state.workspace);
  const definition = WORKSPACES.find((workspace) => workspace.id === active) ?? WORKSPACES[0];
  if (!definition) return null;
  const Workspace = definition.component;
  return <Workspace key={definition.id} />;
}

function MainContent() {
  const phase = useUi((state) => state.phase);
  const hasDocument = useProject((state) => state.document !== null);
  if (phase === 'starting') return <StartingUp />;
  if (!hasDocument) return <Welcome />;
  return <ActiveWorkspace />;
}

function Shell() {
  const services = useServices();
  const interval = useUi((state) => state.preferences.backupIntervalSeconds);
  useStartup(services);
  usePlatformEvents(services);
  useKeyboardShortcuts(services);
  useCrashBackups(services, interval);
  return (
    <AppShell header={{ height: 68 }} navbar={{ width: 280, breakpoint: 0 }} footer={{ height: 36 }} padding={0} className="plp-shell">
      <AppShell.Header className="plp-header-bar">
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="sm" className="plp-navbar">
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main className="plp-main" id="main">
        <div className="plp-main-inner">
          <MainContent />
        </div>
      </AppShell.Main>
      <AppShell.Footer className="plp-footer">
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

export function App({ services }: { services: Services }) {
  return (
    <ServicesProvider services={services}>
      <ThemedProviders services={services}>
        <ModalsProvider labels={{ confirm: 'OK', cancel: 'Cancel' }}>
          <Notifications position="bottom-right" limit={4} containerWidth={420} zIndex={400} data-testid="toasts" />
          <ErrorBoundary api={services.api} store={services.store}>
            <Shell />
          </ErrorBoundary>
        </ModalsProvider>
      </ThemedProviders>
    </ServicesProvider>
  );
}
