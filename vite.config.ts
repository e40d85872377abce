import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle served by either shell (Electron's app:// protocol or the web
// host), so every URL is relative and nothing is fetched from elsewhere at run time.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // The shells run Chromium ≥ 123, which has CSS light-dark(); lowering it for older browsers breaks it.
    cssTarget: 'chrome123',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.ATTACHE_DEV_API_PORT ?? 4781}`,
        configure: (proxy) => {
          // The web host accepts only its own origin; the dev server is a trusted local proxy.
          proxy.on('proxyReq', (req) => {
            req.removeHeader('origin');
            req.setHeader('host', `127.0.0.1:${process.env.ATTACHE_DEV_API_PORT ?? 4781}`);
          });
        },
      },
    },
  },
});
