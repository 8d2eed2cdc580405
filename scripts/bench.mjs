// `npm run bench`: what the script tag costs a host page before anyone interacts. Loads an empty page
// and the same page with hearken.js in headless Chromium, alternately, several times (a fresh
// browser context each, so nothing is cached), and prints medians: time until the launcher is
// visible, script time, and JS heap after GC — each also as a difference from the empty page in the
// same run. Script time and heap are read twice: when the launcher shows, and after the rest of the
// widget has loaded in idle time (which the loader does on its own, before anyone interacts).
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const site = await startStaticServer({ port: 0, endpoint: 'http://127.0.0.1:9/feedback', mounts: { '/': 'test/bench', '/hearken/': 'packages/widget/dist/browser' } });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });

async function measure(path, withHearken) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: metric('ScriptDuration') * 1000, heap: metric('JSHeapUsedSize') / 1024 };
  };
  await page.goto(`${site.url}/${path}`, { waitUntil: 'load' });
  const visible = withHearken
    ? await page.evaluate(
        () =>
          new Promise((resolve) => {
            const check = () => {
              const launcher = document.querySelector('hearken-feedback')?.shadowRoot?.querySelector('.launcher');
              if (launcher && launcher.getBoundingClientRect().width > 0) resolve(performance.now());
              else requestAnimationFrame(check);
            };
            check();
          }),
      )
    : await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  const atStart = await sample();
  if (withHearken) await page.waitForFunction(() => customElements.get('hearken-form'), null, { timeout: 15_000 });
  else await page.waitForTimeout(300);
  await page.waitForTimeout(100);
  const afterIdle = await sample();
  await context.close();
  return { visible, script: atStart.script, heap: atStart.heap, idleScript: afterIdle.script, idleHeap: afterIdle.heap };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const empty = [];
const hearken = [];
await measure('empty.html', false); // warm the browser up
for (let i = 0; i < runs; i++) {
  empty.push(await measure('empty.html', false));
  hearken.push(await measure('with-hearken.html', true));
}
await browser.close();
await site.close();

const row = (label, key, unit, digits = 1) => {
  const base = median(empty.map((r) => r[key]));
  const value = median(hearken.map((r) => r[key]));
  console.log(`  ${label.padEnd(34)} ${base.toFixed(digits).padStart(8)} ${value.toFixed(digits).padStart(8)} ${`+${(value - base).toFixed(digits)}`.padStart(8)} ${unit}`);
};
console.log(`Host-page cost of the script tag, before anyone interacts (median of ${runs} runs, headless Chromium):`);
console.log(`  ${''.padEnd(34)} ${'empty'.padStart(8)} ${'hearken'.padStart(8)} ${'diff'.padStart(8)}`);
row('launcher visible (empty: load)', 'visible', 'ms');
row('script time, launcher shown', 'script', 'ms');
row('JS heap after GC, launcher shown', 'heap', 'KiB');
row('script time, rest loaded in idle', 'idleScript', 'ms');
row('JS heap after GC, rest loaded', 'idleHeap', 'KiB');
