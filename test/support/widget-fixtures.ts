// Browser-test helpers for the widget elements.
import 'axe-core/axe.min.js';
import type { HearkenFeedback, HearkenForm, HearkenRating } from '@hearken/widget';

declare const axe: typeof import('axe-core');

/** Mounts an element from HTML and waits for Lit to render. */
export async function mount<T extends HTMLElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const element = holder.firstElementChild as T;
  document.body.append(element);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Queries inside an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(host: Element, selector: string) => host.shadowRoot!.querySelector(selector) as T;

export const formOf = (feedback: HearkenFeedback) => $<HearkenForm>(feedback, 'hearken-form');
export const ratingOf = (form: HearkenForm) => $<HearkenRating>(form, 'hearken-rating');

/** Types into a field as a person would: value, then an input event. */
export async function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(field);
}

/** Waits for every Lit element up from `node` to finish rendering. */
export async function settle(node: Node) {
  for (let current: Node | null = node; current; current = (current as ShadowRoot).host ?? current.parentNode) {
    await (current as { updateComplete?: Promise<unknown> }).updateComplete;
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** axe-core over the page (shadow roots included) with the WCAG 2.2 AA tags; returns the violations. */
export async function axeViolations(context: Element | Document = document) {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')} — ${v.nodes[0]?.failureSummary}`);
}
