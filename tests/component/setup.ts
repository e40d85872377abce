import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach } from 'vitest';

// happy-dom lacks a few browser APIs Mantine relies on.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= ResizeObserverStub;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// Mantine's autosize textarea listens for web fonts loading.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

// findBy*/waitFor give up after 1 s by default; a real backend save on a busy two-core CI machine
// can take longer. This is a hang guard, not a speed check.
configure({ asyncUtilTimeout: 15_000 });

// The test files of a worker share one module graph (vitest.config.ts: isolate off for speed), so
// what a module keeps between renders is reset after each test: the DOM, and Mantine's
// notification store, which would otherwise show one file's toasts in the next file's screen.
// A save that a previous test started can still finish after that test's cleanup and show its
// toast, so the store is emptied before each test as well, and tests look for a form's own
// message inside that form.
afterEach(() => {
  cleanup();
  notifications.clean();
});
beforeEach(() => notifications.clean());
