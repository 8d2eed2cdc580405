// Builds every package: ESM + declarations per package, and the widget's browser bundle.
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isExternal = (id) => node.has(id) || /^(zod|lit|@lit|@hearken|better-sqlite3)(\/|$)/.test(id);

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
        exclude: ['**/*.test.ts'],
        compilerOptions: { rootDir: `packages/${name}/src`, outDir: dir, declarationDir: dir, declaration: true, types },
      }),
    ],
    onwarn,
  };
}

function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
  warn(warning);
}

export default [
  packageBuild('client', ['index'], { types: [] }),
  packageBuild('collector', ['index', 'bin']),
];
