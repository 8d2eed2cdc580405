// `npm run size`: the bytes a browser downloads, as a CDN serves them — each built file compressed on
// its own (gzip -9 and brotli 11), summed per moment of a page's life — and where they go (the largest
// modules of each file). Fails (exit 1) when a gzip budget is missed, byte for byte. Where the
// issue's target is lower than today's budget, the target is printed beside it with what is left to cut.
import { readdir, readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build } from 'esbuild';
import { rollup } from 'rollup';

const KB = 1024;
const browserDir = 'packages/widget/dist/browser';
const reportDir = 'packages/widget/dist/size-report';

export const measure = (bytes) => {
  const buffer = Buffer.from(bytes);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (sizes) => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** An npm consumer's bundle of `code` (importing built packages), minified, as one file. */
async function rollupBundle(code) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
      nodeResolve({ browser: true, exportConditions: ['production', 'browser'] }),
      terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  return output.map((chunk) => chunk.code ?? '').join('');
}

/** An npm consumer's bundle of `code` with code splitting (esbuild): the initial chunk, and every chunk. */
export async function splitBundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    conditions: ['browser', 'production'],
    logLevel: 'silent',
  });
  const [initial, ...lazy] = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const staticImports = (file) => [...file.text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)].map((m) => m[1]);
  // The initial chunk and what it imports statically load at start; the rest on intent.
  const atStart = [initial, ...lazy.filter((file) => staticImports(initial).some((name) => file.path.endsWith(name)))];
  return { atStart: atStart.map((f) => f.contents), all: [initial, ...lazy].map((f) => f.contents) };
}

const manifest = JSON.parse(await readFile(`${browserDir}/manifest.json`, 'utf8'));
const views = manifest.views ?? {};
const files = Object.fromEntries(
  await Promise.all([...manifest.start, ...manifest.replies, ...manifest.rest, ...Object.values(manifest.languages).flat(), ...Object.values(views).flat()].map(async (f) => [f, measure(await readFile(`${browserDir}/${f}`))])),
);
// A page loads one language: count the larger, so a total holds for every page.
const [language, languageFiles] = Object.entries(manifest.languages).sort(([, a], [, b]) => sum(b.map((f) => files[f])).gzip - sum(a.map((f) => files[f])).gzip)[0];
const of = (names) => sum(names.map((f) => files[f]));

const lazy = await splitBundle(`import '@hearken/widget/define-lazy';`);
const toOpen = [...manifest.start, ...manifest.rest, ...languageFiles];
const everything = [...toOpen, ...manifest.replies, ...Object.values(views).flat()];
// Budgets: what the build reaches today (a regression fails); targets: the goals, printed beside.
const rows = [
  { name: `script tag, at start: ${manifest.start.join(' + ')}`, ...of(manifest.start), budget: 3801, target: 3 * KB },
  { name: `  + where the browser holds follow-up keys: ${manifest.replies.join(' + ')}`, ...of(manifest.replies) },
  { name: `script tag, to open the dialog (with ${language})`, ...of(toOpen), budget: 30173, target: 16 * KB },
  ...Object.entries(views).map(([view, names]) => ({ name: `  + the "${view}" view, when opened: ${names.join(' + ')}`, ...of(names) })),
  { name: `script tag, everything (with ${language})`, ...of(everything), budget: 34941, target: 21 * KB },
  { name: '@hearken/client: createClient + schema', ...measure(await rollupBundle(`import { createClient, FeedbackSchema } from '@hearken/client'; console.log(createClient, FeedbackSchema);`)), budget: 11607, target: 9 * KB },
  { name: '@hearken/client/schema: parseFeedback (servers)', ...measure(await rollupBundle(`import { parseFeedback } from '@hearken/client/schema'; console.log(parseFeedback);`)) },
  { name: '@hearken/widget/define (npm, eager, one bundle)', ...measure(await rollupBundle(`import '@hearken/widget/define';`)) },
  { name: '@hearken/widget/define-lazy: initial chunk (esbuild, split)', ...sum(lazy.atStart.map(measure)), budget: 5 * KB },
  { name: '@hearken/widget/define-lazy: every chunk', ...sum(lazy.all.map(measure)) },
];

const pad = (value, width) => String(value).padStart(width);
const line = (name, s, budget = '—', note = '') => console.log(`${name.padEnd(62)} ${pad(s.raw, 8)} ${pad(s.gzip, 8)} ${pad(s.brotli, 8)} ${pad(budget, 8)}${note}`);
console.log('Each file compressed on its own (gzip -9, brotli 11), bytes:\n');
line('file', { raw: 'raw', gzip: 'gzip', brotli: 'brotli' }, 'budget');
for (const [name, size] of Object.entries(files)) line(`  ${name}`, size);
console.log('');
let failed = false;
for (const row of rows) {
  const over = row.budget !== undefined && row.gzip > row.budget;
  failed ||= over;
  const toCut = row.target !== undefined && row.gzip > row.target ? `  (target ${row.target}: ${row.gzip - row.target} B to cut)` : '';
  line(row.name, row, row.budget, over ? `  OVER BUDGET by ${row.gzip - row.budget} B` : toCut);
}

// Where the bytes go: the largest modules of each script-tag file (as rendered, before minification).
const reports = await readdir(reportDir).catch(() => []);
console.log('\nWhere the bytes go (bytes per module as rendered, before minification, largest first):');
for (const report of reports.sort()) {
  const modules = Object.entries(JSON.parse(await readFile(`${reportDir}/${report}`, 'utf8')));
  console.log(`  ${report.replace(/\.json$/, '')}`);
  for (const [id, length] of modules.slice(0, 8)) console.log(`    ${pad(length, 7)}  ${id}`);
  if (modules.length > 8) console.log(`    ${pad(modules.slice(8).reduce((a, [, n]) => a + n, 0), 7)}  ${modules.length - 8} more`);
}
if (failed) {
  console.error('\nsize: over budget (gzip bytes)');
  process.exit(1);
}
