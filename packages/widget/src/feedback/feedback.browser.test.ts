import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, formOf, mount, settle, type } from '../../../../test/support/widget-fixtures.js';
import { testEndpoint, waitFor } from '../../../../test/support/test-endpoint.js';
import { deepActiveElement } from './tabbables.js';
import '../define.js';
import type { HearkenFeedback } from '../index.js';

const launcher = (el: HearkenFeedback) => $<HTMLButtonElement>(el, '.launcher');
const dialog = (el: HearkenFeedback) => $<HTMLDialogElement>(el, 'dialog');

describe('<hearken-feedback>', () => {
  afterEach(() => {
    document.querySelectorAll('hearken-feedback, dialog, .host-css').forEach((e) => e.remove());
    sessionStorage.clear();
    localStorage.removeItem('hearken:minimized');
  });

  it('is a button named "Feedback" in English and German', async () => {
    const en = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const de = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x" locale="de"></hearken-feedback>');
    expect(launcher(en).tagName).to.equal('BUTTON');
    expect(launcher(en).textContent).to.contain('Feedback');
    expect(launcher(de).textContent).to.contain('Feedback');
    expect(en.shadowRoot!.mode).to.equal('open');
  });

  it('draws its icon in CSS, with no SVG elements (they would cost the host page ≈ 30 KB of heap before anyone interacts)', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    const icon = $<HTMLElement>(el, '.icon').getBoundingClientRect();
    expect(icon.width).to.be.greaterThan(10);
    expect(icon.height).to.be.greaterThan(10);
    el.setAttribute('minimized', '');
    expect($<HTMLElement>(el, '.icon').getBoundingClientRect().width).to.be.greaterThan(10);
  });

  it('keyboard only: Tab reaches the launcher, Enter opens, Tab cycles inside, Esc closes, focus returns', async () => {
    const before = document.createElement('button');
    before.textContent = 'page button';
    document.body.prepend(before);
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(launcher(el));
    let opened = false;
    el.addEventListener('hearken-open', () => (opened = true));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => formOf(el));
    await settle(formOf(el));
    await waitFor(() => dialog(el).contains(deepActiveElement()) || formOf(el).shadowRoot!.contains(deepActiveElement()));
    expect(opened).to.equal(true);
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true);

    // Tab around the whole dialog and check focus never leaves it.
    const inside = () => {
      const active = deepActiveElement();
      return dialog(el).contains(active) || formOf(el).shadowRoot!.contains(active) || Boolean(active?.closest?.('hearken-rating'));
    };
    const seen = new Set<Element | null>();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(inside(), `Tab ${i}`).to.equal(true);
      seen.add(deepActiveElement());
    }
    expect(seen.has($(el, '.close'))).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(inside()).to.equal(true);

    let closed = false;
    el.addEventListener('hearken-close', () => (closed = true));
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el).open);
    expect(closed).to.equal(true);
    expect(deepActiveElement()).to.equal(launcher(el));
    before.remove();
  });

  it('opens one dialog when opened twice at once (a double click)', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    await Promise.all([el.open(), el.open(), el.open()]);
    expect(el.shadowRoot!.querySelectorAll('dialog')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('hearken-form')).to.have.length(1);
    expect(dialog(el).open).to.equal(true);
    expect(formOf(el).shadowRoot!.activeElement, 'focus is on the first field').to.not.equal(null);
    el.close();
  });

  it('keeps a draft across closing and reopening', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    await el.open();
    await type($(formOf(el), '#message'), 'half-written thought');
    el.close();
    await el.open();
    expect($<HTMLTextAreaElement>(formOf(el), '#message').value).to.equal('half-written thought');
    el.close();
  });

  it('opens above a host page modal dialog that is already open, and is usable there', async () => {
    const endpoint = await testEndpoint();
    const host = document.createElement('dialog');
    host.innerHTML = '<p>Host modal</p><button>Host OK</button>';
    document.body.append(host);
    host.showModal();
    const el = await mount<HearkenFeedback>(`<hearken-feedback endpoint="${endpoint.url}"></hearken-feedback>`);
    await el.open();
    const box = dialog(el).getBoundingClientRect();
    const topmost = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + 20);
    expect(dialog(el).contains(topmost)).to.equal(true);
    await type($(formOf(el), '#message'), 'From inside a modal');
    $<HTMLButtonElement>(formOf(el), 'button[type=submit]').click();
    await waitFor(async () => (await endpoint.accepted()).length === 1);
    el.close();
    host.close();
  });

  for (const [outcome, reply] of [['sent', 200], ['queued', 503]] as const) {
    it(`after feedback is ${outcome}, focus stays in the dialog on the status message, not on <body>`, async () => {
      const endpoint = await testEndpoint({ status: reply });
      const el = await mount<HearkenFeedback>(`<hearken-feedback endpoint="${endpoint.url}"></hearken-feedback>`);
      await el.open();
      await type($(formOf(el), '#message'), `Focus after ${outcome}`);
      const send = $<HTMLButtonElement>(formOf(el), 'button[type=submit]');
      send.focus();
      send.click();
      await waitFor(() => formOf(el).state === outcome);
      await settle(formOf(el));
      const status = $(formOf(el), '[role=status]');
      expect(status.textContent).to.not.equal('');
      expect(deepActiveElement()).to.equal(status);
      expect(document.activeElement).to.not.equal(document.body);
      el.close();
    });
  }

  it('opens its dialog, styled, where shadow roots have no adoptedStyleSheets (older engines)', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')!;
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, get: () => undefined, set: () => {} });
    try {
      const el = document.createElement('hearken-feedback');
      el.setAttribute('endpoint', '/x');
      document.body.append(el);
      await el.open();
      expect(dialog(el).open).to.equal(true);
      // The fallback <style> elements carry the launcher's and the dialog's rules.
      expect(el.shadowRoot!.querySelectorAll('style').length).to.equal(2);
      expect(getComputedStyle(dialog(el)).borderTopLeftRadius).to.equal('10px');
      el.close();
    } finally {
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor);
    }
  });

  it('can be minimised so it stops covering the page, and still opens', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const wide = launcher(el).getBoundingClientRect().width;
    $<HTMLButtonElement>(el, '.minimize').click();
    expect(el.hasAttribute('minimized')).to.equal(true);
    expect(launcher(el).getBoundingClientRect().width).to.be.lessThan(wide);
    expect(launcher(el).textContent).to.contain('Feedback');
    await el.open();
    expect(dialog(el).open).to.equal(true);
    el.close();
  });

  it('is not broken by hostile host CSS and leaks no style into the page', async () => {
    const style = document.createElement('style');
    style.className = 'host-css';
    style.textContent = '* { all: unset } button { display: none !important } dialog { display: none !important }';
    document.head.append(style);
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const box = launcher(el).getBoundingClientRect();
    expect(box.width).to.be.greaterThan(40);
    expect(getComputedStyle(el).position).to.equal('fixed');
    await el.open();
    expect(dialog(el).getBoundingClientRect().height).to.be.greaterThan(100);
    el.close();
    style.remove();
    const probe = document.createElement('button');
    document.body.append(probe);
    expect(getComputedStyle(probe).backgroundColor).to.not.equal('rgb(52, 81, 178)');
    probe.remove();
  });

  it('every control is at least 24×24 px, and at 320 px wide nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x" audience="external" rating="nps"></hearken-feedback>');
      await el.open();
      await settle(formOf(el));
      const controls = [el.shadowRoot!, formOf(el).shadowRoot!, $(formOf(el), 'hearken-rating').shadowRoot!].flatMap((root) =>
        [...root.querySelectorAll<HTMLElement>('button, input:not([tabindex="-1"]), select, textarea')].filter((c) => c.checkVisibility()),
      );
      expect(controls.length).to.be.greaterThan(15);
      for (const control of controls) {
        const { width, height } = control.getBoundingClientRect();
        expect(Math.min(width, height), `${control.outerHTML.slice(0, 60)}`).to.be.at.least(24);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
      el.close();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<hearken-feedback> properties', () => {
  it('mirror the attributes', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/a"></hearken-feedback>');
    expect(el.endpoint).to.equal('/a');
    el.audience = 'internal';
    el.position = 'top-left';
    expect(el.getAttribute('audience')).to.equal('internal');
    expect(getComputedStyle(el).top).to.equal('16px');
    el.position = null;
    expect(el.hasAttribute('position')).to.equal(false);
    el.remove();
  });
});

describe('<hearken-feedback> unread replies', () => {
  const Launcher = customElements.get('hearken-feedback') as unknown as { loadReplies: () => Promise<unknown> };
  const load = Launcher.loadReplies;
  let loads = 0;
  beforeEach(() => {
    localStorage.clear();
    loads = 0;
    Launcher.loadReplies = () => (loads++, load());
  });
  afterEach(() => {
    Launcher.loadReplies = load;
    document.querySelectorAll('hearken-feedback').forEach((e) => e.remove());
    localStorage.clear();
  });

  it('loads nothing for replies where this browser holds no follow-up keys', async () => {
    const el = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).to.equal(0);
    expect(launcher(el).hasAttribute('aria-label')).to.equal(false);
    expect($(el, '.badge')).to.equal(null);
  });

  it('shows the count of unread team replies as a badge and in its name, in English and German, until they are seen', async () => {
    // A key whose endpoint never said it keeps threads: nothing is fetched, the stored count is shown.
    localStorage.setItem('hearken:my-feedback', JSON.stringify([{ id: 'f1', key: 'k', endpoint: '/x', createdAt: new Date().toISOString(), excerpt: 'x', teamReplies: 1, seenReplies: 0 }]));
    localStorage.setItem('hearken:unread', '1');
    const en = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x"></hearken-feedback>');
    const de = await mount<HearkenFeedback>('<hearken-feedback endpoint="/x" locale="de"></hearken-feedback>');
    await waitFor(() => launcher(en).getAttribute('aria-label') === 'Feedback, 1 new reply');
    await waitFor(() => launcher(de).getAttribute('aria-label') === 'Feedback, 1 neue Antwort');
    expect($(en, '.badge').textContent).to.equal('1');
    expect($<HTMLElement>(en, '.badge').hidden).to.equal(false);
    expect(loads).to.equal(2);
    localStorage.setItem('hearken:unread', '2');
    de.setAttribute('locale', 'en');
    expect(launcher(de).getAttribute('aria-label')).to.equal('Feedback, 2 new replies');
    localStorage.removeItem('hearken:unread');
    en.dispatchEvent(new Event('hearken-replies-seen'));
    expect(launcher(en).hasAttribute('aria-label')).to.equal(false);
    expect($<HTMLElement>(en, '.badge').hidden).to.equal(true);
  });
});
