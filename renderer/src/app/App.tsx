import { Center, Loader, MantineProvider, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import 'dayjs/locale/de';
import { styleNonce } from '../csp-setup';
import { ConnectionProvider, useApi, useConnection, type Connection } from '../api/context';
import { resolveLanguage } from '../i18n';
import { useLanguage } from './language';
import { describeError } from '../lib/errors';
import { Recovery } from '../screens/welcome/Recovery';
import { UnlockScreen } from '../screens/welcome/Unlock';
import { Welcome } from '../screens/welcome/Welcome';
import { LockLayer } from './LockLayer';
import { LockProvider, STATUS_KEY, useAppLock } from './lock';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';
import { UndoProvider } from './undo';

/** Applies the language and colour-scheme settings; before the workspace exists, the system's. */
function Preferences({ children }: { children: (scheme: 'light' | 'dark' | undefined) => ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const language = resolveLanguage(settings.data?.language ?? 'system');
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  const theme = settings.data?.theme ?? 'system';
  return <>{children(theme === 'system' ? undefined : theme)}</>;
}

/** What the window shows: the welcome, recovery or unlock screen, or the workbench (under the app lock). */
export function Gate() {
  const api = useApi();
  const { t } = useTranslation();
  const { shell } = useConnection();
  const { lockNow } = useAppLock();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => api.workspace.status({}) });
  const data = status.data;
  // The web host asks for the passphrase on every page load, even if the host has it already.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (started || !data) return;
    if (shell === 'web' && data.encrypted && data.state === 'ready') void lockNow().finally(() => setStarted(true));
    else setStarted(true);
  }, [started, data, shell, lockNow]);
  // Once the workspace has been shown, a lock is drawn over it (unsaved work stays); before, the unlock screen stands alone.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (started && data?.state === 'ready') setShown(true);
  }, [started, data?.state]);

  if (status.isPending || (data && !started)) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center h="100vh" p="xl">
        <Text c="red" role="alert">
          {describeError(t, status.error)}
        </Text>
      </Center>
    );
  }
  if (status.data.state === 'new') return <Welcome status={status.data} />;
  if (status.data.state === 'damaged') return <Recovery status={status.data} />;
  if (status.data.state === 'locked' && !shown) return <UnlockScreen />;
  return (
    <LockLayer>
      <UndoProvider>
        <Shell />
      </UndoProvider>
    </LockLayer>
  );
}

// A data router, so editors can ask before any navigation throws unsaved changes away (useBlocker);
// the screens' own routes are declared inside the shell.
const router = createHashRouter([{ path: '*', element: <Gate /> }]);

export function App({ connection }: { connection: Connection }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } }),
    [],
  );
  const lang = useLanguage();
  return (
    <ConnectionProvider value={connection}>
      <QueryClientProvider client={queryClient}>
        <LockProvider>
          <Preferences>
            {(scheme) => (
              <MantineProvider theme={theme} defaultColorScheme="auto" forceColorScheme={scheme} getStyleNonce={() => styleNonce} cssVariablesResolver={cssVariablesResolver}>
                <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
                  {/* Bottom left, over the end of the list: never over the detail pane's actions (Save, Delete, Undo). */}
                  <Notifications position="bottom-left" limit={4} containerWidth={380} className="toasts" />
                  <RouterProvider router={router} />
                </DatesProvider>
              </MantineProvider>
            )}
          </Preferences>
        </LockProvider>
      </QueryClientProvider>
    </ConnectionProvider>
  );
}
