import { RATING_SCALES, type RatingScale } from '@hearken/client';
import { html, nothing, type PropertyValues } from 'lit';
import { HearkenElement } from '../base/hearken-element.js';
import { describeError } from '../i18n/describe-error.js';
import { isRtl } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { ratingStyles } from './rating.styles.js';

const EMOJI = ['😞', '🙁', '😐', '🙂', '😄'];

/**
 * A rating control with radio-group semantics: stars 1–5, NPS 0–10, thumbs (0 = down, 1 = up) or
 * emoji 1–5. Arrow keys move the choice (mirrored on right-to-left pages). It is form-associated, so
 * inside a host `<form>` it submits its value under `name`.
 *
 * Given an `endpoint`, it stands alone as "Was this page helpful?": after a choice it offers an
 * optional comment and sends both through the client.
 *
 * @summary Rating control, also usable alone as "Was this page helpful?".
 * @tag hearken-rating
 *
 * @attr scale - `stars` (default), `nps`, `thumbs` or `emoji`.
 * @attr value - The chosen value, a whole number in the scale's range.
 * @attr name - Form field name inside a host `<form>`.
 * @attr label - The question; default "Your rating" (or "Was this page helpful?" when standalone).
 * @attr required - A value must be chosen before the host form submits.
 * @attr endpoint - Makes it standalone: sends the rating (and a comment) to this URL.
 * @attr audience - `external` (default) or `internal`, when standalone.
 * @attr site - Routing key, when standalone.
 * @attr credentials - `include` to send cookies to the endpoint, when standalone.
 * @attr locale - Language; default the page's.
 * @attr theme - `light` (default), `dark` or `auto`.
 *
 * @event change - The value changed by a person.
 * @event hearken-submit - Standalone: about to send (cancelable).
 * @event hearken-sent - Standalone: the endpoint accepted the rating.
 * @event hearken-queued - Standalone: stored for later delivery.
 * @event hearken-error - Standalone: not sent, and why.
 *
 * @csspart group - The radio group.
 * @csspart option - Each choice.
 *
 * @cssproperty [--hearken-color-accent=#3451b2] - The chosen option.
 */
export class HearkenRating extends HearkenElement {
  static override styles = ratingStyles;
  static formAssociated = true;
  static override properties = {
    scale: { reflect: true },
    value: { type: Number },
    name: {},
    label: {},
    required: { type: Boolean },
    comment: { state: true },
    done: { state: true },
  };

  /** The scale. */
  scale: RatingScale = 'stars';
  /** The chosen value, or `undefined`. */
  declare value?: number;
  /** Form field name. */
  name = '';
  /** The question shown above the choices. */
  label = '';
  /** Whether a host form requires a value. */
  required = false;
  private comment = '';
  /** What became of the standalone send, shown in place of the rating. */
  private done?: { text: string; failed: boolean };

  readonly #internals = this.attachInternals();

  /** The choices in display order. */
  get options(): number[] {
    const [min, max] = RATING_SCALES[this.scale] ?? RATING_SCALES.stars;
    const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return this.scale === 'thumbs' ? values.reverse() : values;
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('required')) {
      this.#internals.setFormValue(this.value === undefined ? null : String(this.value));
      const missing = this.required && this.value === undefined;
      this.#internals.setValidity(missing ? { valueMissing: true } : {}, missing ? this.#t().errorRequired : '');
    }
  }

  /** Called by a host form's reset. */
  formResetCallback(): void {
    this.value = undefined;
  }

  override render() {
    const t = this.#t();
    const standalone = Boolean(this.endpoint);
    const options = this.options;
    const focusable = options.includes(this.value as number) ? this.value : options[0];
    const name = (v: number) =>
      this.scale === 'stars' ? t.stars[v - 1] : this.scale === 'thumbs' ? t.thumbs[v] : this.scale === 'emoji' ? t.emoji[v - 1] : String(v);
    // Thumbs also say "Yes"/"No" in words: clearer, and readable where no emoji font is installed.
    const glyph = (v: number) => (this.scale === 'stars' ? '★' : this.scale === 'thumbs' ? `${v ? '👍' : '👎'} ${t.thumbs[v]}` : this.scale === 'emoji' ? EMOJI[v - 1] : v);
    if (this.done) return html`<p class="status ${this.done.failed ? 'failed' : 'sent'}" role="status">${this.done.text}</p>`;
    return html`
      <div role="radiogroup" part="group" class=${this.scale} aria-labelledby="label" aria-required=${this.required ? 'true' : 'false'} @keydown=${this.#onKey}>
        <span class="label" id="label">${this.label || (standalone ? t.helpfulQuestion : t.ratingLabel)}</span>
        <div class="options">
          ${options.map(
            (v) => html`<button
              type="button"
              role="radio"
              part="option"
              class=${this.value !== undefined && v <= this.value ? 'on' : ''}
              aria-checked=${v === this.value ? 'true' : 'false'}
              aria-label=${name(v)!}
              tabindex=${v === focusable ? 0 : -1}
              @click=${() => this.#choose(v)}
            >${glyph(v)}</button>`,
          )}
        </div>
        ${this.scale === 'nps' ? html`<div class="ends" aria-hidden="true"><span>${t.nps.low}</span><span>${t.nps.high}</span></div>` : nothing}
      </div>
      ${standalone && this.value !== undefined
        ? html`<label class="label" for="comment">${t.commentLabel}</label>
            <textarea id="comment" rows="3" dir="auto" .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
            <button class="primary" type="button" @click=${this.#send}>${t.send}</button>`
        : nothing}
    `;
  }

  #t(): Messages {
    return this.localize.t;
  }

  #choose(value: number): void {
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async #onKey(event: KeyboardEvent): Promise<void> {
    const options = this.options;
    // Nothing chosen yet: focus is on the first option, and an arrow moves from there, as native radios do.
    const index = Math.max(0, options.indexOf(this.value ?? NaN));
    const rtl = isRtl(this);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    if (event.key === forward || event.key === 'ArrowDown') next = (index + 1) % options.length;
    else if (event.key === back || event.key === 'ArrowUp') next = (index - 1 + options.length) % options.length;
    else return;
    event.preventDefault();
    this.#choose(options[next]!);
    await this.updateComplete;
    this.focus();
  }

  async #send(): Promise<void> {
    const t = this.#t();
    const client = this.resolveClient();
    if (!client) return void (this.done = { text: describeError(t, 'no endpoint'), failed: true });
    const result = await this.send(client, {
      rating: { scale: this.scale, value: this.value! },
      message: this.comment.trim() || undefined,
      category: 'page-rating',
    });
    if (result) this.done = result.status === 'rejected' ? { text: describeError(t, result.error), failed: true } : { text: t.thanks, failed: false };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearken-rating': HearkenRating;
  }
}
