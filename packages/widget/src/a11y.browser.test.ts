// axe-core (WCAG 2.0/2.1/2.2 A and AA) in every state of the widget, in both themes and both languages.
import { expect } from '@open-wc/testing';
import { $, axeViolations, formOf, mount, settle, type } from '../../../test/support/widget-fixtures.js';
import { testEndpoint, waitFor } from '../../../test/support/test-endpoint.js';
import './define.js';
import type { FormState, HearkenFeedback } from './index.js';

const STATES = ['closed', 'open', 'invalid', 'submitting', 'sent', 'queued', 'failed'] as const;
const replies: Partial<Record<(typeof STATES)[number], { status: number; delay?: number }>> = {
  submitting: { status: 200, delay: 1500 },
  queued: { status: 503 },
  failed: { status: 422 },
};

async function reach(state: (typeof STATES)[number], theme: string, locale: string, audience: string) {
  const reply = replies[state];
  const endpoint = await testEndpoint(...(reply ? [reply] : []));
  const el = await mount<HearkenFeedback>(`<hearken-feedback endpoint="${endpoint.url}" theme="${theme}" locale="${locale}" audience="${audience}" rating="${audience === 'internal' ? 'nps' : 'stars'}"></hearken-feedback>`);
  if (state === 'closed') return el;
  await el.open();
  const form = formOf(el);
  await settle(form);
  if (state === 'open') return el;
  if (state !== 'invalid') await type($(form, '#message'), 'The search page <b>times out</b> after 30 seconds.');
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  const expected: FormState = state === 'invalid' ? 'idle' : state;
  await waitFor(() => form.state === expected && (state !== 'invalid' || $(form, '[aria-invalid=true]')));
  await settle(form);
  return el;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // The test page itself must pass too: give it what any real page has.
  before(() => {
    document.title = 'Accessibility test page';
    document.documentElement.lang = 'en';
  });

  for (const theme of ['light', 'dark']) {
    for (const locale of ['en', 'de']) {
      const audience = locale === 'de' ? 'internal' : 'external';
      for (const state of STATES) {
        it(`0 violations: ${state}, ${theme}, ${locale}, ${audience}`, async () => {
          const el = await reach(state, theme, locale, audience);
          try {
            expect(await axeViolations()).to.deep.equal([]);
          } finally {
            el.close();
            el.remove();
          }
        });
      }
    }
  }

  for (const [locale, audience, summary] of [['en', 'external', 'What is sent?'], ['de', 'internal', 'Was wird gesendet?']]) {
    it(`0 violations: "What is sent?" opened, ${locale}, ${audience}, light and dark`, async () => {
      for (const theme of ['light', 'dark']) {
        const el = await reach('open', theme, locale!, audience!);
        try {
          const details = $<HTMLDetailsElement>(formOf(el), 'details');
          expect(details.querySelector('summary')!.textContent).to.equal(summary);
          details.querySelector('summary')!.click();
          expect(details.open).to.equal(true);
          expect(details.querySelectorAll('li').length).to.equal(4);
          expect(await axeViolations()).to.deep.equal([]);
        } finally {
          el.close();
          el.remove();
        }
      }
    });
  }

  it('0 violations: inline form and standalone rating on a right-to-left page', async () => {
    const holder = await mount<HTMLElement>('<div dir="rtl" lang="en"><hearken-form endpoint="/x" rating="emoji"></hearken-form><hearken-rating scale="thumbs" endpoint="/x"></hearken-rating></div>');
    await settle(holder.querySelector('hearken-form')!);
    expect(await axeViolations()).to.deep.equal([]);
    holder.remove();
  });
});
