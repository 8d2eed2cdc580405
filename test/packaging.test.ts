// Checks the built packages as npm consumers get them. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('@hearken/client extras', () => {
  it('ships feedback.schema.json describing the wire format', () => {
    const schema = JSON.parse(readFileSync('packages/client/feedback.schema.json', 'utf8'));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'schemaVersion', 'createdAt', 'audience', 'category', 'anonymous']));
    expect(schema.properties.message.maxLength).toBe(5000);
    expect(schema.properties.createdAt.format).toBe('date-time');
    expect(schema.properties.rating.properties.scale.enum).toEqual(['stars', 'nps', 'thumbs', 'emoji']);
  });
});

describe('types resolve for consumers', () => {
  it.each(['bundler', 'node16'])('under moduleResolution %s', (resolution) => {
    // Inside the repo, so that node_modules (where the workspace packages are linked) is found.
    const dir = join('node_modules', '.cache', `hearken-types-${resolution}`);
    mkdirSync(dir, { recursive: true });
    const imports = packages.map((name, i) => `import * as p${i} from '@hearken/${name}';\nexport const n${i} = Object.keys(p${i}).length;`);
    writeFileSync(
      join(dir, 'consumer.mts'),
      `${imports.join('\n')}
import { createClient, type SendResult } from '@hearken/client';
import { feedbackJsonSchema } from '@hearken/client/json-schema';
import '@hearken/widget/define';
import type { HearkenSentEvent } from '@hearken/widget';
export const c: Promise<SendResult> = createClient({ endpoint: '/f' }).send({ message: 'x' });
export const s = feedbackJsonSchema();
document.addEventListener('hearken-sent', (event: HearkenSentEvent) => event.detail.id);
`,
    );
    const module = resolution === 'bundler' ? 'esnext' : 'node16';
    const run = () => execFileSync(process.execPath, [
      'node_modules/typescript/bin/tsc', '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', 'false', '--types', 'node',
      '--module', module, '--moduleResolution', resolution, '--target', 'es2022', '--lib', 'es2023,dom,dom.iterable',
      join(dir, 'consumer.mts'),
    ], { encoding: 'utf8' });
    try {
      run();
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout: string }).stdout}`);
    }
    // A full type-check of every package: on a busy 2-core machine it takes longer than the default.
  }, 120_000);
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
