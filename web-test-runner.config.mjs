// Browser tests (*.browser.test.ts) in headless Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs } from './scripts/find-chromium.mjs';
import { testEndpoint } from './test/support/test-endpoint-middleware.mjs';
import { threadEndpoint } from './test/support/thread-endpoint-middleware.mjs';

export default {
  files: ['packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  // One page at a time: keyboard input and requestAnimationFrame reach only the foreground tab.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300_000,
  browserLogs: Boolean(process.env.BROWSER_LOGS),
  middleware: [testEndpoint(), threadEndpoint()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: process.env.CHROME_PATH, args: chromiumArgs } })],
};
