import { defineConfig } from 'vitest/config';

// One runner for the whole repository: pure/node tests, DOM tests of the three apps, and browser tests
// (e2e/, real Chromium against the real server; they need `npm run build` first, which `npm test` does).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['protocol/src/**/*.test.ts', 'server/src/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'ui/src/**/*.test.{ts,tsx}',
            'chair-console/src/**/*.test.{ts,tsx}',
            'delegate-client/src/**/*.test.{ts,tsx}',
            'display-screen/src/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          // Scratch files and screenshots of a local run are not part of the suite.
          exclude: ['e2e/artifacts/**', 'e2e/.scratch/**', '**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
