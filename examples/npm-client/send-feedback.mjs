// A Node script sending feedback with @hearken/client, e.g. from a support tool or a cron job.
//   node examples/npm-client/send-feedback.mjs [endpoint]
// In Node the outbox is in memory: what cannot be delivered now is retried while the process runs.
import { createClient } from '@hearken/client';

const endpoint = process.argv[2] ?? process.env.HEARKEN_ENDPOINT ?? 'http://127.0.0.1:8787/feedback';
const client = createClient({ endpoint, audience: 'internal', site: 'support-desk' });

const result = await client.send({ message: 'Printer on floor 3 is broken', category: 'equipment', urgency: 'high', user: { name: 'Support desk' } });
console.log(`${result.status}: ${result.id}${result.error ? ` (${result.error.message})` : ''}`);
if (result.status === 'queued') {
  await client.flush();
  console.log(`after flush: ${await client.pending()} waiting`);
}
client.close();
