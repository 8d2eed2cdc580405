// Browser tests (*.browser.test.ts) in headless Chromium and headless Firefox.
// TEST_BROWSERS=chromium or TEST_BROWSERS=firefox runs one engine only (default: both).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { ChromeLauncher, chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { findFirefox, firefoxPrefs } from './scripts/find-firefox.mjs';
import { testEndpoint } from './test/support/test-endpoint-middleware.mjs';
import { threadEndpoint } from './test/support/thread-endpoint-middleware.mjs';

const engines = (process.env.TEST_BROWSERS ?? 'chromium,firefox').split(',');
const launchers = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: findChromium(), args: chromiumArgs } }),
  // Firefox over WebDriver BiDi: puppeteer-core given as the "custom puppeteer" launches it like
  // @web/test-runner-puppeteer does, without that package's browser download.
  firefox: () =>
    new ChromeLauncher(
      { browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: firefoxPrefs },
      ({ browser }) => browser.defaultBrowserContext(),
      ({ context }) => context.newPage(),
      puppeteerCore,
    ),
};

export default {
  files: ['packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  // One page at a time: keyboard input and requestAnimationFrame reach only the foreground tab.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300_000,
  browserStartTimeout: 120_000,
  browserLogs: Boolean(process.env.BROWSER_LOGS),
  middleware: [testEndpoint(), threadEndpoint()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: engines.map((engine) => {
    if (!launchers[engine]) throw new Error(`TEST_BROWSERS: unknown engine "${engine}" (use chromium, firefox or both, comma-separated)`);
    return launchers[engine]();
  }),
};
