import { expect } from '@open-wc/testing';
import { createFollowUpKey, forgetMyFeedback, readMyFeedback, rememberMyFeedback, unreadReplies } from '@hearken/client';
import { $, axeViolations, mount, settle, type } from '../../../../test/support/widget-fixtures.js';
import { waitFor } from '../../../../test/support/test-endpoint.js';
import '../define.js';
import type { HearkenFeedback } from '../index.js';

let counter = 0;

/** A feedback "sent earlier" from this browser, whose thread the test server holds with `replies`. */
async function earlierFeedback(replies: { author: 'team' | 'you'; body: string }[], status = 'in-progress') {
  const id = `thread-${Date.now().toString(36)}-${counter++}`;
  const key = createFollowUpKey();
  const now = new Date().toISOString();
  await fetch(`/thread-endpoint/${id}/seed`, { method: 'PUT', body: JSON.stringify({ key, status, replies: replies.map((r, i) => ({ id: `r${i}`, createdAt: now, ...r })) }) });
  rememberMyFeedback({ id, key, endpoint: new URL('/thread-endpoint', location.href).href, createdAt: now, excerpt: 'Printer on floor 3 is broken', followUp: true, teamReplies: 0, seenReplies: 0 });
  return id;
}

const dialogOf = (el: HearkenFeedback) => $<HTMLDialogElement>(el, 'dialog');
const toggleOf = (el: HearkenFeedback) => $<HTMLButtonElement>(el, '.messages-toggle');
const viewOf = (el: HearkenFeedback) => $(el, 'hearken-messages') as HTMLElementTagNameMap['hearken-messages'];

async function openMessages(markup: string) {
  const el = await mount<HearkenFeedback>(markup);
  await el.open();
  expect(toggleOf(el).hidden).to.equal(false);
  toggleOf(el).click();
  await waitFor(() => viewOf(el)?.shadowRoot?.querySelector('article'));
  await waitFor(() => !viewOf(el).shadowRoot!.querySelector('[role=status]')!.textContent);
  await settle(viewOf(el));
  return el;
}

const forgetAll = () => readMyFeedback().forEach((entry) => forgetMyFeedback(entry.id));

describe('"Your messages"', () => {
  // Other test files send feedback too: start each test from a browser that holds no keys.
  beforeEach(forgetAll);
  afterEach(() => {
    document.querySelectorAll('hearken-feedback').forEach((e) => e.remove());
    for (const entry of readMyFeedback()) forgetMyFeedback(entry.id);
  });

  it('is not offered when this browser holds no follow-up keys', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    await el.open();
    expect(toggleOf(el).hidden).to.equal(true);
    el.close();
  });

  it('shows the team’s answers as text, marks them seen, and sends the person’s answer', async () => {
    await earlierFeedback([{ author: 'team', body: 'A technician comes at <b>10</b>.' }]);
    expect(unreadReplies()).to.equal(0);
    const el = await openMessages('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const view = viewOf(el);
    expect($(el, 'h2').textContent).to.equal('Your messages');
    const reply = view.shadowRoot!.querySelector('.replies .team p')!;
    expect(reply.textContent).to.equal('A technician comes at <b>10</b>.');
    expect(reply.querySelector('b')).to.equal(null);
    expect(view.shadowRoot!.querySelector('.meta')!.textContent).to.contain('In progress');
    expect(readMyFeedback()[0]!.seenReplies).to.equal(1);

    const answer = view.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(view.shadowRoot!.querySelector(`label[for="${answer.id}"]`)!.textContent).to.equal('Your answer');
    await type(answer, 'Thanks, I will be there');
    [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Send')!.click();
    await waitFor(() => view.shadowRoot!.querySelectorAll('.replies li').length === 2);
    expect(view.shadowRoot!.querySelector('.replies .you p')!.textContent).to.equal('Thanks, I will be there');
    expect(view.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Your answer has been sent.');
    el.close();
  });

  it('says what is wrong with an empty answer, in German, and sends nothing', async () => {
    await earlierFeedback([]);
    const el = await openMessages('<hearken-feedback endpoint="/x" locale="de"></hearken-feedback>');
    const view = viewOf(el);
    expect(toggleOf(el).textContent).to.equal('Zurück zum Formular');
    [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Senden')!.click();
    await settle(view);
    const field = view.shadowRoot!.querySelector('textarea')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(view.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!)!.textContent).to.equal('Bitte füllen Sie dieses Feld aus.');
    el.close();
  });

  it('deletes one’s own feedback only after a confirmation', async () => {
    const id = await earlierFeedback([{ author: 'team', body: 'Noted' }]);
    const el = await openMessages('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const view = viewOf(el);
    view.shadowRoot!.querySelector<HTMLButtonElement>('.delete')!.click();
    await settle(view);
    expect(view.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('cannot be undone');
    expect(readMyFeedback()).to.have.length(1);
    view.shadowRoot!.querySelector<HTMLButtonElement>('.confirm-delete')!.click();
    await waitFor(() => !view.shadowRoot!.querySelector('article'));
    expect(readMyFeedback()).to.have.length(0);
    const gone = await fetch(`/thread-endpoint/${id}/thread`, { headers: { authorization: 'Bearer x' } });
    expect(gone.status).to.equal(404);
    el.close();
  });

  for (const theme of ['light', 'dark']) {
    for (const locale of ['en', 'de']) {
      it(`0 axe violations: ${theme}, ${locale}`, async () => {
        document.title = 'Messages test page';
        document.documentElement.lang = 'en';
        await earlierFeedback([{ author: 'team', body: 'Fixed' }, { author: 'you', body: 'Thanks' }], 'resolved');
        const el = await openMessages(`<hearken-feedback endpoint="/x" theme="${theme}" locale="${locale}"></hearken-feedback>`);
        expect(await axeViolations()).to.deep.equal([]);
        expect(dialogOf(el).open).to.equal(true);
        el.close();
      });
    }
  }
});
