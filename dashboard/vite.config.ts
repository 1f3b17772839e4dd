import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the server serves dashboard/dist and /graphql from the same origin; in `vite` dev mode
// /graphql is proxied to the server (override the target with DTSEN_API_URL).
const apiTarget = process.env.DTSEN_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: the chunk graph, read by the bundle budget in scripts/bench.mjs.
    manifest: true,
    rolldownOptions: {
      output: {
        // Keep the chart library (recharts + d3) apart from React and the app code so each stays cacheable.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/].*(recharts|d3-|victory-vendor|@reduxjs|immer|reselect)/ },
            { name: 'react', test: /node_modules[\\/].*(react|react-dom|scheduler|urql|@urql|wonka|graphql)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
    },
  },
});
