// Why this file exists: run from source (Vitest, tsx), the import's reading thread starts here — a
// worker thread does not inherit the TypeScript loader of the thread that starts it, so this
// registers tsx in the new thread and then loads read-worker.ts. The built app never uses it: it
// starts the bundled dist/workers/import-read.cjs (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
