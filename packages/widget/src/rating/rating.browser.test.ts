import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, mount, settle } from '../../../../test/support/widget-fixtures.js';
import { testEndpoint, waitFor } from '../../../../test/support/test-endpoint.js';
import '../define.js';
import type { HearkenRating } from '../index.js';

const radios = (el: HearkenRating) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=radio]')];

describe('<hearken-rating>', () => {
  afterEach(() => document.querySelectorAll('hearken-rating, form, [dir]').forEach((e) => e.remove()));

  for (const [scale, count, first] of [['stars', 5, '1 star'], ['nps', 11, '0'], ['thumbs', 2, 'Yes'], ['emoji', 5, 'Very unhappy']] as const) {
    it(`${scale}: a radio group of ${count} named choices`, async () => {
      const el = await mount<HearkenRating>(`<hearken-rating scale="${scale}"></hearken-rating>`);
      expect($(el, '[role=radiogroup]').getAttribute('aria-labelledby')).to.equal('label');
      expect(radios(el)).to.have.length(count);
      expect(radios(el)[0]!.getAttribute('aria-label')).to.equal(first);
      expect(radios(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    });
  }

  it('arrow keys move the choice, and are mirrored on right-to-left pages', async () => {
    const el = await mount<HearkenRating>('<hearken-rating scale="stars"></hearken-rating>');
    // Nothing chosen: focus is on the first option, and the first arrow moves on from it, as native radios do.
    radios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal(2);
    expect(radios(el)[1]!.getAttribute('aria-checked')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(radios(el)[1]);
    const nps = await mount<HearkenRating>('<hearken-rating scale="nps"></hearken-rating>');
    radios(nps)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(nps.value).to.equal(10);
    nps.remove();

    const rtl = document.createElement('div');
    rtl.dir = 'rtl';
    document.body.append(rtl);
    rtl.append(el);
    await settle(el);
    radios(el)[1]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal(3);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal(2);
  });

  it('is form-associated: a host form submits its value', async () => {
    const form = document.createElement('form');
    form.innerHTML = '<hearken-rating name="score" scale="nps"></hearken-rating>';
    document.body.append(form);
    const el = form.querySelector('hearken-rating')!;
    await el.updateComplete;
    radios(el)[9]!.click();
    await el.updateComplete;
    expect(new FormData(form).get('score')).to.equal('9');
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).get('score')).to.equal(null);
  });

  it('standalone "Was this page helpful?" sends the rating with an optional comment', async () => {
    const endpoint = await testEndpoint();
    const el = await mount<HearkenRating>(`<hearken-rating scale="thumbs" endpoint="${endpoint.url}" site="handbook"></hearken-rating>`);
    expect($(el, '.label').textContent).to.equal('Was this page helpful?');
    radios(el)[0]!.click();
    await settle(el);
    const comment = $<HTMLTextAreaElement>(el, 'textarea');
    comment.value = 'Clear and short';
    comment.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button.primary').click();
    await waitFor(async () => (await endpoint.log()).length === 1);
    const [request] = await endpoint.log();
    expect(request!.feedback).to.deep.include({ rating: { scale: 'thumbs', value: 1 }, message: 'Clear and short', site: 'handbook' });
    await waitFor(() => $(el, '[role=status]')?.textContent === 'Thank you for your feedback!');
    expect($(el, '[role=status]')!.classList.contains('sent')).to.equal(true);
  });

  it('standalone without a usable endpoint: hearken-error and a status say so, nothing thrown', async () => {
    const el = await mount<HearkenRating>('<hearken-rating scale="thumbs" endpoint="not a url"></hearken-rating>');
    const errors: Event[] = [];
    el.addEventListener('hearken-error', (event) => errors.push(event));
    radios(el)[0]!.click();
    await settle(el);
    $<HTMLButtonElement>(el, 'button.primary').click();
    await waitFor(() => errors.length === 1);
    await waitFor(() => Boolean($(el, '[role=status]')?.textContent?.trim()));
    expect($(el, '[role=status]')!.textContent).to.contain('feedback address is missing or not valid').and.not.contain('could not be reached');
    // Shown as a failure, not in the colour of a thank-you.
    expect($(el, '[role=status]')!.classList.contains('failed')).to.equal(true);

    const german = await mount<HearkenRating>('<hearken-rating scale="thumbs" endpoint="feedback here" locale="de"></hearken-rating>');
    radios(german)[0]!.click();
    await settle(german);
    $<HTMLButtonElement>(german, 'button.primary').click();
    await waitFor(() => Boolean($(german, '[role=status]')?.textContent?.trim()));
    expect($(german, '[role=status]')!.textContent).to.contain('Die Feedback-Adresse dieser Seite fehlt oder ist ungültig');
  });
});
