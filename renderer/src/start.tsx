/**
 * The app proper, loaded by main.tsx after the boot has sent the first calls: React, Mantine, the
 * router, the contract and the shell. csp-setup comes first, before any library that could trip
 * the Content-Security-Policy.
 */
import './csp-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/transport';
import { App } from './app/App';
import { withBoot, type Boot } from './app/boot';
import { initI18n } from './i18n';

export function start(boot: Boot): void {
  initI18n();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App connection={connect(withBoot(boot))} />
    </StrictMode>,
  );
}
