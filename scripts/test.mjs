// `npm test`: build, type-check, Node tests (vitest: unit, collector, e2e in Chromium and Firefox,
// packaging), browser tests (@web/test-runner in Chromium and Firefox) and the size budgets. Stops at the first failing step and ends
// with one line counting the tests: "N passed, N failed".
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';
import { findFirefox } from './find-firefox.mjs';

// Found (or installed) once, before any step, so a missing browser is said first.
process.env.CHROME_PATH = findChromium();
process.env.FIREFOX_PATH = findFirefox();
let passed = 0;
let failed = 0;

function step(title, command, args, { capture = false } = {}) {
  console.log(`\n▶ ${title}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

function finish(code) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

const npx = (bin) => `node_modules/.bin/${bin}`;
const steps = [
  ['build', 'npm', ['run', 'build', '--silent']],
  ['type-check', npx('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
];
for (const [title, command, args] of steps) {
  const { code } = await step(title, command, args);
  if (code !== 0) {
    failed += 1;
    finish(code ?? 1);
  }
}

const report = 'node_modules/.cache/vitest-report.json';
rmSync(report, { force: true });
const node = await step('Node tests (vitest)', npx('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
} catch {
  failed += 1;
}
if (node.code !== 0) finish(node.code ?? 1);

const browser = await step('browser tests (Chromium and Firefox)', npx('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], { capture: true });
// The runner prints one progress line per engine ("Firefox: |███| 5/5 test files | 63 passed, 0 failed");
// the last line of each engine holds its totals.
const perEngine = new Map();
const plain = browser.output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '\n');
for (const [, engine, ok, bad] of plain.matchAll(/(\w+):\s*\|[^|\n]*\|[^|\n]*\| (\d+) passed, (\d+) failed/g)) perEngine.set(engine, [Number(ok), Number(bad)]);
for (const [ok, bad] of perEngine.values()) {
  passed += ok;
  failed += bad;
}
if (perEngine.size === 0 && browser.code !== 0) failed += 1;
if (browser.code !== 0) finish(browser.code ?? 1);

const size = await step('size budgets', 'node', ['scripts/size.mjs']);
if (size.code !== 0) failed += 1;
finish(size.code ?? 1);
