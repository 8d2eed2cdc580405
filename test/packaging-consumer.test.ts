// A React and a Vue app in a fresh project made from the packed packages (test/support/consumer-project.ts).
// Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript helpers shared with npm start
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import { createConsumerProject, repo, type ConsumerProject } from './support/consumer-project.js';
import { PERSON_PAUSE_MS } from './support/demo.js';

let consumer: ConsumerProject;
let project: string;

beforeAll(() => {
  consumer = createConsumerProject();
  project = consumer.dir;
}, 120_000);

afterAll(() => consumer.remove());

const write = (files: Record<string, string>) => consumer.write(files);

/** A server for the built app that accepts every feedback, as an endpoint would. */
async function serve(dir: string): Promise<{ url: string; received: unknown[]; server: Server }> {
  const received: unknown[] = [];
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(202, { 'content-type': 'application/json' }).end('{}');
      });
      return;
    }
    const path = new URL(request.url!, 'http://x').pathname;
    try {
      const file = readFileSync(join(dir, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream' }).end(file);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, received, server };
}

describe('a React 19 app', () => {
  it('type-checks the raw tag and the wrapper, and the wrapper’s onSent fires in Chromium after a Vite build', async () => {
    write({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, skipLibCheck: false, noEmit: true, types: [], lib: ['es2023', 'dom', 'dom.iterable'] },
        include: ['app.tsx'],
      }),
      'app.tsx': `import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { HearkenForm } from '@hearken/widget/react';

function App() {
  const [sent, setSent] = useState('');
  return (
    <main>
      <hearken-rating scale="thumbs" onhearken-sent={(e) => console.log(e.detail.id)} />
      <HearkenForm endpoint="/feedback" audience="external" onSent={(e) => setSent(e.detail.id)} />
      <output id="sent">{sent}</output>
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
`,
      'index.html': '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./app.tsx"></script></body></html>',
    });
    try {
      execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout: string }).stdout}`);
    }

    await build({ root: project, logLevel: 'silent', build: { outDir: 'dist-react' } });
    const site = await serve(join(project, 'dist-react'));
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.locator('hearken-form textarea').fill('Sent from a React app built with Vite');
      // The form flags submissions faster than min-fill-ms as likely bots; wait as a person would.
      await page.waitForTimeout(PERSON_PAUSE_MS);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.locator('#sent').textContent(), { timeout: 15_000 }).toMatch(/^[0-9a-f-]{36}$/);
      expect(site.received).toEqual([expect.objectContaining({ message: 'Sent from a React app built with Vite' })]);
    } finally {
      await browser.close();
      site.server.close();
    }
  }, 180_000);
});

describe('a Vue app', () => {
  it('builds a single-file component with the tags without a warning', async () => {
    write({
      'App.vue': `<script setup lang="ts">
import '@hearken/widget/define';
const onSent = (event: Event) => console.log(event);
</script>

<template>
  <hearken-feedback endpoint="/feedback" audience="internal" @hearken-sent="onSent" />
</template>
`,
      'main.ts': "import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n",
      'vue.html': '<!doctype html><html lang="en"><body><div id="app"></div><script type="module" src="./main.ts"></script></body></html>',
    });
    const warnings: string[] = [];
    const output = (await build({
      root: project,
      logLevel: 'silent',
      customLogger: { info() {}, warn: (message) => warnings.push(message), warnOnce: (message) => warnings.push(message), error: (message) => warnings.push(message), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false },
      plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('hearken-') } } })],
      build: { outDir: 'dist-vue', rollupOptions: { input: join(project, 'vue.html'), onwarn: (warning) => void warnings.push(String(warning.message)) } },
    })) as Rollup.RollupOutput;
    expect(warnings).toEqual([]);
    const code = output.output.filter((chunk) => chunk.type === 'chunk').map((chunk) => (chunk as Rollup.OutputChunk).code).join('\n');
    expect(code).toContain('hearken-feedback');
  }, 180_000);
});
