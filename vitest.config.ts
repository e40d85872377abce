import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Test files that replace modules (vi.mock) or count what a module does once per process need a
 * module graph of their own. Every other file shares its worker's graph with the files before it,
 * which saves importing the backend and the renderer (Mantine, React) again for each file: on two
 * cores the suite took ten minutes that way. A file that mocks a module and is not listed here
 * breaks the files after it (their modules are evaluated again beside the libraries kept).
 */
const OWN_GRAPH = [
  'tests/unit/collection.test.ts',
  'tests/unit/electron/main.test.ts',
  'tests/unit/electron/preload.test.ts',
  // Fallback fonts are read once per process; the test counts those reads from a fresh start.
  'tests/unit/pdf-scripts.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    // Every core but one, and both on two cores (vitest's default would leave one of two idle).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: OWN_GRAPH,
          isolate: false,
          environment: 'node',
          setupFiles: ['tests/equality.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-own-graph',
          include: OWN_GRAPH,
          environment: 'node',
          setupFiles: ['tests/equality.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          isolate: false,
          environment: 'happy-dom',
          setupFiles: ['tests/equality.ts', 'tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
