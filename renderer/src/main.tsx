// The entry: the global styles (in the page's head), then the boot, which sends the first calls while
// the app itself (start.tsx) and the opening screen's code load.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import './app.css';
import { preloadOpeningScreen, startBoot } from './app/boot';

const boot = startBoot();
// csp-setup runs before any module that uses zod (it turns zod's eval probe off), then the app and
// the opening screen's code load side by side.
void import('./csp-setup')
  .then(() => {
    preloadOpeningScreen();
    return import('./start');
  })
  .then(({ start }) => start(boot));
