import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createApi } from '../../shared/contract/client';
import { ConnectionProvider } from '../../renderer/src/api/context';
import { UndoProvider } from '../../renderer/src/app/undo';
import { initI18n } from '../../renderer/src/i18n';
import type { TestBackend } from '../unit/helpers/workspace';

const i18n = initI18n();

/** Renders a screen with the app's providers, talking to a real backend on a temp folder. */
export function renderWithBackend(backend: TestBackend, ui: ReactNode, opts: { path?: string; route?: string; language?: 'en' | 'de' } = {}) {
  void i18n.changeLanguage(opts.language ?? 'en');
  const api = createApi((name, input) => backend.dispatch(name, input));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ConnectionProvider value={{ api, shell: 'web' }}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider>
          <DatesProvider settings={{ locale: 'en' }}>
            <Notifications />
            <MemoryRouter initialEntries={[opts.path ?? '/']}>
              <UndoProvider>
                <Routes>
                  <Route path={opts.route ?? '*'} element={ui} />
                </Routes>
              </UndoProvider>
            </MemoryRouter>
          </DatesProvider>
        </MantineProvider>
      </QueryClientProvider>
    </ConnectionProvider>,
  );
}

export function renderPlain(ui: ReactNode) {
  void i18n.changeLanguage('en');
  return render(<MantineProvider>{ui}</MantineProvider>);
}
