// Size entries of the script tag, from the files the build lists in dist/browser/manifest.json.
import { readFile } from 'node:fs/promises';

const KB = 1024;
const dir = 'packages/widget/dist/browser';
const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8'));
const read = async (files) => (await Promise.all(files.map((f) => readFile(`${dir}/${f}`, 'utf8')))).join('\n');
const label = (files) => files.join(' + ');

// A page loads one language: count the larger, so the total holds for every page.
const [language, languageFiles] = Object.entries(manifest.languages).sort(([, a], [, b]) => b.length - a.length)[0];

export const entries = [
  { name: `script tag, at start: ${label(manifest.loader)}`, code: () => read(manifest.loader), budget: 4 * KB },
  { name: `script tag, on intent: ${label(manifest.rest)}`, code: () => read(manifest.rest) },
  ...Object.entries(manifest.languages).map(([code, files]) => ({ name: `script tag, language ${code}: ${label(files)}`, code: () => read(files) })),
  {
    name: `script tag, everything a page loads (with ${language})`,
    code: () => read([...manifest.loader, ...manifest.rest, ...languageFiles]),
    budget: 25.5 * KB, // 24 KB before the client's unload send, Retry-After floor and 401 retry (+1.1 KB gzip)
  },
];
