import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e tests start servers and a browser: keep files from fighting over the two cores.
    fileParallelism: true,
    onConsoleLog: (log, type) => (type === 'stderr' && !process.env.HEARKEN_ALLOW_CONSOLE ? false : undefined),
  },
});
