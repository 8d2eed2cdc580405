// `npm run bench`: what a feedback widget costs its host page, side by side in one run: an empty page,
// the same page with an async script that does nothing (the floor: what any script tag costs), with
// Sentry's feedback (browser client + feedback integration, one bundle built here with esbuild) and
// with Hearken's script tag. Each page loads in a fresh browser context (nothing
// cached), several runs each in rotating order, in headless Chromium; medians are printed, each as a
// difference from the empty page and as a ratio of that difference to Sentry's. Exits 1 when a target
// of issue 11 is missed. BENCH_RUNS sets the number of runs (default 8).
//
// Per run and page, two loads:
// - idle: launcher visible (from navigation start; the empty page: its first contentful paint), the
//   load event (its delay from the empty page's includes fetching the file, which any async script
//   tag costs; "held" is what remains once the file is in: from the later of the file's arrival and
//   the document's parse to the load event, i.e. the script's own work and the frames drawn before
//   the load event), main-thread script time (CPU) and JS heap after GC 1 s and 5 s after load, then
//   a click on the launcher ("after idling") and the heap once everything is loaded and the dialog
//   is open (the pages without a widget get the same hover and click on their text);
// - at once: a click as soon as the launcher shows.
// A click: the pointer rests on the launcher for BENCH_HOVER_MS (default 100 ms), then presses, as a
// person's quick click does. Click to field: from the click event to the first frame in which the
// message field is visible.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 8); // a multiple of the pages: each leads equally often
const buildDir = await mkdtemp(join(tmpdir(), 'hearken-bench-'));
await build({
  entryPoints: { 'sentry-feedback': 'test/bench/sentry-feedback.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: buildDir,
  conditions: ['browser', 'production'],
  logLevel: 'error',
});
const site = await startStaticServer({
  port: 0,
  endpoint: 'http://127.0.0.1:9/feedback',
  mounts: { '/': 'test/bench', '/hearken/': 'packages/widget/dist/browser', '/bench-build/': buildDir },
});
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });

/** Each page: its file, and where its launcher and message field are (Playwright CSS pierces open shadow roots). */
const pages = {
  empty: { path: 'empty.html' },
  nothing: { path: 'with-nothing.html', script: 'nothing.js' },
  sentry: { path: 'with-sentry.html', script: 'sentry-feedback.js', launcher: '#sentry-feedback .widget__actor', field: '#sentry-feedback textarea' },
  hearken: { path: 'with-hearken.html', script: 'hearken.js', launcher: 'hearken-feedback .launcher', field: 'hearken-feedback textarea' },
};

/**
 * Runs in the page before its own scripts: records when the launcher first shows (checked each frame
 * until then, or until 100 ms after load when there is none), and, after a click, the first frame
 * in which a visible <textarea> (searched through open shadow roots) exists.
 */
const probe = () => {
  const visible = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const find = (root, selector) => {
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const host of root.querySelectorAll('*')) if (host.shadowRoot) {
      const found = find(host.shadowRoot, selector);
      if (found) return found;
    }
    return null;
  };
  const bench = (window.__bench = { launcher: undefined, field: undefined });
  const watchLauncher = () => {
    const loaded = performance.getEntriesByType('navigation')[0]?.loadEventEnd;
    if (visible(find(document, '.widget__actor, .launcher'))) bench.launcher = performance.now();
    else if (!loaded || performance.now() < loaded + 100) requestAnimationFrame(watchLauncher);
  };
  requestAnimationFrame(watchLauncher);
  addEventListener(
    'click',
    (event) => {
      if (bench.clicked) return;
      bench.clicked = event.timeStamp;
      // Until a field shows, or for 10 s on a page that has none.
      const watchField = () => {
        if (visible(find(document, 'textarea'))) bench.field = performance.now() - bench.clicked;
        else if (performance.now() - bench.clicked < 10_000) requestAnimationFrame(watchField);
      };
      watchField();
    },
    { capture: true },
  );
};

async function open(name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (key) => metrics.find((m) => m.name === key)?.value ?? 0;
    return { script: metric('ScriptDuration') * 1000, heap: metric('JSHeapUsedSize') / 1024 };
  };
  return { context, page, sample, spec: pages[name] };
}

const sinceLoad = (page, ms) => page.waitForFunction((wait) => performance.timing.loadEventEnd > 0 && performance.now() >= performance.timing.loadEventEnd - performance.timeOrigin + wait, ms, { polling: 50, timeout: ms + 30_000 });
/**
 * A person's click: the pointer comes to rest over the launcher, then presses. The pause between the
 * pointer entering and the press is HOVER_MS (a quick click; the same for every page).
 */
const HOVER_MS = Number(process.env.BENCH_HOVER_MS ?? 100);
const clickToField = async (page, spec) => {
  await page.hover(spec.launcher);
  await page.waitForTimeout(HOVER_MS);
  await page.click(spec.launcher);
  await page.waitForFunction(() => window.__bench.field !== undefined, null, { polling: 20, timeout: 30_000 });
  return page.evaluate(() => window.__bench.field);
};

async function idleLoad(name) {
  const { context, page, sample, spec } = await open(name);
  await page.goto(`${site.url}/${spec.path}`, { waitUntil: 'load' });
  if (spec.launcher) await page.waitForFunction(() => window.__bench.launcher !== undefined, null, { polling: 20, timeout: 30_000 });
  const timing = await page.evaluate((script) => {
    const [navigation] = performance.getEntriesByType('navigation');
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const arrived = performance.getEntriesByType('resource').find((entry) => script && entry.name.endsWith(`/${script}`))?.responseEnd ?? 0;
    return {
      load: navigation.loadEventStart,
      held: navigation.loadEventStart - Math.max(navigation.domContentLoadedEventEnd, arrived),
      launcher: window.__bench.launcher ?? paint?.startTime ?? navigation.loadEventEnd,
    };
  }, spec.script);
  await sinceLoad(page, 1000);
  const after1s = await sample();
  await sinceLoad(page, 5000);
  const after5s = await sample();
  const result = { visible: timing.launcher, load: timing.load, held: timing.held, script: after1s.script, heap: after1s.heap, script5s: after5s.script, heap5s: after5s.heap };
  if (spec.launcher) {
    result.clickIdle = await clickToField(page, spec);
    await page.waitForTimeout(1000);
    result.heapOpen = (await sample()).heap;
  } else {
    // The same pointer work on the page's text: Playwright's hover and click bring their own script
    // into the page (≈ 0.7 MB of heap after GC), which must not count as the widgets' dialog.
    await page.hover('p');
    await page.waitForTimeout(HOVER_MS);
    await page.click('p');
    await page.waitForTimeout(1000);
    result.heapOpen = (await sample()).heap;
  }
  await context.close();
  return result;
}

async function clickAtOnce(name) {
  const { context, page, spec } = await open(name);
  await page.goto(`${site.url}/${spec.path}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.launcher !== undefined, null, { polling: 'raf', timeout: 30_000 });
  const value = await clickToField(page, spec);
  await context.close();
  return value;
}

const results = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
await idleLoad('empty'); // warms the browser up
const names = Object.keys(pages);
for (let run = 0; run < runs; run++) {
  const order = names.map((_, i) => names[(i + run) % names.length]);
  for (const name of order) {
    const result = await idleLoad(name);
    if (pages[name].launcher) result.clickAtOnce = await clickAtOnce(name);
    results[name].push(result);
  }
  process.stderr.write(`run ${run + 1}/${runs} done (order: ${order.join(', ')})\n`);
}
await browser.close();
await site.close();
await rm(buildDir, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const of = (name, key) => median(results[name].map((r) => r[key]));
const delta = (name, key) => of(name, key) - of('empty', key);

/**
 * The figures; `difference`: as a difference from the empty page (else absolute); `target`: the
 * highest allowed ratio Hearken ÷ Sentry; `limit`: the highest allowed absolute Hearken figure.
 */
const figures = [
  { label: 'launcher visible', key: 'visible', unit: 'ms', difference: true, target: 0.8 },
  { label: 'script time, 1 s after load', key: 'script', unit: 'ms', difference: true, target: 0.2 },
  { label: 'JS heap after GC, 1 s after load', key: 'heap', unit: 'KB', difference: true, target: 0.25 },
  { label: 'JS heap after GC, 5 s after load', key: 'heap5s', unit: 'KB', difference: true, target: 0.25 },
  { label: 'load event delay', key: 'load', unit: 'ms', difference: true },
  { label: 'load event held once the file is in', key: 'held', unit: 'ms', difference: true, limit: 5 },
  { label: 'click → message field, at once', key: 'clickAtOnce', unit: 'ms', target: 1.5 },
  { label: 'click → message field, after 5 s idle', key: 'clickIdle', unit: 'ms', target: 1 },
  { label: 'JS heap after GC, dialog open', key: 'heapOpen', unit: 'KB', difference: true, target: 1 },
];
const cell = (value, width = 9) => String(value).padStart(width);
const fixed = (value) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));
console.log(`\nHost-page cost, side by side (medians of ${runs} runs each, rotating order, fresh context per load, headless Chromium)`);
console.log(`Δ = difference from the empty page in the same run; "nothing": an async script that does nothing (what any`);
console.log(`script tag costs; no widget can go below it); ratio = Hearken's figure ÷ Sentry's.\n`);
console.log(`${''.padEnd(40)}${cell('empty')}${cell('nothing')}${cell('Sentry')}${cell('Hearken')}${cell('ratio', 8)}${cell('target', 9)}`);
const missed = [];
for (const { label, key, unit, difference, target, limit } of figures) {
  const sentry = difference ? delta('sentry', key) : of('sentry', key);
  const hearken = difference ? delta('hearken', key) : of('hearken', key);
  const ratio = sentry > 0 ? hearken / sentry : Number.NaN;
  const base = difference ? `${fixed(of('empty', key))}` : '—';
  const floor = difference ? delta('nothing', key) : Number.NaN;
  const sign = (value) => (difference && value >= 0 ? `+${fixed(value)}` : fixed(value));
  const miss = (target !== undefined && !(ratio <= target) && hearken > 0) || (limit !== undefined && hearken > limit);
  if (miss) missed.push(label);
  const goal = target !== undefined ? `≤ ${target}×` : limit !== undefined ? `≤ ${limit} ${unit}` : '—';
  console.log(`${`${label} (${difference ? 'Δ ' : ''}${unit})`.padEnd(40)}${cell(base)}${cell(Number.isNaN(floor) ? '—' : sign(floor))}${cell(sign(sentry))}${cell(sign(hearken))}${cell(Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`, 8)}${cell(goal, 9)}${miss ? '  MISSED' : ''}`);
}
if (missed.length) {
  console.error(`\nbench: ${missed.length} target(s) missed: ${missed.join('; ')}`);
  process.exit(1);
}
