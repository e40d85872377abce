// The entry: the global styles (in the page's head), then the boot, which sends the first calls and
// asks for the chunks of the app itself (start.tsx) and of the opening screen while they load.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import './app.css';
import { preloadChunks, preloadOpeningScreen, startBoot } from './app/boot';

// With a first screen on the page (first-screen.js), the app starts only once the screen has been
// painted: its first calls keep the backend busy, and compiling and evaluating the libraries are
// long tasks; either would hold back the screen's frame (on two cores, its rasterisation too). The
// second animation frame comes after the first one was drawn.
const painted =
  document.getElementById('first-screen-host') === null
    ? Promise.resolve()
    : new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
// csp-setup runs before any module that uses zod (it turns zod's eval probe off), then the app and
// the opening screen's code load side by side.
void painted.then(async () => {
  // The page's style sheets went after the first screen (electron/shell/renderer-files.ts); back in
  // the head, before anything of the app is drawn, the app's styles cascade as in a page without
  // one (Mantine's theme variables, drawn inside #root, come after the library's defaults).
  for (const link of document.body.querySelectorAll('link[rel="stylesheet"]')) document.head.appendChild(link);
  const boot = startBoot();
  preloadChunks();
  await import('./csp-setup');
  preloadOpeningScreen();
  const { start } = await import('./start');
  start(boot);
});
