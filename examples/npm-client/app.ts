// An app with its own feedback UI, sending through @hearken/client: no widget involved.
import { createClient, isValidationError, type SendResult } from '@hearken/client';

const endpoint = document.querySelector<HTMLMetaElement>('meta[name="hearken-endpoint"]')!.content;
const client = createClient({
  endpoint,
  audience: 'external',
  site: 'parcelly-app',
  // Personal data never leaves the page: drop anything that looks like a phone number.
  beforeSend: (feedback) => ({ ...feedback, message: feedback.message?.replace(/\+?\d[\d\s/-]{7,}\d/g, '[phone]') }),
});

const form = document.querySelector<HTMLFormElement>('#order-feedback')!;
const scores = document.querySelector<HTMLElement>('#scores')!;
const result = document.querySelector<HTMLElement>('#result')!;
const pending = document.querySelector<HTMLElement>('#pending')!;
let score: number | undefined;

for (let value = 1; value <= 5; value++) {
  const label = document.createElement('label');
  const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'score', value: String(value) });
  input.addEventListener('change', () => (score = value));
  label.append(input, ` ${'★'.repeat(value)} `);
  scores.append(label);
}

const describe = (sent: SendResult) =>
  sent.status === 'sent'
    ? 'Thank you! Your feedback arrived.'
    : sent.status === 'queued'
      ? 'Saved: it will be sent when the connection is back.'
      : isValidationError(sent.error)
        ? 'Please give a score or write a comment.'
        : `Not sent: ${sent.error?.message ?? 'unknown error'}`;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const comment = document.querySelector<HTMLTextAreaElement>('#comment')!.value;
  const sent = await client.send({
    category: 'praise',
    message: comment || undefined,
    rating: score === undefined ? undefined : { scale: 'stars', value: score },
    tags: ['delivery'],
    metadata: { order: 4711 },
  });
  result.textContent = describe(sent);
  pending.textContent = String(await client.pending());
});

void client.pending().then((count) => (pending.textContent = String(count)));
