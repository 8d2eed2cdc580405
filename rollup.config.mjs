// Builds every package: ESM + declarations per package, and the widget's browser bundle.
import { readFileSync } from 'node:fs';
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
const isExternal = (id) => node.has(id) || /^(zod|lit|@lit|@hearken|better-sqlite3|tslib|react|vue)(\/|$)/.test(id);

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
  terser({ module, ecma: 2020, compress: { passes: 3 }, format: { comments: false } }),
];

/**
 * Writes browser/manifest.json: which files a page loads at start (the loader), which on intent
 * (the rest), and the one language file it picks. The size script reads it.
 */
const manifest = () => ({
  name: 'hearken-manifest',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const launcher = chunks.find((c) => c.isEntry);
    const loader = ['hearken.js', launcher.fileName, ...launcher.imports];
    const languages = Object.fromEntries(chunks.filter((c) => /^language-/.test(c.name)).map((c) => [c.name.slice(9), [c.fileName, ...c.imports.filter((i) => !loader.includes(i))]]));
    const rest = chunks.map((c) => c.fileName).filter((f) => !loader.includes(f) && !Object.values(languages).flat().includes(f));
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ loader, rest, languages }, null, 2) });
  },
});

/** The script tag: the classic loader, and the module graph it imports beside it (launcher, rest, languages). */
const browserBuilds = [
  {
    input: 'packages/widget/src/script-tag/loader.ts',
    output: { file: 'packages/widget/dist/browser/hearken.js', format: 'iife', sourcemap: true },
    plugins: browserPlugins(false),
    onwarn,
  },
  {
    input: { 'hearken-launcher': 'packages/widget/src/script-tag/launcher-entry.ts' },
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'packages/widget/dist/browser',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'hearken-[name].js',
    },
    plugins: [...browserPlugins(true), manifest()],
    onwarn,
  },
];

export default [
  packageBuild('client', ['index', 'schema', 'schema/json-schema'], { types: [] }),
  packageBuild('widget', ['index', 'define', 'react', 'vue', 'hearken-global'], { types: [] }),
  packageBuild('collector', ['index', 'bin']),
  ...browserBuilds,
  {
    input: 'examples/npm-client/app.ts',
    output: { file: 'examples/npm-client/dist/app.js', format: 'es', sourcemap: true },
    plugins: browserPlugins(true),
    onwarn,
  },
];
