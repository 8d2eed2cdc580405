// The snippets of docs/frameworks.md marked *checked*, type-checked as a developer's project would check
// them, against the packed packages (test/support/consumer-project.ts): TypeScript files with tsc, Svelte
// components with svelte-check, Angular components with ngc and strictTemplates. The snippet text is
// read from the docs, so the docs cannot drift from what is checked. Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, repo, type ConsumerProject } from './support/consumer-project.js';

/** Every fenced block after a `*checked* (`path`)` marker, by that path. */
const snippets: Record<string, string> = Object.fromEntries(
  [...readFileSync('docs/frameworks.md', 'utf8').matchAll(/\*checked\* \(`([\w./-]+)`\)\s*```\w+\n([\s\S]*?)```/g)].map(([, file, code]) => [file!, code!]),
);
const snippetsWhere = (test: (file: string) => boolean) => Object.fromEntries(Object.entries(snippets).filter(([file]) => test(file)));
const isSvelte = (file: string) => file.endsWith('.svelte');
const isAngular = (file: string) => file.endsWith('.component.ts');

/** The snippet with one thing made wrong; throws if `from` is not in it, so a negative case cannot silently test the original. */
function spoil(file: string, from: string, to: string): string {
  const text = snippets[file];
  if (!text?.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}: update this test's negative case`);
  return text.replace(from, to);
}

interface Run {
  code: number;
  output: string;
}
const run = (args: string[], cwd: string) =>
  new Promise<Run>((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

/** The errors a checker reported (svelte-check's machine output, or tsc's and ngc's), one line each, without colours. */
const errors = (result: Run) =>
  result.output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => /^\d+ ERROR "| - error TS\d+:|^error TS\d+:/.test(line));
const errorsIn = (result: Run, file: string) => errors(result).filter((line) => line.includes(file));

const compilerOptions = { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, types: [], lib: ['es2023', 'dom', 'dom.iterable'] };

let consumer: ConsumerProject;
let typescript: Promise<Run>;
let svelte: Promise<Run>;
let angular: Promise<Run>;

// The three checks run side by side, each in its own folder of one consumer project.
beforeAll(() => {
  consumer = createConsumerProject();
  const at = (folder: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([file, text]) => [join(folder, file), text]));

  const plain = snippetsWhere((file) => !isSvelte(file) && !isAngular(file));
  consumer.write({
    ...at('ts', plain),
    'ts/tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, jsx: 'react-jsx', skipLibCheck: false, noEmit: true }, include: ['**/*.ts', '**/*.tsx'] }),
  });
  typescript = run([join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], join(consumer.dir, 'ts'));

  const component = Object.keys(snippetsWhere(isSvelte))[0]!;
  consumer.write({
    ...at('svelte', snippetsWhere(isSvelte)),
    'svelte/WrongAttribute.svelte': spoil(component, 'audience="internal"', 'audience="everyone"'),
    'svelte/WrongHandler.svelte': spoil(component, 'e.detail.id', 'e.detail.error.message'),
    // Svelte 4 syntax, still accepted by Svelte 5 in components that don't use the new one.
    'svelte/LegacySyntax.svelte': `<script lang="ts">import type {} from '@hearken/widget/svelte';</script>
<hearken-form endpoint="/feedback" rating="stars" on:hearken-queued={(e) => console.log(e.detail.id)}></hearken-form>
<hearken-rating scale="thumbs" on:hearken-error={(e) => console.log(e.detail.error.message)}></hearken-rating>
`,
    'svelte/tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck: false, noEmit: true, verbatimModuleSyntax: true }, include: ['**/*.svelte', '**/*.ts'] }),
  });
  svelte = run([join(repo, 'node_modules/svelte-check/bin/svelte-check'), '--workspace', '.', '--tsconfig', './tsconfig.json', '--output', 'machine'], join(consumer.dir, 'svelte'));

  const angularComponent = Object.keys(snippetsWhere(isAngular))[0]!;
  consumer.write({
    ...at('angular', snippetsWhere(isAngular)),
    'angular/src/app/wrong-event.ts': spoil(angularComponent, '(hearken-sent)', '(hearken-error)'),
    // Angular CLI's defaults: its own declarations are not checked (skipLibCheck), templates are (strictTemplates).
    'angular/tsconfig.json': JSON.stringify({
      compilerOptions: { ...compilerOptions, module: 'es2022', skipLibCheck: true, rootDir: 'src', outDir: 'dist' },
      include: ['src/**/*.ts'],
      angularCompilerOptions: { strictTemplates: true },
    }),
  });
  angular = run([join(repo, 'node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js'), '-p', 'tsconfig.json'], join(consumer.dir, 'angular'));
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([typescript, svelte, angular]);
  consumer?.remove();
});

describe('docs/frameworks.md', () => {
  it('marks the snippets of every framework as checked', () => {
    expect(Object.keys(snippets).sort()).toEqual(
      ['plain.ts', 'react-wrapper.tsx', 'react-raw.tsx', 'app/feedback.tsx', 'vue-types.ts', 'src/lib/Feedback.svelte', 'src/app/app.component.ts'].sort(),
    );
  });
});

describe('TypeScript, React, Next.js and Vue snippets', () => {
  it('type-check with tsc (strict, skipLibCheck false)', async () => {
    const result = await typescript;
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});

describe('the Svelte snippet', () => {
  it('passes svelte-check', async () => {
    const result = await svelte;
    expect(result.output).toMatch(/COMPLETED \d+ FILES 2 ERRORS 0 WARNINGS/);
    // Only the two spoiled copies below have errors.
    expect(errors(result).filter((line) => !/"(WrongAttribute|WrongHandler)\.svelte"/.test(line))).toEqual([]);
  }, 120_000);

  it('fails svelte-check with an audience that does not exist', async () => {
    expect(errorsIn(await svelte, 'WrongAttribute.svelte').join('\n')).toContain(`Type '\\"everyone\\"' is not assignable to type '\\"internal\\" | \\"external\\"`);
  }, 120_000);

  it('fails svelte-check with a handler that reads what hearken-sent does not carry', async () => {
    expect(errorsIn(await svelte, 'WrongHandler.svelte').join('\n')).toContain("Property 'error' does not exist");
  }, 120_000);

  it('types the Svelte 4 on: syntax too', async () => {
    expect(errorsIn(await svelte, 'LegacySyntax.svelte')).toEqual([]);
  }, 120_000);
});

describe('the Angular snippet', () => {
  it('compiles with ngc and strictTemplates', async () => {
    const result = await angular;
    // ngc stops at errors, so the spoiled copy below is compiled beside it: its errors must be the only ones.
    expect(errors(result).length).toBeGreaterThan(0);
    expect(errors(result).filter((line) => !line.startsWith('src/app/wrong-event.ts:'))).toEqual([]);
  }, 120_000);

  it('fails ngc when the template passes another event to the handler', async () => {
    const result = await angular;
    expect(result.code).not.toBe(0);
    expect(errorsIn(result, 'wrong-event.ts').join('\n')).toContain("Argument of type 'HearkenErrorEvent' is not assignable to parameter of type 'HearkenSentEvent'");
  }, 120_000);
});
