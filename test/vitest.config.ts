import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// One root config, one project per package plus the cross-package suites in test/.
// The server needs decorator metadata (type-graphql), which esbuild does not emit, hence unplugin-swc.
const swcPlugin = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });

export default defineConfig({
  test: {
    root,
    projects: [
      {
        plugins: [swcPlugin()],
        test: {
          name: 'server',
          root,
          include: ['server/src/**/*.spec.ts', 'server/scripts/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dashboard',
          root,
          include: ['dashboard/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        plugins: [swcPlugin()],
        test: {
          name: 'integration',
          root,
          include: ['test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
