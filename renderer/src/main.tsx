// The entry: the global styles (in the page's head), then the boot, which sends the first calls and
// starts the opening screen's code while the app itself (start.tsx) loads.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import './app.css';
import { startBoot } from './app/boot';

const boot = startBoot();
void import('./start').then(({ start }) => start(boot));
