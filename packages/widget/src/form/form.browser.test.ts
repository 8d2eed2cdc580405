import { expect } from '@open-wc/testing';
import { MESSAGE_MAX_LENGTH } from '@hearken/client';
import { $, mount, ratingOf, settle, type } from '../../../../test/support/widget-fixtures.js';
import { testEndpoint, waitFor } from '../../../../test/support/test-endpoint.js';
import '../define.js';
import type { HearkenForm } from '../index.js';

const submit = async (form: HearkenForm) => {
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  await waitFor(() => form.state !== 'submitting');
  await settle(form);
};

describe('<hearken-form>', () => {
  afterEach(() => document.querySelectorAll('hearken-form').forEach((f) => f.remove()));

  it('sends the message, category and signals, then says thank you in the live region', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}" site="docs"></hearken-form>`);
    const events: string[] = [];
    for (const name of ['hearken-submit', 'hearken-sent']) document.addEventListener(name, (e) => events.push(e.type), { once: true });
    $<HTMLSelectElement>(form, '#category').value = 'idea';
    $<HTMLSelectElement>(form, '#category').dispatchEvent(new Event('change'));
    await type($(form, '#message'), 'Please add an export button');
    await submit(form);
    expect(form.state).to.equal('sent');
    expect($(form, '[role=status]').textContent).to.contain('Thank you');
    expect(events).to.deep.equal(['hearken-submit', 'hearken-sent']);
    const [request] = await endpoint.log();
    expect(request!.feedback).to.include({ message: 'Please add an export button', category: 'idea', site: 'docs', audience: 'external' });
    expect(request!.feedback.signals!.honeypot).to.equal(false);
  });

  it('shows a translated inline error tied to the field, focuses it, and sends nothing', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}" locale="de"></hearken-form>`);
    await submit(form);
    const message = $<HTMLTextAreaElement>(form, '#message');
    expect(message.getAttribute('aria-invalid')).to.equal('true');
    expect(message.getAttribute('aria-describedby')).to.contain('message-error');
    expect($(form, '#message-error').textContent).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(form.shadowRoot!.activeElement).to.equal(message);
    expect(await endpoint.log()).to.have.length(0);
  });

  it('stops a message one character over the limit before any request, keeping the text', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    const text = '👍'.repeat(MESSAGE_MAX_LENGTH) + '!';
    await type($(form, '#message'), text);
    expect($(form, '#message-error').textContent).to.contain(`${MESSAGE_MAX_LENGTH}`);
    await submit(form);
    expect(form.state).to.equal('idle');
    expect($<HTMLTextAreaElement>(form, '#message').value).to.equal(text);
    expect(await endpoint.log()).to.have.length(0);
  });

  it('counts the message without surrounding white space: 5,000 characters between newlines are sent, trimmed', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    const text = 'x'.repeat(MESSAGE_MAX_LENGTH);
    await type($(form, '#message'), `\n${text}\n\n`);
    expect($(form, '#message-error')).to.equal(null);
    expect($(form, '#counter').textContent).to.equal(`${MESSAGE_MAX_LENGTH} / ${MESSAGE_MAX_LENGTH}`);
    await submit(form);
    expect(form.state).to.equal('sent');
    expect((await endpoint.log())[0]!.feedback.message).to.equal(text);
  });

  it('with an endpoint that is not a URL, says so in the console, reports hearken-error and throws nothing into the page', async () => {
    const form = await mount<HearkenForm>('<hearken-form endpoint="not a url"></hearken-form>');
    const logged: string[] = [];
    const { error } = console;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      let reported = false;
      form.addEventListener('hearken-error', () => (reported = true));
      await type($(form, '#message'), 'Hello');
      await submit(form);
      expect(reported).to.equal(true);
      expect(form.state).to.equal('failed');
      expect(logged.join('\n')).to.contain('createClient needs `endpoint`').and.contain('got "not a url"');
      expect($<HTMLTextAreaElement>(form, '#message').value).to.equal('Hello');
      // The person reads that the page's set-up is at fault, not the network.
      expect($(form, '[role=status]')!.textContent).to.contain('feedback address is missing or not valid').and.not.contain('could not be reached');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      console.error = error;
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('sends markup as plain text and renders nothing of it as HTML', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await type($(form, '#message'), hostile);
    await submit(form);
    const [request] = await endpoint.log();
    expect(request!.feedback.message).to.equal(hostile);
    expect(form.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('round-trips emoji, combining marks and right-to-left text unchanged', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    const text = 'Cafe\u0301 👩‍👩‍👧 🇩🇪 שלום עולם مرحبا';
    await type($(form, '#message'), text);
    await submit(form);
    expect((await endpoint.log())[0]!.feedback.message).to.equal(text);
  });

  it('lets the browser pick the direction of what is typed (dir=auto), for right-to-left messages on left-to-right pages', async () => {
    const form = await mount<HearkenForm>('<hearken-form endpoint="/x"></hearken-form>');
    const message = $<HTMLTextAreaElement>(form, '#message');
    expect(message.getAttribute('dir')).to.equal('auto');
    await type(message, 'שלום, המדפסת לא עובדת');
    expect(message.matches(':dir(rtl)')).to.equal(true);
  });

  it('requires an email only when contact is allowed', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'Call me');
    const consent = $<HTMLInputElement>(form, 'input[type=checkbox]');
    consent.click();
    await settle(form);
    await submit(form);
    expect($(form, '#email-error').textContent).to.contain('email');
    expect(form.shadowRoot!.activeElement).to.equal($(form, '#email'));
    await type($(form, '#email'), 'not-an-email');
    await submit(form);
    expect($(form, '#email-error').textContent).to.contain('name@example.com');
    await type($(form, '#email'), 'jane@example.com');
    await submit(form);
    expect(form.state).to.equal('sent');
    expect((await endpoint.log())[0]!.feedback.contact).to.deep.equal({ email: 'jane@example.com', mayContact: true });
  });

  it('queues when the endpoint is unavailable and says it will be sent later', async () => {
    const endpoint = await testEndpoint({ status: 503 });
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'Offline for now');
    let queued = false;
    form.addEventListener('hearken-queued', () => (queued = true));
    await submit(form);
    expect(form.state).to.equal('queued');
    expect(queued).to.equal(true);
    // Online, the service did not answer: no talk of "back online", and it will go by itself.
    expect($(form, '[role=status]').textContent).to.contain('could not be reached just now; it will be sent automatically');
    expect($(form, '[role=status]').textContent).to.not.contain('back online');
  });

  it('tells where the answer will appear when the endpoint keeps threads, and by email with consent', async () => {
    const endpoint = await testEndpoint({ status: 201, body: '{"status":"stored","followUp":true}' }, { status: 201, body: '{"followUp":true}' });
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'Where is my answer?');
    await submit(form);
    expect($(form, '[role=status]').textContent).to.contain('under “Your messages”.');
    $<HTMLButtonElement>(form, '.actions button').click();
    await settle(form);
    await type($(form, '#message'), 'And by mail?');
    await type($(form, '#email'), 'jane@example.com');
    $<HTMLInputElement>(form, '.check input').click();
    await settle(form);
    await submit(form);
    expect($(form, '[role=status]').textContent).to.contain('and by email');
  });

  it('tells the person when a full outbox had to remove the oldest waiting feedback', async () => {
    const endpoint = await testEndpoint(...Array.from({ length: 200 }, () => ({ status: 503 })));
    // 50 feedbacks (the outbox's default limit) already wait for this endpoint.
    const { createClient } = await import('@hearken/client');
    const earlier = createClient({ endpoint: endpoint.url, autoFlush: false });
    for (let i = 0; i < 50; i++) expect((await earlier.send({ message: `earlier ${i}` })).status).to.equal('queued');
    earlier.close();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'One more');
    await submit(form);
    expect(form.state).to.equal('queued');
    expect($(form, '[role=status]').textContent).to.contain('the oldest feedback waiting on this device was removed');
  });

  it('fails visibly on a 422, keeps the text, and retries on demand', async () => {
    const endpoint = await testEndpoint({ status: 422 });
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'Keep me');
    let error: unknown;
    form.addEventListener('hearken-error', (e) => (error = e.detail.error));
    await submit(form);
    expect(form.state).to.equal('failed');
    expect(error).to.have.property('status', 422);
    expect($(form, '[role=status]').textContent).to.contain('422');
    expect($<HTMLTextAreaElement>(form, '#message').value).to.equal('Keep me');
    expect($(form, 'button[type=submit]').textContent!.trim()).to.equal('Try again');
    await submit(form);
    expect(form.state).to.equal('sent');
  });

  it("a 422 that names a field marks that field with the reason, offers Send, and a later check of the fields clears the endpoint's status", async () => {
    const body = JSON.stringify({ error: 'invalid', issues: [{ path: ['message'], code: 'too_big', message: 'Too big' }, { path: ['user', 'id'], code: 'invalid', message: 'ignored' }] });
    const endpoint = await testEndpoint({ status: 422, headers: { 'content-type': 'application/json' }, body });
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'Refused by the endpoint');
    await submit(form);
    expect(form.state).to.equal('failed');
    expect($(form, '#message').getAttribute('aria-invalid')).to.equal('true');
    expect($(form, '#message-error').textContent).to.contain('5000');
    await waitFor(() => form.shadowRoot!.activeElement === $(form, '#message'));
    expect($(form, 'button[type=submit]').textContent!.trim()).to.equal('Send');
    // Emptied: the form's own check speaks, and the endpoint's earlier status is gone.
    await type($(form, '#message'), '');
    await submit(form);
    expect($(form, '[role=status]')?.textContent ?? '').not.to.contain('422');
  });

  it('makes a double submit impossible', async () => {
    const endpoint = await testEndpoint({ status: 200, delay: 300 });
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'once');
    const button = $<HTMLButtonElement>(form, 'button[type=submit]');
    button.click();
    await settle(form);
    expect(form.state).to.equal('submitting');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    button.click();
    await waitFor(() => form.state === 'sent');
    expect(await endpoint.log()).to.have.length(1);
  });

  it('lets a hearken-submit listener cancel or edit', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'secret 1234');
    const cancel = (e: Event) => e.preventDefault();
    form.addEventListener('hearken-submit', cancel, { once: true });
    await submit(form);
    expect(form.state).to.equal('idle');
    expect(await endpoint.log()).to.have.length(0);
    form.addEventListener('hearken-submit', (e) => (e.detail.feedback.message = 'secret ****'), { once: true });
    await submit(form);
    expect((await endpoint.log())[0]!.feedback.message).to.equal('secret ****');
  });

  it('turns a bot that fills the honeypot away silently', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}"></hearken-form>`);
    await type($(form, '#message'), 'buy cheap pills');
    await type($(form, 'input[name=website]'), 'http://spam.example');
    await submit(form);
    expect(form.state).to.equal('sent');
    expect(await endpoint.log()).to.have.length(0);
  });

  it('internal: shows the identity, sends user, department and urgency, or nothing of them when anonymous', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}" audience="internal"></hearken-form>`);
    form.user = { id: 'e42', name: 'Jane Doe', department: 'IT' };
    await settle(form);
    expect($(form, '.identity').textContent).to.equal('Sending as Jane Doe (IT)');
    expect([...$<HTMLSelectElement>(form, '#category').options].map((o) => o.value)).to.include('equipment');
    $<HTMLSelectElement>(form, '#category').value = 'equipment';
    $(form, '#category').dispatchEvent(new Event('change'));
    $<HTMLSelectElement>(form, '#urgency').value = 'high';
    $(form, '#urgency').dispatchEvent(new Event('change'));
    await type($(form, '#message'), 'Printer on floor 3 is broken');
    await submit(form);
    expect((await endpoint.log())[0]!.feedback).to.deep.include({ category: 'equipment', urgency: 'high', anonymous: false, user: { id: 'e42', name: 'Jane Doe', department: 'IT' } });

    $<HTMLButtonElement>(form, '.actions button').click();
    await settle(form);
    $<HTMLInputElement>(form, 'input[type=checkbox]').click();
    await settle(form);
    await type($(form, '#message'), 'The canteen process is unfair');
    await submit(form);
    const anonymous = (await endpoint.log())[1]!.feedback;
    expect(anonymous.anonymous).to.equal(true);
    expect(anonymous.user).to.equal(undefined);
  });

  it('offers a rating and sends it', async () => {
    const endpoint = await testEndpoint();
    const form = await mount<HearkenForm>(`<hearken-form endpoint="${endpoint.url}" rating="stars"></hearken-form>`);
    const rating = ratingOf(form);
    await rating.updateComplete;
    $<HTMLButtonElement>(rating, '[aria-label="4 stars"]').click();
    await settle(form);
    await submit(form);
    expect((await endpoint.log())[0]!.feedback.rating).to.deep.equal({ scale: 'stars', value: 4 });
  });

  it('takes its language from <html lang> and accepts page overrides', async () => {
    const { registerMessages } = await import('../index.js');
    document.documentElement.lang = 'de';
    try {
      registerMessages('de', { send: 'Abschicken' });
      const form = await mount<HearkenForm>(`<hearken-form endpoint="/x"></hearken-form>`);
      expect($(form, 'button[type=submit]').textContent!.trim()).to.equal('Abschicken');
      expect($(form, 'label[for=message]').textContent).to.equal('Ihre Nachricht');
    } finally {
      document.documentElement.lang = 'en';
      registerMessages('de', { send: 'Senden' });
    }
  });
});
