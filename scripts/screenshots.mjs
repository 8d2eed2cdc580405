// `npm run screenshots`: pictures of the widget for docs/, taken in headless Chromium from the
// example pages against a throwaway collector.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createSqliteStorage, startServer } from '../packages/collector/dist/index.js';
import { chromiumArgs, findChromium } from './find-chromium.mjs';
import { startStaticServer } from './static-server.mjs';

let endpoint = '';
const site = await startStaticServer({ port: 0, endpoint: () => endpoint, mounts: { '/': 'examples', '/hearken/': 'packages/widget/dist/browser' } });
// Urgent reports are due within 2 s here, so that the Overdue view has something to show.
const answerTargets = { high: 2000, normal: 2 * 86_400_000, low: 5 * 86_400_000 };
const collector = await startServer({ port: 0, storage: createSqliteStorage(join(mkdtempSync(join(tmpdir(), 'hearken-shots-')), 'f.db')), allowOrigins: [site.url], answerTargets });
endpoint = `${collector.url}/feedback`;
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const shot = (name) => join('docs', 'screenshots', `${name}.png`);

async function dialog(path, name, { theme, message } = {}) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 760 } });
  await page.goto(`${site.url}${path}`);
  if (theme) await page.evaluate((t) => document.querySelector('hearken-feedback').setAttribute('theme', t), theme);
  await page.getByRole('button', { name: 'Feedback', exact: true }).click();
  await page.getByRole('dialog').waitFor();
  if (message) await page.getByRole('textbox').first().fill(message);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot(name) });
  await page.close();
}

await dialog('/public-site/', 'dialog-light-en', { message: 'The lamp arm squeaks a little when I move it.' });
await dialog('/public-site/', 'dialog-dark-en', { theme: 'dark', message: 'Would love a warmer colour setting.' });
await dialog('/public-site/de.html', 'dialog-light-de', { message: 'Die Lieferung war schnell, danke!' });

const intranet = await browser.newPage({ viewport: { width: 1024, height: 760 } });
await intranet.goto(`${site.url}/intranet/`);
await intranet.locator('#it-form').getByText('Sending as').waitFor();
await intranet.screenshot({ path: shot('intranet') });
await intranet.close();

const launcher = await browser.newPage({ viewport: { width: 1024, height: 500 } });
await launcher.goto(`${site.url}/public-site/`);
await launcher.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
await launcher.screenshot({ path: shot('launcher') });
await launcher.close();

// The inbox, after a few submissions through the client.
const { createClient } = await import('../packages/client/dist/index.js');
const send = (audience, input) => createClient({ endpoint, audience, autoFlush: false }).send(input);
await send('external', { category: 'idea', message: 'Would love a warmer colour setting on the Lumo lamp.', rating: { scale: 'stars', value: 4 }, site: 'shop' });
await send('external', { category: 'problem', message: 'Checkout shows <b>€ 0</b> for shipping, then charges € 5.', contact: { email: 'sam@example.com', mayContact: true }, site: 'shop' });
await send('internal', { category: 'equipment', urgency: 'high', message: 'Printer on floor 3 has been broken for a week.', user: { name: 'Jane Doe', department: 'Sales' }, site: 'it-facilities' });
await send('internal', { category: 'process', message: 'Booking a meeting room takes four steps; two would do.', anonymous: true, site: 'it-facilities' });
const inbox = await browser.newPage({ viewport: { width: 1100, height: 700 } });
await inbox.goto(`${collector.url}/inbox`);
await inbox.screenshot({ path: shot('inbox') });

// Replies, a note, a status, and the Overdue view.
const { items } = await (await fetch(`${collector.url}/inbox.json`)).json();
const idOf = (text) => items.find((i) => i.feedback.message?.includes(text)).feedback.id;
const reply = (text, body, internal = false) =>
  fetch(`${collector.url}/inbox/${idOf(text)}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body, internal }) });
await reply('Checkout', 'Thanks Sam, the shipping line was wrong. Fixed today, and the € 5 are refunded.');
await reply('Checkout', 'Refund done in the shop backend, order 10442.', true);
await reply('meeting room', 'Good point: we are trying a two-step booking next month.');
await fetch(`${collector.url}/inbox/status`, { method: 'POST', body: new URLSearchParams({ id: idOf('meeting room'), status: 'in-progress' }) });
await new Promise((resolve) => setTimeout(resolve, answerTargets.high + 200));
await inbox.setViewportSize({ width: 1100, height: 1000 });
await inbox.goto(`${collector.url}/inbox`);
await inbox.screenshot({ path: shot('inbox-replies') });
await inbox.setViewportSize({ width: 1100, height: 700 });
await inbox.goto(`${collector.url}/inbox?overdue=true`);
await inbox.screenshot({ path: shot('inbox-overdue') });
await inbox.close();

// "Your messages": a visitor's feedback, answered by the team, on the visitor's next visit.
const visitor = await browser.newPage({ viewport: { width: 1024, height: 760 } });
await visitor.goto(`${site.url}/public-site/`);
await visitor.getByRole('button', { name: 'Feedback', exact: true }).click();
await visitor.getByRole('textbox', { name: 'Your message' }).fill('The size guide for the Lumo lamp shade is missing.');
await visitor.waitForTimeout(1600); // as a person would; faster forms are kept as likely spam
await visitor.getByRole('button', { name: 'Send', exact: true }).click();
await visitor.getByText('Your messages', { exact: false }).first().waitFor();
const mine = (await (await fetch(`${collector.url}/inbox.json`)).json()).items.find((i) => i.feedback.message?.startsWith('The size guide'));
await fetch(`${collector.url}/inbox/${mine.feedback.id}/replies`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ body: 'Thank you! The size guide is back on the product page: the shade fits bases from 18 to 24 cm.' }),
});
await visitor.evaluate(() => localStorage.setItem('hearken:my-feedback', localStorage.getItem('hearken:my-feedback').replace(/"checkedAt":\d+/g, '"checkedAt":0')));
await visitor.reload();
await visitor.getByRole('button', { name: 'Feedback, 1 new reply' }).waitFor();
await visitor.screenshot({ path: shot('launcher-reply') });
await visitor.getByRole('button', { name: 'Feedback, 1 new reply' }).click();
await visitor.getByRole('button', { name: /^Your messages/ }).click();
await visitor.getByText('The size guide is back', { exact: false }).waitFor();
await visitor.waitForTimeout(300);
await visitor.screenshot({ path: shot('your-messages') });
await visitor.close();

await browser.close();
await Promise.all([site.close(), collector.close()]);
console.log('Screenshots written to docs/screenshots/');
