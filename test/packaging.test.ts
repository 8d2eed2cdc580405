// Checks the built packages as npm consumers get them. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

const packages = ['client', 'widget', 'collector'].filter((name) => existsSync(`packages/${name}/dist`));
const manifest = (name: string) => JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));

describe.each(packages)('@hearken/%s as published', (name) => {
  it('is publint --strict clean', async () => {
    const { messages } = await publint({ pkgDir: `packages/${name}`, strict: true, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('has an exports map with types first, and every target exists', () => {
    const { exports, sideEffects } = manifest(name);
    for (const [subpath, target] of Object.entries<string | Record<string, string>>(exports)) {
      if (typeof target === 'string') {
        expect(existsSync(join('packages', name, target)), subpath).toBe(true);
        continue;
      }
      expect(Object.keys(target)[0], subpath).toBe('types');
      for (const file of Object.values(target)) expect(existsSync(join('packages', name, file)), `${subpath} → ${file}`).toBe(true);
    }
    if (name !== 'widget') expect(sideEffects).toBe(false);
  });
});

describe.each(packages)('@hearken/%s packed', (name) => {
  it('is attw clean under the ESM-only profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-pack-'));
    try {
      const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: `packages/${name}`, encoding: 'utf8' }).trim().split('\n').pop()!;
      try {
        execFileSync(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', join(dir, tarball), '--profile', 'esm-only', '--format', 'ascii'], { encoding: 'utf8' });
      } catch (error) {
        throw new Error(`attw found problems:\n${(error as { stdout: string }).stdout}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('@hearken/client extras', () => {
  it('ships feedback.schema.json describing the wire format', () => {
    const schema = JSON.parse(readFileSync('packages/client/feedback.schema.json', 'utf8'));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'schemaVersion', 'createdAt', 'audience', 'category', 'anonymous']));
    // At most 5,000 code points after trimming: a pattern, as maxLength would count the white space.
    const message = new RegExp(schema.properties.message.pattern, 'u');
    expect([message.test(` ${'x'.repeat(5000)}\n`), message.test(` ${'x'.repeat(5001)} `)]).toEqual([true, false]);
    expect(schema.properties.createdAt.format).toBe('date-time');
    expect(schema.properties.rating.properties.scale.enum).toEqual(['stars', 'nps', 'thumbs', 'emoji']);
  });
});

describe('types resolve for consumers', () => {
  // Inside the repo, so that node_modules (where the workspace packages are linked) is found.
  const typeCheck = (resolution: string, files: Record<string, string>, options: string[] = []) => {
    const dir = join('node_modules', '.cache', `hearken-types-${resolution}`);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    const module = resolution === 'bundler' ? 'esnext' : resolution;
    try {
      execFileSync(process.execPath, [
        'node_modules/typescript/bin/tsc', '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node',
        '--module', module, '--moduleResolution', resolution, '--target', 'es2022', '--lib', 'es2023,dom,dom.iterable',
        ...options,
        ...Object.keys(files).map((file) => join(dir, file)),
      ], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout: string }).stdout}`);
    }
  };

  it.each(['bundler', 'node16', 'nodenext'])('under moduleResolution %s', (resolution) => {
    const imports = packages.map((name, i) => `import * as p${i} from '@hearken/${name}';\nexport const n${i} = Object.keys(p${i}).length;`);
    typeCheck(resolution, {
      'consumer.mts': `${imports.join('\n')}
import { createClient, type SendResult } from '@hearken/client';
import { feedbackJsonSchema } from '@hearken/client/json-schema';
import type { HearkenSentEvent } from '@hearken/widget';
export const c: Promise<SendResult> = createClient({ endpoint: '/f' }).send({ message: 'x' });
export const s = feedbackJsonSchema();
document.addEventListener('hearken-sent', (event: HearkenSentEvent) => event.detail.id);
`,
      // What the docs show: this one import, then the elements and their events, without casts.
      'define-only.mts': `import '@hearken/widget/define';
const launcher = document.querySelector('hearken-feedback')!;
launcher.endpoint = 'https://feedback.example.com/feedback';
launcher.audience = 'internal';
launcher.position = 'top-left';
launcher.rating = 'nps';
// @ts-expect-error: not an audience
launcher.audience = 'everyone';
// @ts-expect-error: not a position
launcher.position = 'middle';
const form = document.createElement('hearken-form');
form.theme = 'dark';
// @ts-expect-error: not a theme
form.theme = 'purple';
const rating = document.querySelector('hearken-rating')!;
rating.scale = 'thumbs';
export const value: number | undefined = rating.value;
launcher.addEventListener('hearken-open', (e) => e.type);
launcher.addEventListener('hearken-close', (e) => e.type);
launcher.addEventListener('hearken-submit', (e) => { e.detail.feedback.message = e.detail.feedback.message?.trim(); e.preventDefault(); });
launcher.addEventListener('hearken-sent', (e) => { const id: string = e.detail.id; return id; });
form.addEventListener('hearken-queued', (e) => { const id: string = e.detail.id; return [id, e.detail.error?.code]; });
rating.addEventListener('hearken-error', (e) => { const message: string = e.detail.error.message; return message; });
`,
    });
  }, 120_000);
});

describe('@hearken/widget/custom-elements.json', () => {
  const cem = () => JSON.parse(readFileSync('packages/widget/custom-elements.json', 'utf8'));
  const elements = () => cem().modules.flatMap((m: { declarations?: { tagName?: string }[] }) => (m.declarations ?? []).filter((d) => d.tagName)) as {
    tagName: string;
    attributes: { name: string; type?: { text: string } }[];
    events: { name?: string; type?: { text: string } }[];
  }[];

  it('points at files in the package and defines every tag', () => {
    const modules = cem().modules as { path: string; exports?: { kind: string; name: string; declaration: { module: string } }[] }[];
    for (const module of modules) expect(existsSync(join('packages/widget', module.path)), module.path).toBe(true);
    const definitions = modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((d) => d.name).sort()).toEqual(['hearken-feedback', 'hearken-form', 'hearken-rating']);
    for (const d of definitions) expect(existsSync(join('packages/widget', d.declaration.module))).toBe(true);
  });

  it('types every attribute and event, and lists no internal state', () => {
    for (const element of elements()) {
      for (const attribute of element.attributes) expect(attribute.type?.text, `${element.tagName} ${attribute.name}`).toBeTruthy();
      for (const event of element.events) expect(event.name && event.type?.text, `${element.tagName} event`).toBeTruthy();
      const names = element.attributes.map((a) => a.name);
      for (const internal of ['state', 'errors', 'statusText', 'draft', 'comment', 'done']) expect(names).not.toContain(internal);
    }
    const feedback = elements().find((e) => e.tagName === 'hearken-feedback')!;
    expect(feedback.attributes.find((a) => a.name === 'audience')?.type?.text).toBe("'external' | 'internal'");
    expect(feedback.events.find((e) => e.name === 'hearken-sent')?.type?.text).toBe('HearkenSentEvent');
  });
});

describe('server rendering', () => {
  // Node has no DOM; Lit brings a server-side registry of its own, which may hold the classes.
  it('imports every widget entry in Node without throwing', () => {
    const entries = Object.entries<string | Record<string, string>>(manifest('widget').exports)
      .filter(([subpath, target]) => typeof target !== 'string' && subpath !== '.' && !target.default!.includes('/browser/')) // not the script tag's classic script
      .map(([subpath]) => `@hearken/widget${subpath.slice(1)}`);
    const script = `await import('@hearken/widget'); for (const entry of ${JSON.stringify(entries)}) await import(entry); console.log(typeof HTMLElement);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()).toBe('undefined');
  }, 60_000);
});

describe('the hearken-collector command', () => {
  // npm links a bin only if its file exists at install time: in a fresh clone dist/ comes later.
  it('is a committed file, so npm links it right after npm install', () => {
    const bin = manifest('collector').bin['hearken-collector'];
    expect(execFileSync('git', ['ls-files', join('packages/collector', bin)], { encoding: 'utf8' }).trim()).not.toBe('');
  });

  it('answers --help through that file', () => {
    const bin = join('packages/collector', manifest('collector').bin['hearken-collector']);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('Usage: hearken-collector');
  });
});

describe('@hearken/client in a Node-only TypeScript project', () => {
  it('compiles with lib es2022, types node and skipLibCheck false (no DOM names in its declarations)', () => {
    const dir = join('node_modules', '.cache', 'hearken-types-node-only');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'consumer.mts'),
      `import { createClient, createMemoryStorage, type ClientOptions, type SendResult, type Transport } from '@hearken/client';
import { parseFeedback, type Feedback } from '@hearken/client/schema';
const transport: Transport = async ({ url, body, credentials, keepalive }) => ({ status: url && body && credentials && !keepalive ? 202 : 500, retryAfter: null, body: '' });
const options: ClientOptions = { endpoint: 'http://localhost:8787/feedback', credentials: 'include', storage: createMemoryStorage(), transport };
export const sent: Promise<SendResult> = createClient(options).send({ message: 'from a server' });
export const parsed: Feedback | undefined = (() => { const r = parseFeedback({}); return r.success ? r.data : undefined; })();
`,
    );
    try {
      execFileSync(process.execPath, [
        'node_modules/typescript/bin/tsc', '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node',
        '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--lib', 'es2022', join(dir, 'consumer.mts'),
      ], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout: string }).stdout}`);
    }
  }, 120_000);
});
