import {
  DEFAULT_CATEGORIES,
  MESSAGE_MAX_LENGTH,
  URGENCIES,
  messageLength,
  parseFeedbackInput,
  type FeedbackInput,
  type FeedbackIssue,
  isNetworkError,
  type RatingScale,
  type SendResult,
  type Urgency,
  type User,
} from '@hearken/client';
import { html, nothing } from 'lit';
import { HearkenElement } from '../base/hearken-element.js';
import { describeError } from '../i18n/describe-error.js';
import { format, type Messages } from '../i18n/messages.js';
import { takeDropped } from '../sending/shared-client.js';
import { formStyles } from './form.styles.js';

/**
 * The issues an endpoint's `422` names for the fields the person can fix (the collector answers
 * `{ error, issues: [{ path, code }] }`); anything else in the body is ignored.
 */
function endpointIssues(error: unknown): FeedbackIssue[] {
  const issues = (error as { name?: string; body?: { issues?: unknown } } | undefined)?.name === 'HttpError' && (error as { body?: { issues?: unknown } }).body?.issues;
  return Array.isArray(issues) ? issues.filter((issue) => ['message', 'contact'].includes(issue?.path?.[0])) : [];
}

/** Where the form is: `idle` (editing), `submitting`, `sent`, `queued` (stored for later) or `failed`. */
export type FormState = 'idle' | 'submitting' | 'sent' | 'queued' | 'failed';
type Field = 'message' | 'email';

/**
 * The feedback form: an optional rating, a category, the message, and per audience an email with
 * consent (external) or the identity from the host page with "send anonymously", department and
 * urgency (internal). Validation happens in the person's language before anything is sent; nothing
 * typed is lost on any error.
 *
 * @summary Inline feedback form; also the content of `<hearken-feedback>`'s dialog.
 * @tag hearken-form
 *
 * @attr endpoint - URL the feedback is POSTed to.
 * @attr audience - `external` (default) or `internal`.
 * @attr locale - Language; default the page's `<html lang>`, else `en`.
 * @attr site - Routing key sent with every feedback.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr rating - Rating scale to offer: `stars`, `nps`, `thumbs`, `emoji`; none when absent.
 * @attr categories - Comma-separated categories; default per audience.
 * @attr credentials - `include` to send cookies to the endpoint.
 *
 * @event hearken-submit - About to send; cancelable, `detail.feedback` may be edited.
 * @event hearken-sent - The endpoint accepted the feedback.
 * @event hearken-queued - Stored for later delivery.
 * @event hearken-error - Not sent, and why.
 *
 * @csspart form - The `<form>`.
 * @csspart submit - The send button.
 * @csspart status - The status line (sent, queued, failed).
 *
 * @cssproperty [--hearken-color-accent=#3451b2] - Buttons and focus ring.
 * @cssproperty [--hearken-color-field=#fff] - Background of fields.
 */
export class HearkenForm extends HearkenElement {
  static override styles = formStyles;
  static override properties = {
    rating: {},
    categories: {},
    user: { attribute: false },
    minFillMs: { type: Number, attribute: 'min-fill-ms' },
    state: { state: true },
    errors: { state: true },
    statusText: { state: true },
    draft: { state: true },
  };

  /** Rating scale offered, or none. */
  declare rating?: RatingScale;
  /** Comma-separated categories offered. */
  categories = '';
  /** Identity from the host page (intranets). */
  declare user?: User;
  /** Submissions faster than this (ms after the form appeared) are flagged to the endpoint as likely bots. */
  minFillMs = 1500;

  /** Where the form is. */
  state: FormState = 'idle';
  private errors: Partial<Record<Field, string>> = {};
  private statusText = '';
  private draft = { rating: undefined as number | undefined, category: '', message: '', email: '', mayContact: false, anonymous: false, department: '', urgency: 'normal' as Urgency };

  #shownAt = Date.now();
  #honeypot = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#shownAt = Date.now();
  }

  /** Moves focus to the first field. */
  override focus(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('hearken-rating,select');
    // Not rendered yet: the host's own focus, not this method again (endless recursion).
    if (first) first.focus();
    else super.focus();
  }

  /** Validates and sends, as the send button does. */
  async submit(): Promise<void> {
    if (this.state === 'submitting') return;
    const t = this.#t();
    const input = this.#input();
    const checked = parseFeedbackInput(input);
    // The form's own rule, not the wire's: who ticks "you may contact me" is asked for an address.
    const consentWithoutEmail = input.contact?.mayContact && !input.contact.email;
    const issues: FeedbackIssue[] = [
      ...(checked.success ? [] : checked.issues),
      ...(consentWithoutEmail ? [{ path: ['contact', 'email'], code: 'required', message: 'email required to be contacted' }] : []),
    ];
    this.errors = this.#fieldErrors(issues, t);
    if (issues.length) {
      // What the endpoint said about an earlier try no longer stands beside the fields' own errors.
      this.#show('idle', '');
      return this.#focusInvalidField();
    }
    // A filled honeypot is a bot: it sees "thank you", and nothing is sent.
    if (this.#honeypot) return this.#show('sent', t.sent);
    const client = this.resolveClient();
    if (!client) return this.#show('failed', describeError(t, 'no endpoint'));
    this.#show('submitting', t.sending);
    const result = await this.send(client, input);
    if (!result) return this.#show('idle', '');
    if (result.status === 'sent' || result.status === 'queued') {
      this.#show(result.status, [this.#outcomeText(t, result, input), ...takeDropped(client).map((e) => (e.reason === 'evicted' ? t.droppedEvicted : t.droppedGivenUp))].join(' '));
      this.draft = { ...this.draft, rating: undefined, message: '', category: '' };
      // The focused send button is gone: focus goes to the message that says what happened, not to <body>.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
      return;
    }
    this.errors = this.#fieldErrors(result.error?.name === 'ValidationError' ? (result.error as unknown as { issues: FeedbackIssue[] }).issues : endpointIssues(result.error), t);
    this.#show('failed', describeError(t, result.error));
    if (Object.keys(this.errors).length) await this.#focusInvalidField();
  }

  /** Once rendered, moves focus to the first field marked invalid. */
  async #focusInvalidField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Back to an empty form (keeps email and identity choices). */
  reset(): void {
    this.draft = { ...this.draft, rating: undefined, message: '', category: '' };
    this.errors = {};
    this.#show('idle', '');
    this.#shownAt = Date.now();
  }

  override render() {
    const t = this.#t();
    const d = this.draft;
    const done = this.state === 'sent' || this.state === 'queued';
    const length = messageLength(d.message);
    const internal = this.audience === 'internal';
    const categories = this.#categories();
    const who = this.user && [this.user.name ?? this.user.email ?? this.user.id, this.user.department && `(${this.user.department})`].filter(Boolean).join(' ');
    const error = (field: Field) => (this.errors[field] ? html`<p class="error" id="${field}-error">${this.errors[field]}</p>` : nothing);
    const invalid = (field: Field) => (this.errors[field] ? 'true' : 'false');
    const set = (key: keyof typeof d, value: unknown) => (this.draft = { ...this.draft, [key]: value });

    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${done
        ? html`<div class="actions"><button class="primary" type="button" @click=${this.#again}>${t.sendAnother}</button></div>`
        : html`
            ${this.rating
              ? html`<div class="field">
                  <hearken-rating
                    scale=${this.rating}
                    locale=${this.locale || nothing}
                    theme=${this.theme}
                    .messages=${this.messages}
                    .value=${d.rating}
                    @change=${(e: Event) => set('rating', (e.target as HTMLInputElement & { value?: number }).value)}
                  ></hearken-rating>
                </div>`
              : nothing}
            <div class="field">
              <label for="category">${t.categoryLabel}</label>
              <select id="category" @change=${(e: Event) => set('category', (e.target as HTMLSelectElement).value)}>
                ${categories.map((c) => html`<option value=${c} ?selected=${c === (d.category || categories[0])}>${t.categories[c] ?? c}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="message">${t.messageLabel}</label>
              <textarea
                id="message"
                rows="5"
                dir="auto"
                placeholder=${t.messagePlaceholder}
                aria-invalid=${invalid('message')}
                aria-describedby=${this.errors.message ? 'message-error counter' : 'counter'}
                .value=${d.message}
                @input=${this.#onMessage}
              ></textarea>
              <div class="hint">${error('message')}<span id="counter" class=${length > MESSAGE_MAX_LENGTH ? 'over' : ''}>${length} / ${MESSAGE_MAX_LENGTH}</span></div>
            </div>
            ${internal
              ? html`${who ? html`<p class="identity">${format(t.sendingAs, { name: d.anonymous ? '—' : who })}</p>` : nothing}
                  <label class="check"><input type="checkbox" .checked=${d.anonymous} @change=${(e: Event) => set('anonymous', (e.target as HTMLInputElement).checked)} />${t.anonymous}</label>
                  ${!d.anonymous && !this.user?.department
                    ? html`<div class="field">
                        <label for="department">${t.departmentLabel}</label>
                        <input id="department" type="text" maxlength="200" autocomplete="organization-title" .value=${d.department} @input=${(e: Event) => set('department', (e.target as HTMLInputElement).value)} />
                      </div>`
                    : nothing}
                  <div class="field">
                    <label for="urgency">${t.urgencyLabel}</label>
                    <select id="urgency" @change=${(e: Event) => set('urgency', (e.target as HTMLSelectElement).value)}>
                      ${URGENCIES.map((u) => html`<option value=${u} ?selected=${u === d.urgency}>${t.urgencies[u]}</option>`)}
                    </select>
                  </div>`
              : html`<div class="field">
                    <label for="email">${t.emailLabel}</label>
                    <input
                      id="email"
                      type="email"
                      maxlength="254"
                      autocomplete="email"
                      aria-invalid=${invalid('email')}
                      aria-describedby=${this.errors.email ? 'email-error' : nothing}
                      .value=${d.email}
                      @input=${(e: Event) => set('email', (e.target as HTMLInputElement).value)}
                    />
                    ${error('email')}
                  </div>
                  <label class="check"><input type="checkbox" .checked=${d.mayContact} @change=${(e: Event) => set('mayContact', (e.target as HTMLInputElement).checked)} />${t.mayContact}</label>`}
            <details class="disclosure">
              <summary>${t.whatIsSent}</summary>
              <ul>
                ${[...t.sentFields, ...(internal ? [t.sentFieldsInternal] : [t.sentFieldsEmail])].map((item) => html`<li>${item}</li>`)}
              </ul>
            </details>
            <div class="honeypot" aria-hidden="true">
              <label>Website<input type="text" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#honeypot = (e.target as HTMLInputElement).value)} /></label>
            </div>
            <div class="actions">
              <button class="primary" part="submit" type="submit" aria-disabled=${this.state === 'submitting' ? 'true' : 'false'}>
                ${this.state === 'failed' && !Object.keys(this.errors).length ? t.retry : this.state === 'submitting' ? t.sending : t.send}
              </button>
            </div>
          `}
      <p class="status ${this.state}" part="status" role="status" tabindex="-1">${this.statusText}</p>
    </form>`;
  }

  #t(): Messages {
    return this.localize.t;
  }

  /** What the person is told: sent (and where the answer will appear), or kept — offline, or the service unreachable. */
  #outcomeText(t: Messages, result: SendResult, input: FeedbackInput): string {
    if (result.status === 'queued') return isNetworkError(result.error) && result.error.offline ? t.queued : t.queuedUnreachable;
    if (!result.followUp) return t.sent;
    return input.contact?.mayContact && input.contact.email ? t.sentFollowUpEmail : t.sentFollowUp;
  }

  /** The categories offered: the `categories` attribute, else the audience's defaults. */
  #categories(): readonly string[] {
    return this.categories ? this.categories.split(',').map((c) => c.trim()).filter(Boolean) : DEFAULT_CATEGORIES[this.audience === 'internal' ? 'internal' : 'external'];
  }

  #show(state: FormState, text: string): void {
    this.state = state;
    this.statusText = text;
  }

  #input(): FeedbackInput {
    const d = this.draft;
    const internal = this.audience === 'internal';
    const email = d.email.trim();
    const department = this.user?.department ?? d.department.trim();
    const user = internal && !d.anonymous && (this.user || department) ? { ...this.user, ...(department ? { department } : {}) } : undefined;
    return {
      audience: this.audience,
      category: d.category || this.#categories()[0],
      message: d.message,
      ...(d.rating !== undefined && this.rating ? { rating: { scale: this.rating, value: d.rating } } : {}),
      ...(internal ? { urgency: d.urgency, anonymous: d.anonymous } : {}),
      ...(user ? { user } : {}),
      ...(!internal && (email || d.mayContact) ? { contact: { ...(email ? { email } : {}), mayContact: d.mayContact } } : {}),
      signals: { honeypot: false, fillMs: Date.now() - this.#shownAt },
    };
  }

  #fieldErrors(issues: FeedbackIssue[], t: Messages): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    for (const { path, code } of issues) {
      // The other fields cannot go wrong: their inputs hold only what the schema accepts (maxlength).
      const field: Field = path[0] === 'contact' ? 'email' : 'message';
      errors[field] ??=
        field === 'message'
          ? code === 'too_big'
            ? format(t.errorTooLong, { max: MESSAGE_MAX_LENGTH, count: messageLength(this.draft.message) })
            : code === 'required'
              ? this.rating ? t.errorMessageRequired : t.errorRequired
              : t.errorInvalid
          : code === 'required'
            ? t.errorEmailRequired
            : t.errorEmail;
    }
    return errors;
  }

  #onMessage(event: Event): void {
    const message = (event.target as HTMLTextAreaElement).value;
    this.draft = { ...this.draft, message };
    const length = messageLength(message);
    if (length > MESSAGE_MAX_LENGTH) this.errors = { ...this.errors, message: format(this.#t().errorTooLong, { max: MESSAGE_MAX_LENGTH, count: length }) };
    else if (this.errors.message) this.errors = { ...this.errors, message: undefined };
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    void this.submit();
  }

  async #again(): Promise<void> {
    this.reset();
    await this.updateComplete;
    this.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hearken-form': HearkenForm;
  }
}
