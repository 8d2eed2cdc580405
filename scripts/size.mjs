// Prints raw / gzip / brotli bytes of what browsers download, and fails over budget.
// Budgets are exact byte counts of gzip level 9 output, checked byte for byte.
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const KB = 1024;

/** Bundles `code` (an ES module importing built packages) for browsers, minified, and returns the JS. */
async function bundle(code) {
  const build = await rollup({
    input: 'entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
      nodeResolve({ browser: true, exportConditions: ['production', 'browser'] }),
      terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  return output.map((chunk) => chunk.code ?? '').join('');
}

export const measure = (text) => {
  const buffer = Buffer.from(text);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** What is measured: a name, how to get the bytes, and the gzip budget (or none: reported only). */
export const entries = [
  {
    name: '@hearken/client: createClient + schema',
    code: () => bundle(`import { createClient, FeedbackSchema } from '@hearken/client'; console.log(createClient, FeedbackSchema);`),
    budget: 12 * KB,
  },
  {
    name: '@hearken/client: schema + parseFeedback (servers)',
    code: () => bundle(`import { parseFeedback } from '@hearken/client'; console.log(parseFeedback);`),
  },
];

const extra = await import('./size-entries.mjs').catch(() => ({ entries: [] }));
entries.push(...(await extra.entries));

let failed = false;
const rows = [];
for (const entry of entries) {
  const size = measure(await entry.code());
  const over = entry.budget !== undefined && size.gzip > entry.budget;
  failed ||= over;
  rows.push({ ...entry, ...size, over });
}
const pad = (value, width) => String(value).padStart(width);
console.log(`${'what'.padEnd(58)} ${pad('raw', 8)} ${pad('gzip', 8)} ${pad('brotli', 8)} ${pad('budget', 8)}`);
for (const row of rows) {
  const budget = row.budget === undefined ? '—' : row.budget;
  console.log(`${row.name.padEnd(58)} ${pad(row.raw, 8)} ${pad(row.gzip, 8)} ${pad(row.brotli, 8)} ${pad(budget, 8)}${row.over ? '  OVER BUDGET' : ''}`);
}
if (failed) {
  console.error('size: over budget (gzip bytes)');
  process.exit(1);
}
