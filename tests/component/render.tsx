import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, Route, RouterProvider, Routes } from 'react-router';
import { expect } from 'vitest';
import { createApi } from '../../shared/contract/client';
import { ConnectionProvider } from '../../renderer/src/api/context';
import { LockProvider } from '../../renderer/src/app/lock';
import { theme } from '../../renderer/src/app/theme';
import { UndoProvider } from '../../renderer/src/app/undo';
import { screenLoaders } from '../../renderer/src/app/routes';
import { initI18n } from '../../renderer/src/i18n';
import type { TestBackend } from '../unit/helpers/workspace';

const i18n = initI18n();

/** Renders a screen with the app's providers, talking to a real backend on a temp folder. */
export function renderWithBackend(backend: TestBackend, ui: ReactNode, opts: { path?: string; route?: string; language?: 'en' | 'de' } = {}) {
  void i18n.changeLanguage(opts.language ?? 'en');
  const api = createApi((name, input) => backend.dispatch(name, input));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A data router like the app's, so editors' leave guards (useBlocker) work here too.
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <UndoProvider>
            <Routes>
              <Route path={opts.route ?? '*'} element={ui} />
            </Routes>
          </UndoProvider>
        ),
      },
    ],
    { initialEntries: [opts.path ?? '/'] },
  );
  const view = render(
    <ConnectionProvider value={{ api, shell: 'web' }}>
      <QueryClientProvider client={queryClient}>
        {/* As in the app: the workspace status and the API that waits out the app lock. */}
        <LockProvider>
          <MantineProvider theme={theme}>
            <DatesProvider settings={{ locale: 'en' }}>
              <Notifications />
              <RouterProvider router={router} />
            </DatesProvider>
          </MantineProvider>
        </LockProvider>
      </QueryClientProvider>
    </ConnectionProvider>,
  );
  return Object.assign(view, { queryClient, router });
}

export function renderPlain(ui: ReactNode) {
  void i18n.changeLanguage('en');
  return render(<MantineProvider theme={theme}>{ui}</MantineProvider>);
}

/**
 * Waits until a record picker's list (named after the picker) is open and has answered the text as
 * typed: it is no longer marked busy, so the debounce has passed and the backend has replied. Tests
 * wait on this state, never on a timer for the debounce.
 */
export function settledOptions(name: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const list = screen.getByRole('listbox', { name, hidden: true });
    expect(list).not.toHaveAttribute('aria-busy');
    return list;
  });
}

/**
 * The shell loads each screen's code when first shown (renderer/src/app/routes.ts), as the app
 * preloads them once idle. A test file that renders the shell loads them all first (in a beforeAll),
 * so no single test pays for transforming them within its own time limit.
 */
export const loadScreens = () => Promise.all(Object.values(screenLoaders).map((load) => load()));
