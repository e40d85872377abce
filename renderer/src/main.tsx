// The entry: the global styles (in the page's head), then the boot, which sends the first calls and
// asks for the chunks of the app itself (start.tsx) and of the opening screen while they load.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import './app.css';
import { preloadChunks, preloadOpeningScreen, startBoot } from './app/boot';

const boot = startBoot();
preloadChunks();
// With a first screen on the page (first-screen.js), the libraries are evaluated only after it has
// been painted: their evaluation is a long task that would otherwise come before the first frame.
const painted =
  document.getElementById('first-screen-host') === null ? Promise.resolve() : new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
// csp-setup runs before any module that uses zod (it turns zod's eval probe off), then the app and
// the opening screen's code load side by side.
void painted
  .then(() => import('./csp-setup'))
  .then(() => {
    preloadOpeningScreen();
    return import('./start');
  })
  .then(({ start }) => start(boot));
