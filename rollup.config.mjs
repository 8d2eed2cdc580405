// Builds every package: ESM + declarations per package, and the widget's browser bundle.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** `__HEARKEN_VERSION__` in the widget's code becomes the version in its package.json. */
const { version } = JSON.parse(readFileSync('packages/widget/package.json', 'utf8'));
const widgetVersion = () => ({
  name: 'hearken-version',
  transform: (code) => (code.includes('__HEARKEN_VERSION__') ? { code: code.replaceAll('__HEARKEN_VERSION__', JSON.stringify(version)), map: null } : null),
});

const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isExternal = (id) => node.has(id) || /^(zod|lit|@lit|@hearken|better-sqlite3|pg|nodemailer|tslib|react|vue|svelte)(\/|$)/.test(id);

/** ESM build of one workspace package, one file per module, with `.d.ts` beside each. */
function packageBuild(name, input, { types = ['node'] } = {}) {
  const dir = `packages/${name}/dist`;
  return {
    input: Object.fromEntries(input.map((entry) => [entry, `packages/${name}/src/${entry}.ts`])),
    external: isExternal,
    output: { dir, format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: `packages/${name}/src` },
    plugins: [
      typescript({
        tsconfig: 'tsconfig.build.json',
        filterRoot: '.',
        include: [`packages/${name}/src/**/*.ts`],
        exclude: ['**/*.test.ts', '**/*.fixture.ts'],
        compilerOptions: { rootDir: `packages/${name}/src`, outDir: dir, declarationDir: dir, declaration: true, types },
      }),
      widgetVersion(),
    ],
    onwarn,
  };
}

function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
  warn(warning);
}

const browserPlugins = (module) => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  typescript({ tsconfig: 'tsconfig.build.json', filterRoot: '.', include: ['packages/*/src/**/*.ts', 'examples/**/*.ts'], exclude: ['**/*.test.ts', '**/*.fixture.ts'], compilerOptions: { declaration: false, sourceMap: true, types: [] } }),
  widgetVersion(),
  // Whitespace and comments inside html`` and css`` templates, which terser leaves alone.
  minifyHTML(),
  terser({ module, ecma: 2020, compress: { passes: 3 }, format: { comments: false, ascii_only: true } }),
];

/**
 * Writes browser/manifest.json: the file a page loads at start (the script tag itself, which paints
 * the launcher), the file it adds at start where the browser holds follow-up keys, the files it loads on intent to open the dialog (the rest), per language the one file
 * it adds, and per view the files loaded only when the person opens that view (e.g. "Your messages").
 * The size script reads it.
 */
const manifest = () => ({
  name: 'hearken-manifest',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const languages = Object.fromEntries(chunks.filter((c) => /^language-/.test(c.name)).map((c) => [c.name.slice(9), [c.fileName]]));
    const views = Object.fromEntries(chunks.filter((c) => c.isDynamicEntry && !/^language-/.test(c.name)).map((c) => [c.name, [c.fileName]]));
    const later = [...Object.values(languages), ...Object.values(views)].flat();
    const rest = chunks.map((c) => c.fileName).filter((f) => !later.includes(f));
    // `replies`: what the launcher adds at start where the browser holds follow-up keys (built on its own).
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ start: ['hearken.js'], replies: ['hearken-replies.js'], rest, languages, views }, null, 2) });
  },
});

/**
 * Where the bytes go: writes dist/size-report/<file>.json (outside what the CDN serves), each module
 * of a browser file with its minified length, largest first. The size script prints them.
 */
const moduleBreakdown = () => ({
  name: 'hearken-module-breakdown',
  writeBundle(_, bundle) {
    mkdirSync('packages/widget/dist/size-report', { recursive: true });
    for (const chunk of Object.values(bundle).filter((file) => file.type === 'chunk')) {
      const modules = Object.entries(chunk.modules)
        .map(([id, m]) => [id.replace(/^.*?\/(node_modules|packages)\//, ''), m.renderedLength])
        .filter(([, length]) => length > 0)
        .sort(([, a], [, b]) => b - a);
      writeFileSync(`packages/widget/dist/size-report/${chunk.fileName}.json`, JSON.stringify(Object.fromEntries(modules), null, 2));
    }
  },
});

/**
 * The script tag: the classic script (the launcher and window.Hearken; the dialog comes with the
 * rest, so its dynamic import stays out of this file), and the module graph it imports on intent.
 */
for (const dir of ['browser', 'size-report']) rmSync(`packages/widget/dist/${dir}`, { recursive: true, force: true });
const browserBuilds = [
  {
    input: 'packages/widget/src/script-tag/loader.ts',
    external: (id) => /(feedback-dialog|launcher-replies)(\.js)?$/.test(id),
    output: { file: 'packages/widget/dist/browser/hearken.js', format: 'iife', sourcemap: true },
    plugins: [...browserPlugins(false), moduleBreakdown()],
    onwarn,
  },
  {
    // Loaded at start only where the browser holds follow-up keys: the badge and the reply check, on
    // their own (a few duplicated client modules cost less than loading the widget to check a thread).
    input: { 'hearken-replies': 'packages/widget/src/feedback/launcher-replies.ts' },
    preserveEntrySignatures: 'strict',
    output: { dir: 'packages/widget/dist/browser', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
    plugins: [...browserPlugins(true), moduleBreakdown()],
    onwarn,
  },
  {
    input: { 'hearken-widget': 'packages/widget/src/script-tag/widget-bundle.ts' },
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'packages/widget/dist/browser',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'hearken-[name].js',
    },
    plugins: [...browserPlugins(true), manifest(), moduleBreakdown()],
    onwarn,
  },
];

export default [
  packageBuild('client', ['index', 'schema', 'schema/json-schema'], { types: [] }),
  packageBuild('widget', ['index', 'define', 'define-lazy', 'react', 'vue', 'svelte', 'hearken-global'], { types: [] }),
  packageBuild('collector', ['index', 'bin']),
  ...browserBuilds,
  {
    input: 'examples/npm-client/app.ts',
    output: { file: 'examples/npm-client/dist/app.js', format: 'es', sourcemap: true },
    plugins: browserPlugins(true),
    onwarn,
  },
];
